import { withTenant, type Tenant, type TenantDatabase, type TenantTransaction } from '@himal/db';
import type { Insertable, Selectable } from 'kysely';
import { newBookingReference } from './booking-reference.ts';

/**
 * Every query of orders, their items, travellers, payments, refunds, cancellation quotes and events.
 * Status columns are written only by recordTransition; these write the rest.
 */
export type OrderRow = Selectable<TenantDatabase['orders']>;
export type ItemRow = Selectable<TenantDatabase['order_items']>;
export type TravellerRow = Selectable<TenantDatabase['order_travellers']>;
export type PaymentRow = Selectable<TenantDatabase['payments']>;
export type RefundRow = Selectable<TenantDatabase['refunds']>;
export type CancellationRow = Selectable<TenantDatabase['order_cancellations']>;
export type EventRow = Selectable<TenantDatabase['order_events']>;
type TenantRef = Pick<Tenant, 'schemaName'>;

export interface OrderRecord {
  order: OrderRow;
  items: ItemRow[];
  travellers: TravellerRow[];
  payments: PaymentRow[];
  refunds: RefundRow[];
}

export async function insertOrder(
  trx: TenantTransaction,
  order: Insertable<TenantDatabase['orders']>,
  items: Insertable<TenantDatabase['order_items']>[],
  travellers: Insertable<TenantDatabase['order_travellers']>[],
): Promise<void> {
  await trx.insertInto('orders').values(order).execute();
  await trx.insertInto('order_items').values(items).execute();
  await trx.insertInto('order_travellers').values(travellers).execute();
}

/** The order with everything it holds; `lock` takes the order row FOR UPDATE (one step at a time per order). */
export async function loadOrder(
  trx: TenantTransaction,
  orderId: string,
  options: { lock?: boolean } = {},
): Promise<OrderRecord | undefined> {
  let query = trx.selectFrom('orders').selectAll().where('id', '=', orderId);
  if (options.lock) query = query.forUpdate();
  const order = await query.executeTakeFirst();
  if (!order) return undefined;
  const [items, travellers, payments] = await Promise.all([
    trx.selectFrom('order_items').selectAll().where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute(),
    trx.selectFrom('order_travellers').selectAll().where('order_id', '=', orderId).orderBy('position').execute(),
    trx.selectFrom('payments').selectAll().where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute(),
  ]);
  const refunds = payments.length
    ? await trx
        .selectFrom('refunds')
        .selectAll()
        .where(
          'payment_id',
          'in',
          payments.map((payment) => payment.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  return { order, items, travellers, payments, refunds };
}

export function readOrder(tenant: TenantRef, orderId: string): Promise<OrderRecord | undefined> {
  return withTenant(tenant, (trx) => loadOrder(trx, orderId));
}

export async function findOrderIdByReference(
  tenant: TenantRef,
  bookingReference: string,
): Promise<{ id: string; contactEmail: string } | undefined> {
  const row = await withTenant(tenant, (trx) =>
    trx.selectFrom('orders').select(['id', 'contact_email']).where('booking_reference', '=', bookingReference).executeTakeFirst(),
  );
  return row && { id: row.id, contactEmail: row.contact_email };
}

export async function findOrderAccessHash(tenant: TenantRef, orderId: string): Promise<string | undefined> {
  const row = await withTenant(tenant, (trx) =>
    trx.selectFrom('orders').select('access_token_hash').where('id', '=', orderId).executeTakeFirst(),
  );
  return row?.access_token_hash;
}

export function findPayment(trx: TenantTransaction, paymentId: string, options: { lock?: boolean } = {}) {
  let query = trx.selectFrom('payments').selectAll().where('id', '=', paymentId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertPayment(trx: TenantTransaction, payment: Insertable<TenantDatabase['payments']>): Promise<void> {
  await trx.insertInto('payments').values(payment).execute();
}

/** Where the traveller is sent to pay, once the provider opened the payment. */
export async function savePaymentSession(
  trx: TenantTransaction,
  paymentId: string,
  session: { providerReference: string; nextAction: unknown },
): Promise<void> {
  await trx
    .updateTable('payments')
    .set({
      provider_reference: session.providerReference,
      next_action: JSON.stringify(session.nextAction),
      updated_at: new Date(),
    })
    .where('id', '=', paymentId)
    .execute();
}

export function insertRefund(trx: TenantTransaction, refund: Insertable<TenantDatabase['refunds']>): Promise<RefundRow> {
  return trx.insertInto('refunds').values(refund).returningAll().executeTakeFirstOrThrow();
}

export async function insertCancellation(
  trx: TenantTransaction,
  row: Insertable<TenantDatabase['order_cancellations']>,
): Promise<void> {
  await trx.insertInto('order_cancellations').values(row).execute();
}

export function findCancellation(trx: TenantTransaction, cancellationId: string) {
  return trx.selectFrom('order_cancellations').selectAll().where('id', '=', cancellationId).executeTakeFirst();
}

export function openCancellationQuotes(trx: TenantTransaction, orderId: string) {
  return trx
    .selectFrom('order_cancellations')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('status', '=', 'quoted')
    .execute();
}

/** Whether an event of this subject and id exists (a notification already sent, a provider event applied). */
export async function hasEvent(trx: TenantTransaction, orderId: string, subject: string, subjectId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('order_events')
    .select('id')
    .where('order_id', '=', orderId)
    .where('subject', '=', subject)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return !!row;
}

export function orderEvents(tenant: TenantRef, orderId: string): Promise<EventRow[]> {
  return withTenant(tenant, (trx) =>
    trx.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('id').execute(),
  );
}

/** Records a provider event as applied; false when it already was (a replayed or duplicated webhook). */
export async function claimProviderEvent(
  trx: TenantTransaction,
  event: { id: string; type: string; paymentId: string | null },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('payment_webhook_events')
    .values({ id: event.id, type: event.type, payment_id: event.paymentId })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!inserted;
}

/** Orders that sat in an intermediate state since before `before`: what recovery drives to an end. */
export function stuckOrders(trx: TenantTransaction, before: Date, limit: number) {
  return trx
    .selectFrom('orders')
    .select(['id', 'status'])
    .where('status', 'in', ['pending', 'confirming', 'cancelling'])
    .where('updated_at', '<', before)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

/** Held orders with a payment the traveller may have made without our hearing of it. */
export function unsettledPayments(trx: TenantTransaction, before: Date, limit: number) {
  return trx
    .selectFrom('payments')
    .innerJoin('orders', 'orders.id', 'payments.order_id')
    .select(['payments.id as id'])
    .where('payments.status', '=', 'requires_action')
    .where('payments.provider_reference', 'is not', null)
    .where('payments.created_at', '<', before)
    .where('orders.status', '=', 'held')
    .orderBy('payments.created_at')
    .limit(limit)
    .execute();
}

export async function bookingSettings(trx: TenantTransaction) {
  const row = await trx.selectFrom('booking_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) throw new Error('booking_settings has no row: the tenant schema is not migrated');
  return row;
}

/** A booking reference no order of the agency has yet (22^6 of them: a redraw is rare). */
export async function uniqueBookingReference(trx: TenantTransaction): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const reference = newBookingReference();
    const taken = await trx.selectFrom('orders').select('id').where('booking_reference', '=', reference).executeTakeFirst();
    if (!taken) return reference;
  }
  throw new Error('no free booking reference after 10 draws');
}
