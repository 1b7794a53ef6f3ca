import { withTenant, type Tenant } from '@himal/db';
import type { Money } from '@himal/gds';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { policyContext, type BookingOptions } from './booking-options.ts';
import { OrderError } from './order-errors.ts';
import { newCancellationId } from './order-ids.ts';
import {
  bookingSettings,
  findCancellation,
  insertCancellation,
  loadOrder,
  openCancellationQuotes,
  type CancellationRow,
} from './order-repository.ts';
import { PRODUCT_POLICIES, type ItemCancellationTerms } from './product-policies.ts';
import { recordCreation, recordTransition } from './record-transition.ts';

/** How long a cancellation quote holds when no supplier says less. */
export const CANCELLATION_QUOTE_TTL_MS = 15 * 60_000;

export interface CancellationView {
  id: string;
  orderId: string;
  status: CancellationRow['status'];
  penalty: Money;
  agencyFee: Money;
  refund: Money;
  expiresAt: Date;
  confirmedAt: Date | null;
  createdAt: Date;
}

export function toCancellationView(row: CancellationRow): CancellationView {
  const money = (minor: string) => ({ amountMinor: Number(minor), currency: row.currency });
  return {
    id: row.id,
    orderId: row.order_id,
    status: row.status,
    penalty: money(row.penalty_minor),
    agencyFee: money(row.agency_fee_minor),
    refund: money(row.refund_minor),
    expiresAt: row.expires_at,
    confirmedAt: row.confirmed_at,
    createdAt: row.created_at,
  };
}

/**
 * What cancelling an order would cost now: each confirmed item's supplier penalty (the agency's own
 * terms for its departures), the agency's cancellation fee, and the refund of what was paid, until
 * the earliest supplier quote expires. A new quote supersedes the order's earlier ones.
 */
export async function quoteOrderCancellation(
  tenant: Tenant,
  orderId: string,
  options: BookingOptions = {},
): Promise<CancellationView> {
  const actor = options.actor ?? 'traveller';
  const now = options.now?.() ?? new Date();
  const record = await withTenant(tenant, (trx) => loadOrder(trx, orderId));
  if (!record) throw new OrderError('NOT_FOUND', `no order ${orderId}`);
  const { order } = record;
  if (order.status !== 'held' && order.status !== 'confirmed')
    throw new OrderError('ORDER_STATE_CONFLICT', `order ${order.booking_reference} is ${order.status} and cannot be cancelled`);
  const context = policyContext(tenant, options);
  const terms: ItemCancellationTerms[] = [];
  for (const item of record.items.filter((candidate) => candidate.status === 'confirmed'))
    terms.push(await PRODUCT_POLICIES[item.product].quoteCancellation(context, item, order));
  const paid = record.payments.reduce((sum, payment) => sum + Number(payment.captured_minor) - Number(payment.refunded_minor), 0);
  const penalty = terms.reduce((sum, item) => sum + item.penalty.amountMinor, 0);
  return withTenant(tenant, async (trx) => {
    const fee = paid > 0 ? (await bookingSettings(trx)).cancellation_fee_minor : 0;
    const refund = Math.max(0, paid - penalty - fee);
    const expiries = terms.flatMap((item) => (item.supplierQuote?.expiresAt ? [Date.parse(item.supplierQuote.expiresAt)] : []));
    const expiresAt = new Date(Math.min(now.getTime() + CANCELLATION_QUOTE_TTL_MS, ...expiries));
    for (const earlier of await openCancellationQuotes(trx, orderId))
      await recordTransition(trx, { subject: 'cancellation', id: earlier.id, orderId, from: 'quoted', to: 'superseded', actor });
    const id = newCancellationId();
    await insertCancellation(trx, {
      id,
      order_id: orderId,
      penalty_minor: String(Math.min(penalty, paid)),
      agency_fee_minor: String(Math.min(fee, Math.max(0, paid - penalty))),
      refund_minor: String(refund),
      currency: order.currency,
      supplier_quotes: JSON.stringify(terms),
      expires_at: expiresAt,
    });
    await recordCreation(trx, { subject: 'cancellation', id, orderId, state: 'quoted', actor, data: { refund, penalty, fee } });
    return toCancellationView((await findCancellation(trx, id))!);
  });
}

/**
 * Confirms the order's latest cancellation quote while it holds: the order moves to cancelling and
 * the cancel-order job carries it out with the suppliers and refunds. An expired quote, or one a
 * newer quote replaced, is refused.
 */
export async function confirmOrderCancellation(
  tenant: Tenant,
  cancellationId: string,
  options: BookingOptions = {},
): Promise<CancellationView> {
  const actor = options.actor ?? 'traveller';
  const now = options.now?.() ?? new Date();
  return withTenant(tenant, async (trx) => {
    const quote = await findCancellation(trx, cancellationId);
    if (!quote) throw new OrderError('NOT_FOUND', `no cancellation ${cancellationId}`);
    const record = (await loadOrder(trx, quote.order_id, { lock: true }))!;
    const current = (await findCancellation(trx, cancellationId))!;
    if (current.status === 'confirmed' || current.status === 'completed') return toCancellationView(current);
    if (current.status === 'superseded')
      throw new OrderError('CANCELLATION_QUOTE_SUPERSEDED', 'a newer cancellation quote replaced this one: confirm the latest');
    if (current.status === 'expired' || current.expires_at <= now) {
      if (current.status === 'quoted')
        await recordTransition(trx, {
          subject: 'cancellation',
          id: current.id,
          orderId: current.order_id,
          from: 'quoted',
          to: 'expired',
          actor,
        });
      throw new OrderError(
        'CANCELLATION_QUOTE_EXPIRED',
        `the quote expired at ${current.expires_at.toISOString()}: ask for a new one`,
      );
    }
    const from = record.order.status;
    if (from !== 'held' && from !== 'confirmed')
      throw new OrderError('ORDER_STATE_CONFLICT', `order ${record.order.booking_reference} is ${from} and cannot be cancelled`);
    await recordTransition(trx, {
      subject: 'cancellation',
      id: current.id,
      orderId: current.order_id,
      from: 'quoted',
      to: 'confirmed',
      actor,
      set: { confirmed_at: now },
    });
    await recordTransition(trx, {
      subject: 'order',
      id: current.order_id,
      orderId: current.order_id,
      from,
      to: 'cancelling',
      actor,
      reason: `cancellation ${current.id}`,
    });
    await enqueueJob(
      trx,
      'cancel-order',
      { tenantId: tenant.id, orderId: current.order_id, cancellationId: current.id },
      { jobKey: `cancel-order:${tenant.id}:${current.order_id}`, maxAttempts: 25 },
    );
    return toCancellationView((await findCancellation(trx, cancellationId))!);
  });
}
