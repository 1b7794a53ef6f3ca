import { withTenant, type Tenant } from '@himal/db';
import { isSupplierError } from '@himal/gds';
import { endPromotion } from '../departures/index.ts';
import { policyContext, providersOf, type BookingOptions } from './booking-options.ts';
import { loadOrder } from './order-repository.ts';
import { notifyTraveller } from './notify-traveller.ts';
import { PRODUCT_POLICIES } from './product-policies.ts';
import { recordTransition } from './record-transition.ts';
import { settleFailedOrder } from './settle-order.ts';

/**
 * The paid order's last steps, run by the confirm-order job: each held item is issued with its
 * supplier (asking the supplier first whether an earlier run already did), then the authorization
 * is captured and the order is confirmed. A supplier that refuses fails the order, which voids the
 * authorization (or refunds eSewa) and gives back every other item. A supplier that cannot be
 * reached throws, and the job tries again later. Money is never captured before every item is confirmed.
 */
export async function confirmOrder(tenant: Tenant, orderId: string, options: BookingOptions = {}): Promise<void> {
  const actor = options.actor ?? 'job:confirm-order';
  const record = await withTenant(tenant, (trx) => loadOrder(trx, orderId));
  if (!record || record.order.status !== 'confirming') return;
  const context = policyContext(tenant, options);
  for (const item of record.items.filter((candidate) => candidate.status === 'held')) {
    const policy = PRODUCT_POLICIES[item.product];
    let documents: string[];
    try {
      const current = await policy.retrieve(context, item);
      documents =
        current.status === 'confirmed' && item.product !== 'departure' ? current.documents : await policy.confirm(context, item);
    } catch (error) {
      if (isSupplierError(error) && error.retryable) throw error;
      const reason = `confirming ${item.description} failed: ${(error as Error).message}`;
      await settleFailedOrder(tenant, orderId, { ...options, actor }, reason);
      return;
    }
    await withTenant(tenant, async (trx) => {
      await recordTransition(trx, {
        subject: 'item',
        id: item.id,
        orderId,
        from: 'held',
        to: 'confirmed',
        actor,
        set: { documents },
      });
      await policy.confirmedInTransaction?.(trx, item);
    });
  }

  const paying = record.payments.find((payment) => payment.status === 'authorized' || payment.status === 'captured');
  if (!paying) throw new Error(`order ${orderId} is confirming without a payment`);
  if (paying.status === 'authorized') {
    const provider = providersOf(options)[paying.provider as 'stripe' | 'esewa'];
    if (!provider) throw new Error(`no ${paying.provider} provider configured to capture ${paying.id}`);
    const amount = { amountMinor: Number(paying.amount_minor), currency: paying.currency };
    await provider.capture(paying.provider_reference!, amount, `${paying.id}:capture`);
  }
  await withTenant(tenant, async (trx) => {
    const current = (await loadOrder(trx, orderId, { lock: true }))!;
    if (current.order.status !== 'confirming') return;
    const payment = current.payments.find((candidate) => candidate.id === paying.id)!;
    if (payment.status === 'authorized')
      await recordTransition(trx, {
        subject: 'payment',
        id: payment.id,
        orderId,
        from: 'authorized',
        to: 'captured',
        actor,
        set: { captured_minor: payment.amount_minor },
      });
    await recordTransition(trx, { subject: 'order', id: orderId, orderId, from: 'confirming', to: 'confirmed', actor });
    if (current.order.waitlist_entry_id) await endPromotion(trx, current.order.waitlist_entry_id, 'booked');
    await notifyTraveller(trx, tenant, orderId, 'order-confirmation');
    await notifyTraveller(trx, tenant, orderId, 'payment-receipt', payment.id);
  });
}
