import { StripeApiError } from './stripe-api-error.ts';
import { stripeId, type CardDetails, type ChargeObject } from './stripe-objects.ts';
import type { IntentRecord, RequestContext, StripeStore } from './stripe-store.ts';
import type { CardOutcome } from './test-cards.ts';

/**
 * One attempt to pay a PaymentIntent with a card, as Stripe records it: a Charge either way (failed
 * ones too), the PaymentIntent authorized (manual capture: requires_capture, amount_capturable) or
 * paid, or back to requires_payment_method with last_payment_error; the matching event. Answers the
 * 402 card_error a decline is, or undefined when the card went through.
 */
export function chargeCard(
  store: StripeStore,
  record: IntentRecord,
  card: { outcome: CardOutcome; expMonth: number; expYear: number },
  context: RequestContext,
): StripeApiError | undefined {
  const intent = record.intent;
  const paymentMethodId = stripeId('pm');
  const details: CardDetails = {
    brand: card.outcome.brand,
    last4: card.outcome.last4,
    exp_month: card.expMonth,
    exp_year: card.expYear,
    funding: 'credit',
  };
  const declined = card.outcome.kind === 'decline' ? card.outcome : undefined;
  const capturesNow = intent.capture_method !== 'manual';
  const charge: ChargeObject = {
    id: stripeId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: declined || !capturesNow ? 0 : intent.amount,
    amount_refunded: 0,
    captured: !declined && capturesNow,
    created: store.now(),
    currency: intent.currency,
    description: intent.description,
    failure_code: declined?.code ?? null,
    failure_message: declined?.message ?? null,
    livemode: false,
    metadata: { ...intent.metadata },
    outcome: declined
      ? {
          network_status: 'declined_by_network',
          reason: declined.declineCode,
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        }
      : { network_status: 'approved_by_network', reason: null, seller_message: 'Payment complete.', type: 'authorized' },
    paid: !declined,
    payment_intent: intent.id,
    payment_method: paymentMethodId,
    payment_method_details: { type: 'card', card: details },
    refunded: false,
    status: declined ? 'failed' : 'succeeded',
  };
  store.charges.set(charge.id, { charge, released: 0 });
  intent.latest_charge = charge.id;
  intent.payment_method = paymentMethodId;

  if (declined) {
    intent.status = 'requires_payment_method';
    intent.last_payment_error = {
      type: 'card_error',
      code: declined.code,
      decline_code: declined.declineCode,
      message: declined.message,
      charge: charge.id,
      payment_method: { id: paymentMethodId, object: 'payment_method', type: 'card' },
    };
    store.emit('payment_intent.payment_failed', intent, context);
    return new StripeApiError(402, {
      type: 'card_error',
      code: declined.code,
      decline_code: declined.declineCode,
      message: declined.message,
      charge: charge.id,
      payment_intent: structuredClone(intent),
    });
  }

  intent.last_payment_error = null;
  if (capturesNow) {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    store.emit('payment_intent.succeeded', intent, context);
  } else {
    intent.status = 'requires_capture';
    intent.amount_capturable = intent.amount;
    record.authorizedAt = store.now();
    store.emit('payment_intent.amount_capturable_updated', intent, context);
  }
  return undefined;
}
