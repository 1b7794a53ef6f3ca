import { withTenant, type Tenant } from '@himal/db';
import { providersOf, type BookingOptions } from './booking-options.ts';
import { applyPaymentOutcome } from './apply-payment-outcome.ts';
import { findPayment } from './order-repository.ts';

/**
 * The poll-payment job: asks the provider what became of a payment when no callback or webhook
 * told us (the traveller paid and closed the tab, the callback was lost). eSewa's status API is
 * the only way to learn of such a payment; for Stripe it backs up the webhooks.
 */
export async function pollPayment(tenant: Tenant, paymentId: string, options: BookingOptions = {}): Promise<void> {
  const payment = await withTenant(tenant, (trx) => findPayment(trx, paymentId));
  if (!payment?.provider_reference || payment.status !== 'requires_action') return;
  const provider = providersOf(options)[payment.provider as 'stripe' | 'esewa'];
  if (!provider) throw new Error(`no ${payment.provider} provider configured to ask about ${paymentId}`);
  const observed = await provider.retrieve(payment.provider_reference, {
    amountMinor: Number(payment.amount_minor),
    currency: payment.currency,
  });
  await applyPaymentOutcome(tenant, paymentId, { observed, actor: `job:poll-payment`, eventType: `status ${observed.status}` });
}
