import { withTenant, type Tenant } from '@himal/db';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { policyContext, providersOf, type BookingOptions } from './booking-options.ts';
import { findCancellation, loadOrder } from './order-repository.ts';
import { notifyTraveller } from './notify-traveller.ts';
import { PRODUCT_POLICIES, type ItemCancellationTerms } from './product-policies.ts';
import { cancelConfirmedItem, releaseHeldItem, voidPayment } from './item-steps.ts';
import { recordTransition } from './record-transition.ts';
import { refundPayment } from './settle-order.ts';

/**
 * The cancel-order job: commits a confirmed cancellation. Each confirmed item is cancelled with
 * its supplier on the quote the traveller accepted (departure seats go back), each unpaid hold is
 * released, an open payment is voided, and the quoted refund goes back through the provider. Every
 * step checks where it stands first, so a run after a crash finishes the work without repeating it.
 */
export async function carryOutCancellation(
  tenant: Tenant,
  orderId: string,
  cancellationId: string,
  options: BookingOptions = {},
): Promise<void> {
  const actor = options.actor ?? 'job:cancel-order';
  const { record, quote } = await withTenant(tenant, async (trx) => ({
    record: await loadOrder(trx, orderId),
    quote: await findCancellation(trx, cancellationId),
  }));
  if (!record || !quote || record.order.status !== 'cancelling') return;
  const terms = quote.supplier_quotes as unknown as ItemCancellationTerms[];
  const context = policyContext(tenant, options);
  for (const item of record.items) {
    if (item.status === 'confirmed') {
      const itemTerms =
        terms.find((candidate) => candidate.itemId === item.id) ??
        (await PRODUCT_POLICIES[item.product].quoteCancellation(context, item, record.order));
      await cancelConfirmedItem(tenant, context, item, itemTerms, { actor });
    } else if (item.status === 'held') {
      await releaseHeldItem(tenant, context, item, 'cancelled', { actor });
    }
  }

  for (const payment of record.payments)
    await voidPayment(tenant, providersOf(options)[payment.provider as 'stripe' | 'esewa'], payment, {
      actor,
      reason: 'the order was cancelled',
    });

  const refund = Number(quote.refund_minor);
  const paid = record.payments.find((payment) => payment.status === 'captured' || payment.status === 'partially_refunded');
  const alreadyRefunded = paid ? Number(paid.refunded_minor) : 0;
  if (paid && refund > alreadyRefunded)
    await refundPayment(
      tenant,
      paid,
      { amountMinor: refund - alreadyRefunded, currency: paid.currency },
      `cancellation ${cancellationId}`,
      options,
      actor,
    );

  await withTenant(tenant, async (trx) => {
    const current = (await loadOrder(trx, orderId, { lock: true }))!;
    if (current.order.status !== 'cancelling') return;
    await recordTransition(trx, {
      subject: 'order',
      id: orderId,
      orderId,
      from: 'cancelling',
      to: refund > 0 ? 'refunded' : 'cancelled',
      actor,
      reason: `cancellation ${cancellationId}`,
    });
    await recordTransition(trx, {
      subject: 'cancellation',
      id: cancellationId,
      orderId,
      from: 'confirmed',
      to: 'completed',
      actor,
    });
    await notifyTraveller(trx, tenant, orderId, 'cancellation');
    if (refund > 0) await notifyTraveller(trx, tenant, orderId, 'refund', cancellationId);
    for (const departureId of new Set(current.items.flatMap((item) => (item.departure_id ? [item.departure_id] : []))))
      await enqueueJob(
        trx,
        'promote-waitlist',
        { tenantId: tenant.id, departureId },
        { jobKey: `promote-waitlist:${tenant.id}:${departureId}` },
      );
  });
}
