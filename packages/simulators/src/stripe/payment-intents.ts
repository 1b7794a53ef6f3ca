import type { ApiRoute } from './api-route.ts';
import { chargeCard } from './charge-card.ts';
import { invalidRequest, resourceMissing, unexpectedState } from './stripe-api-error.ts';
import { checkAmountSteps, checkChargeAmount, currencyParam } from './stripe-currencies.ts';
import { stripeId, type CaptureMethod, type PaymentIntentObject, type PaymentIntentStatus } from './stripe-objects.ts';
import {
  metadataParam,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalList,
  optionalString,
  rejectUnknownParams,
  requiredInteger,
  requiredString,
} from './stripe-params.ts';
import { AUTHORIZATION_VALIDITY_SECONDS, type IntentRecord, type RequestContext, type StripeStore } from './stripe-store.ts';
import { TEST_CARDS, TEST_PAYMENT_METHODS } from './test-cards.ts';

/**
 * PaymentIntents: create (optionally confirm with a test PaymentMethod), retrieve, confirm, capture
 * (all or part of what is capturable; the rest is released) and cancel (only before capture).
 */
const CAPTURE_METHODS: readonly CaptureMethod[] = ['automatic', 'automatic_async', 'manual'];
const CANCELABLE: readonly PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;

export function createIntent(
  store: StripeStore,
  fields: Pick<PaymentIntentObject, 'amount' | 'currency' | 'capture_method' | 'description' | 'metadata' | 'receipt_email'>,
  sessionId: string | null,
): IntentRecord {
  const id = stripeId('pi');
  const intent: PaymentIntentObject = {
    id,
    object: 'payment_intent',
    amount: fields.amount,
    amount_capturable: 0,
    amount_received: 0,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: fields.capture_method,
    client_secret: `${id}_secret_${stripeId('s').slice(2)}`,
    confirmation_method: 'automatic',
    created: store.now(),
    currency: fields.currency,
    customer: null,
    description: fields.description,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: fields.metadata,
    payment_method: null,
    payment_method_types: ['card'],
    receipt_email: fields.receipt_email,
    status: 'requires_payment_method',
  };
  const record: IntentRecord = { intent, sessionId, authorizedAt: null };
  store.intents.set(id, record);
  return record;
}

export function findIntent(store: StripeStore, id: string | undefined): IntentRecord {
  const record = id ? store.intents.get(id) : undefined;
  if (!record) throw resourceMissing('payment_intent', id ?? '', 'intent');
  return record;
}

/** Cancels, releasing an authorization: the authorized charge reads as refunded, as Stripe shows a released hold. */
export function cancelIntent(store: StripeStore, record: IntentRecord, reason: string | null, context: RequestContext): void {
  const intent = record.intent;
  if (intent.status === 'requires_capture' && intent.latest_charge) {
    const charge = store.charges.get(intent.latest_charge);
    if (charge) {
      charge.released = charge.charge.amount;
      charge.charge.amount_refunded = charge.charge.amount;
      charge.charge.refunded = true;
    }
  }
  intent.status = 'canceled';
  intent.canceled_at = store.now();
  intent.cancellation_reason = reason;
  intent.amount_capturable = 0;
  store.emit('payment_intent.canceled', intent, context);
}

/** Authorizations lapse after 7 days: the PaymentIntent becomes canceled (reason automatic). */
export function expireAuthorizations(store: StripeStore): void {
  const now = store.now();
  for (const record of store.intents.values())
    if (
      record.intent.status === 'requires_capture' &&
      record.authorizedAt !== null &&
      now >= record.authorizedAt + AUTHORIZATION_VALIDITY_SECONDS
    )
      cancelIntent(store, record, 'automatic', { requestId: null, idempotencyKey: null });
}

/** Confirms with a test PaymentMethod (pm_card_visa, pm_card_chargeDeclined, ...). */
function confirmWith(store: StripeStore, record: IntentRecord, paymentMethod: string, context: RequestContext): void {
  if (record.intent.status !== 'requires_payment_method' && record.intent.status !== 'requires_confirmation')
    throw unexpectedState(`You cannot confirm this PaymentIntent because it has a status of ${record.intent.status}.`);
  const outcome = TEST_CARDS[TEST_PAYMENT_METHODS[paymentMethod]!]!;
  const declined = chargeCard(store, record, { outcome, expMonth: 12, expYear: new Date().getUTCFullYear() + 3 }, context);
  if (declined) throw declined;
}

function testPaymentMethod(paymentMethod: string | undefined): string | undefined {
  if (paymentMethod !== undefined && !(paymentMethod in TEST_PAYMENT_METHODS))
    throw resourceMissing('payment_method', paymentMethod, 'payment_method');
  return paymentMethod;
}

export const PAYMENT_INTENT_ROUTES: ApiRoute[] = [
  {
    name: 'payment_intents.create',
    method: 'POST',
    path: /^\/v1\/payment_intents$/,
    prepare: ({ params, store, context }) => {
      rejectUnknownParams(params, [
        'amount',
        'currency',
        'capture_method',
        'confirm',
        'payment_method',
        'payment_method_types',
        'metadata',
        'description',
        'receipt_email',
        'expand',
      ]);
      const amount = requiredInteger(params, 'amount');
      const currency = currencyParam(requiredString(params, 'currency'));
      checkChargeAmount(amount, currency, 'amount');
      const types = optionalList(params, 'payment_method_types');
      if (types && types.some((t) => t !== 'card'))
        throw invalidRequest('This local Stripe server takes card payments only.', { param: 'payment_method_types' });
      const confirm = optionalBoolean(params, 'confirm') ?? false;
      const paymentMethod = testPaymentMethod(optionalString(params, 'payment_method'));
      if (confirm && !paymentMethod) throw invalidRequest('Missing required param: payment_method.', { param: 'payment_method' });
      const fields = {
        amount,
        currency,
        capture_method: optionalEnum(params, 'capture_method', CAPTURE_METHODS) ?? 'automatic_async',
        description: optionalString(params, 'description', 1_000) ?? null,
        metadata: metadataParam(params),
        receipt_email: optionalString(params, 'receipt_email', 800) ?? null,
      };
      return () => {
        const record = createIntent(store, fields, null);
        if (paymentMethod) record.intent.status = 'requires_confirmation';
        if (confirm) confirmWith(store, record, paymentMethod!, context);
        return record.intent;
      };
    },
  },
  {
    name: 'payment_intents.retrieve',
    method: 'GET',
    path: /^\/v1\/payment_intents\/([^/]+)$/,
    prepare: ({ params, id, store }) => {
      rejectUnknownParams(params, ['expand', 'client_secret']);
      const record = findIntent(store, id);
      return () => record.intent;
    },
  },
  {
    name: 'payment_intents.confirm',
    method: 'POST',
    path: /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
    prepare: ({ params, id, store, context }) => {
      rejectUnknownParams(params, ['payment_method', 'expand', 'return_url']);
      const record = findIntent(store, id);
      const paymentMethod = testPaymentMethod(
        optionalString(params, 'payment_method') ?? record.intent.payment_method ?? undefined,
      );
      if (!paymentMethod) throw invalidRequest('Missing required param: payment_method.', { param: 'payment_method' });
      return () => {
        confirmWith(store, record, paymentMethod, context);
        return record.intent;
      };
    },
  },
  {
    name: 'payment_intents.capture',
    method: 'POST',
    path: /^\/v1\/payment_intents\/([^/]+)\/capture$/,
    prepare: ({ params, id, store, context }) => {
      rejectUnknownParams(params, ['amount_to_capture', 'metadata', 'expand', 'final_capture']);
      const record = findIntent(store, id);
      const requested = optionalInteger(params, 'amount_to_capture');
      if (requested !== undefined) checkAmountSteps(requested, record.intent.currency, 'amount_to_capture');
      const metadata = metadataParam(params);
      return () => {
        const intent = record.intent;
        if (intent.status !== 'requires_capture')
          throw unexpectedState(
            `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
          );
        const amount = requested ?? intent.amount_capturable;
        if (amount > intent.amount_capturable)
          throw invalidRequest(
            `The amount to capture (${amount}) is greater than the amount capturable on this PaymentIntent (${intent.amount_capturable}).`,
            { param: 'amount_to_capture', code: 'amount_too_large' },
          );
        const charge = intent.latest_charge ? store.charges.get(intent.latest_charge) : undefined;
        if (charge) {
          // Capturing less releases the rest, which Stripe reports as refunded on the charge.
          charge.charge.captured = true;
          charge.charge.amount_captured = amount;
          charge.released = charge.charge.amount - amount;
          charge.charge.amount_refunded = charge.released;
        }
        Object.assign(intent.metadata, metadata);
        intent.status = 'succeeded';
        intent.amount_received = amount;
        intent.amount_capturable = 0;
        store.emit('payment_intent.succeeded', intent, context);
        return intent;
      };
    },
  },
  {
    name: 'payment_intents.cancel',
    method: 'POST',
    path: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
    prepare: ({ params, id, store, context }) => {
      rejectUnknownParams(params, ['cancellation_reason', 'expand']);
      const record = findIntent(store, id);
      const reason = optionalEnum(params, 'cancellation_reason', CANCELLATION_REASONS) ?? null;
      return () => {
        const intent = record.intent;
        if (!CANCELABLE.includes(intent.status))
          throw unexpectedState(
            `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
          );
        const session = record.sessionId ? store.sessions.get(record.sessionId) : undefined;
        if (session?.session.status === 'open')
          throw unexpectedState(
            'This PaymentIntent belongs to an open Checkout Session and cannot be canceled; expire the Checkout Session instead.',
          );
        cancelIntent(store, record, reason, context);
        return intent;
      };
    },
  },
];
