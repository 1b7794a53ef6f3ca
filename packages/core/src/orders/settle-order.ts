import { withTenant, type Tenant } from '@himal/db';
import { endPromotion } from '../departures/index.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { Money } from '@himal/gds';
import { applyPaymentOutcome } from './apply-payment-outcome.ts';
import { policyContext, providersOf, type BookingOptions } from './booking-options.ts';
import { newRefundId } from './order-ids.ts';
import { findPayment, insertRefund, loadOrder, type ItemRow, type OrderRecord, type PaymentRow } from './order-repository.ts';
import { cancelConfirmedItem, releaseHeldItem, voidPayment } from './item-steps.ts';
import { PRODUCT_POLICIES } from './product-policies.ts';
import { recordCreation, recordTransition } from './record-transition.ts';

/** Orders whose items and money must all go back. */
const DEAD_ORDER_STATES = new Set(['failed', 'expired']);

/**
 * Ends an order that could not be completed: pending (or confirming) → failed with the reason,
 * then gives everything back at once (settleOrder). Called where the failure happens; recovery and
 * the settle-order job finish the giving back if this process dies first.
 */
export async function settleFailedOrder(
  tenant: Tenant,
  orderId: string,
  options: BookingOptions,
  reason: string,
  failedItemId?: string,
) {
  const actor = options.actor ?? 'system';
  await withTenant(tenant, async (trx) => {
    const record = (await loadOrder(trx, orderId, { lock: true }))!;
    const failedItem = record.items.find((item) => item.id === failedItemId);
    if (failedItem?.status === 'pending')
      await recordTransition(trx, {
        subject: 'item',
        id: failedItem.id,
        orderId,
        from: 'pending',
        to: 'failed',
        actor,
        reason,
        set: { failure_reason: reason },
      });
    const from = record.order.status;
    if (from === 'pending' || from === 'confirming' || from === 'held')
      await recordTransition(trx, {
        subject: 'order',
        id: orderId,
        orderId,
        from,
        to: 'failed',
        actor,
        reason,
        set: { failure_reason: reason },
      });
    await enqueueJob(
      trx,
      'settle-order',
      { tenantId: tenant.id, orderId },
      { jobKey: `settle-order:${tenant.id}:${orderId}`, maxAttempts: 25 },
    );
  });
  // Given back at once where it can be; what cannot (a supplier down) the settle-order job retries.
  await settleOrder(tenant, orderId, options).catch((error: unknown) =>
    console.warn(`[orders] settling ${orderId} is left to its job: ${(error as Error).message}`),
  );
}

/**
 * Gives back what an order no longer needs, each step once however often it runs: for a failed or
 * expired order every hold goes back to its supplier (seats to the departure) and every payment is
 * voided or refunded; for a live order only payments beyond the one that paid are. Throws (and the
 * job retries) while a supplier or provider cannot be reached.
 */
export async function settleOrder(tenant: Tenant, orderId: string, options: BookingOptions = {}): Promise<void> {
  const actor = options.actor ?? 'job:settle-order';
  const record = await withTenant(tenant, (trx) => loadOrder(trx, orderId));
  if (!record) return;
  const dead = DEAD_ORDER_STATES.has(record.order.status);
  if (dead) {
    for (const item of record.items) await releaseItem(tenant, record, item, options, actor);
    if (record.order.waitlist_entry_id)
      await withTenant(tenant, (trx) => endPromotion(trx, record.order.waitlist_entry_id!, 'lapsed').catch(() => undefined));
    const departures = new Set(record.items.flatMap((item) => (item.departure_id ? [item.departure_id] : [])));
    if (departures.size)
      await withTenant(tenant, async (trx) => {
        for (const departureId of departures)
          await enqueueJob(
            trx,
            'promote-waitlist',
            { tenantId: tenant.id, departureId },
            { jobKey: `promote-waitlist:${tenant.id}:${departureId}` },
          );
      });
  }
  const paying = dead
    ? undefined
    : record.payments.find((payment) => ['authorized', 'captured', 'partially_refunded'].includes(payment.status));
  for (const payment of record.payments)
    if (payment.id !== paying?.id) await givePaymentBack(tenant, orderId, payment, options, actor);
}

async function releaseItem(
  tenant: Tenant,
  record: OrderRecord,
  item: ItemRow,
  options: BookingOptions,
  actor: string,
): Promise<void> {
  const orderId = record.order.id;
  const context = policyContext(tenant, options);
  if (item.status === 'pending') {
    // Never held (or held by a call whose answer was lost: that hold lapses at the supplier's own limit).
    await withTenant(tenant, (trx) =>
      recordTransition(trx, {
        subject: 'item',
        id: item.id,
        orderId,
        from: 'pending',
        to: 'failed',
        actor,
        reason: 'the order ended before this item was held',
      }),
    );
  } else if (item.status === 'held') {
    await releaseHeldItem(tenant, context, item, record.order.status === 'expired' ? 'expired' : 'failed', {
      actor,
      reason: `released: the order ${record.order.status}`,
    });
  } else if (item.status === 'confirmed') {
    // Confirmed before another item failed: cancelled with its supplier, whatever that costs the agency.
    const terms = await PRODUCT_POLICIES[item.product].quoteCancellation(context, item, record.order);
    await cancelConfirmedItem(tenant, context, item, terms, { actor, reason: 'the order failed' });
  }
}

/** Voids an authorization or an unpaid session, refunds what was captured; asks the provider first. */
async function givePaymentBack(
  tenant: Tenant,
  orderId: string,
  payment: PaymentRow,
  options: BookingOptions,
  actor: string,
): Promise<void> {
  if (['voided', 'failed', 'refunded'].includes(payment.status)) return;
  const provider = providersOf(options)[payment.provider as 'stripe' | 'esewa'];
  if (!provider) throw new Error(`payment ${payment.id} is with ${payment.provider}, which this process is not configured for`);
  const amount: Money = { amountMinor: Number(payment.amount_minor), currency: payment.currency };
  let current = payment;
  if (payment.provider_reference) {
    const observed = await provider.retrieve(payment.provider_reference, amount);
    await applyPaymentOutcome(tenant, payment.id, { observed, actor, eventType: 'settlement check' });
    current = (await withTenant(tenant, (trx) => findPayment(trx, payment.id)))!;
  }
  if (current.status === 'requires_action' || current.status === 'authorized') {
    await voidPayment(tenant, provider, current, { actor, reason: 'the order cannot use it' });
    return;
  }
  const remaining = Number(current.captured_minor) - Number(current.refunded_minor);
  if (remaining > 0)
    await refundPayment(
      tenant,
      current,
      { amountMinor: remaining, currency: current.currency },
      'the order cannot use it',
      options,
      actor,
    );
}

/**
 * Returns `amount` of a captured payment through its provider. The refund row is written before the
 * provider is called and its id is the idempotency key, so a retry after a crash finds the pending
 * refund and asks for the same refund again rather than a second one.
 */
export async function refundPayment(
  tenant: Tenant,
  payment: PaymentRow,
  amount: Money,
  reason: string,
  options: BookingOptions,
  actor: string,
): Promise<void> {
  const orderId = payment.order_id;
  const provider = providersOf(options)[payment.provider as 'stripe' | 'esewa'];
  if (!provider || !payment.provider_reference) throw new Error(`payment ${payment.id} cannot be refunded here`);
  const refund = await withTenant(tenant, async (trx) => {
    const pending = await trx
      .selectFrom('refunds')
      .selectAll()
      .where('payment_id', '=', payment.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) return pending;
    const id = newRefundId();
    const inserted = await insertRefund(trx, {
      id,
      payment_id: payment.id,
      amount_minor: String(amount.amountMinor),
      currency: amount.currency,
      reason,
    });
    await recordCreation(trx, { subject: 'refund', id, orderId, state: 'pending', actor, reason, data: { amount } });
    return inserted;
  });
  const refundAmount: Money = { amountMinor: Number(refund.amount_minor), currency: refund.currency };
  const result = await provider.refund(payment.provider_reference, refundAmount, refund.id);
  await withTenant(tenant, async (trx) => {
    const now = await trx.selectFrom('payments').selectAll().where('id', '=', payment.id).forUpdate().executeTakeFirstOrThrow();
    if (result.status === 'failed') {
      await recordTransition(trx, {
        subject: 'refund',
        id: refund.id,
        orderId,
        from: 'pending',
        to: 'failed',
        actor,
        reason: 'the provider refused the refund',
      });
      return;
    }
    await recordTransition(trx, {
      subject: 'refund',
      id: refund.id,
      orderId,
      from: 'pending',
      to: 'succeeded',
      actor,
      set: { refund_reference: result.refundReference },
    });
    const refunded = Number(now.refunded_minor) + refundAmount.amountMinor;
    await recordTransition(trx, {
      subject: 'payment',
      id: payment.id,
      orderId,
      from: now.status,
      to: refunded >= Number(now.captured_minor) ? 'refunded' : 'partially_refunded',
      actor,
      reason,
      set: { refunded_minor: String(refunded) },
    });
  });
}
