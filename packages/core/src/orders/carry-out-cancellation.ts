import { withTenant, type Tenant } from '@himal/db';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { policyContext, providersOf, type BookingOptions } from './booking-options.ts';
import { findCancellation, loadOrder } from './order-repository.ts';
import { notifyTraveller } from './notify-traveller.ts';
import { PRODUCT_POLICIES, type ItemCancellationTerms } from './product-policies.ts';
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
  const record = await withTenant(tenant, (trx) => loadOrder(trx, orderId));
  const quote = await withTenant(tenant, (trx) => findCancellation(trx, cancellationId));
  if (!record || !quote || record.order.status !== 'cancelling') return;
  const terms = quote.supplier_quotes as unknown as ItemCancellationTerms[];
  const context = policyContext(tenant, options);
  for (const item of record.items) {
    const policy = PRODUCT_POLICIES[item.product];
    if (item.status === 'confirmed') {
      const itemTerms =
        terms.find((candidate) => candidate.itemId === item.id) ?? (await policy.quoteCancellation(context, item, record.order));
      await policy.cancel(context, item, itemTerms);
      await withTenant(tenant, async (trx) => {
        await recordTransition(trx, {
          subject: 'item',
          id: item.id,
          orderId,
          from: 'confirmed',
          to: 'cancelled',
          actor,
          data: { penalty: itemTerms.penalty },
        });
        await policy.cancelledInTransaction?.(trx, item);
      });
    } else if (item.status === 'held') {
      await policy.release(context, item);
      await withTenant(tenant, async (trx) => {
        await recordTransition(trx, { subject: 'item', id: item.id, orderId, from: 'held', to: 'cancelled', actor });
        await policy.releasedInTransaction?.(trx, item);
      });
    }
  }

  for (const payment of record.payments.filter(
    (candidate) => candidate.status === 'requires_action' || candidate.status === 'authorized',
  )) {
    const provider = providersOf(options)[payment.provider as 'stripe' | 'esewa'];
    if (provider && payment.provider_reference)
      await provider.void(
        payment.provider_reference,
        { amountMinor: Number(payment.amount_minor), currency: payment.currency },
        `${payment.id}:void`,
      );
    await withTenant(tenant, (trx) =>
      recordTransition(trx, {
        subject: 'payment',
        id: payment.id,
        orderId,
        from: payment.status,
        to: 'voided',
        actor,
        reason: 'the order was cancelled',
      }),
    );
  }

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
