import type Stripe from 'stripe';
import type { ProviderPayment, ProviderPaymentStatus } from '../payment-provider.ts';
import { fromStripeAmount } from './stripe-amounts.ts';

/**
 * A Checkout Session and its PaymentIntent (latest_charge expanded) read as the platform's
 * ProviderPayment:
 *   - no PaymentIntent yet, or one still asking for a card: pending while the session is open,
 *     failed once it has expired (the traveller gave up, or void() closed it: nothing was reserved)
 *   - requires_capture: authorized
 *   - succeeded: captured, partially_refunded or refunded by what was refunded of what was captured
 *   - canceled after an authorization: voided (the hold released); canceled without one: failed
 * Stripe counts what a partial capture released as refunded on the charge (amount_refunded); that
 * part was never taken, so it is not counted as refunded here.
 */
export interface StripePaymentView {
  session?: Stripe.Checkout.Session;
  intent: Stripe.PaymentIntent | null;
}

function chargeOf(intent: Stripe.PaymentIntent): Stripe.Charge | undefined {
  return intent.latest_charge && typeof intent.latest_charge === 'object' ? intent.latest_charge : undefined;
}

/** What was refunded of the captured amount (excluding what capture released). */
function refundedOf(charge: Stripe.Charge | undefined): number {
  if (!charge) return 0;
  return Math.max(0, charge.amount_refunded - (charge.amount - charge.amount_captured));
}

function statusOf(view: StripePaymentView, captured: number, refunded: number): ProviderPaymentStatus {
  const { session, intent } = view;
  const sessionOver = session?.status === 'expired';
  if (!intent) return sessionOver ? 'failed' : 'pending';
  switch (intent.status) {
    case 'requires_capture':
      return 'authorized';
    case 'succeeded':
      if (refunded === 0) return 'captured';
      return refunded >= captured ? 'refunded' : 'partially_refunded';
    case 'canceled':
      return chargeOf(intent)?.status === 'succeeded' ? 'voided' : 'failed';
    case 'processing':
      return 'pending';
    default:
      return sessionOver ? 'failed' : 'pending';
  }
}

export function readStripePayment(providerReference: string, view: StripePaymentView): ProviderPayment {
  const { session, intent } = view;
  const amount =
    session && session.amount_total !== null && session.currency
      ? fromStripeAmount(session.amount_total, session.currency)
      : fromStripeAmount(intent?.amount ?? 0, intent?.currency ?? session?.currency ?? '');
  const charge = intent ? chargeOf(intent) : undefined;
  const capturedStripe = intent?.status === 'succeeded' ? intent.amount_received : 0;
  const refundedStripe = intent?.status === 'succeeded' ? refundedOf(charge) : 0;
  const currency = amount.currency;
  return {
    provider: 'stripe',
    providerReference,
    status: statusOf(view, capturedStripe, refundedStripe),
    amount,
    capturedMinor: fromStripeAmount(capturedStripe, currency).amountMinor,
    refundedMinor: fromStripeAmount(refundedStripe, currency).amountMinor,
    ...(charge?.status === 'succeeded' ? { transactionReference: charge.id } : {}),
  };
}
