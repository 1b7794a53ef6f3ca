import type Stripe from 'stripe';
import type { Money } from '@himal/gds';
import { PaymentError } from '../payment-errors.ts';
import type {
  PaymentProvider,
  PaymentSession,
  ProviderPayment,
  ProviderRefund,
  StartPaymentRequest,
} from '../payment-provider.ts';
import { createStripeClient } from './create-stripe-client.ts';
import { paymentErrorFromStripe } from './map-stripe-error.ts';
import { readStripePayment } from './read-stripe-payment.ts';
import { fromStripeAmount, toStripeAmount } from './stripe-amounts.ts';
import type { StripeConfig } from './stripe-config.ts';

/**
 * Card payments on Stripe Checkout with manual capture: startPayment opens a Checkout Session whose
 * PaymentIntent only authorizes; capture takes all or part at confirmation, void releases (or closes
 * a session nobody paid), refund returns money taken.
 *
 * The provider reference is the Checkout Session id (cs_…): it is all there is when the traveller
 * is sent away (Stripe makes the PaymentIntent only when they first try to pay), and it leads to
 * the PaymentIntent. Every method also takes a PaymentIntent id (pi_…), as webhooks name one.
 *
 * Every write carries the caller's idempotency key (void derives `<key>:expire` for closing a
 * session, a different endpoint), so a retry is applied once by Stripe itself. The session sets no
 * expires_at: a retry must send the same parameters as the first attempt, and a time computed at
 * each attempt would differ; Stripe's default (24 hours) stands and the platform closes the session
 * with void() when its own hold ends.
 */
const SESSION_EXPAND = ['payment_intent', 'payment_intent.latest_charge'];
const INTENT_EXPAND = ['latest_charge'];

function referenceKind(reference: string): 'session' | 'intent' {
  if (reference.startsWith('cs_')) return 'session';
  if (reference.startsWith('pi_')) return 'intent';
  throw new PaymentError('PAYMENT_REQUEST_REFUSED', `Stripe: ${reference} is neither a Checkout Session nor a PaymentIntent id`);
}

function sameCurrency(amount: Money, currency: string, what: string): void {
  if (amount.currency !== currency.toUpperCase())
    throw new PaymentError(
      'PAYMENT_REQUEST_REFUSED',
      `Stripe ${what}: the payment is in ${currency.toUpperCase()}, not ${amount.currency}`,
    );
}

export function createStripeProvider(config: StripeConfig, options: { client?: Stripe } = {}): PaymentProvider {
  const stripe = options.client ?? createStripeClient(config);

  /** Runs one SDK call, its failures as PaymentError. */
  async function call<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw paymentErrorFromStripe(error, action);
    }
  }

  async function readSession(id: string): Promise<{ session: Stripe.Checkout.Session; intent: Stripe.PaymentIntent | null }> {
    const session = await call('retrieve', () => stripe.checkout.sessions.retrieve(id, { expand: SESSION_EXPAND }));
    const intent = session.payment_intent;
    if (typeof intent === 'string')
      throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', 'Stripe did not expand the PaymentIntent');
    return { session, intent };
  }

  const readIntent = (id: string) => call('retrieve', () => stripe.paymentIntents.retrieve(id, { expand: INTENT_EXPAND }));

  /** The PaymentIntent behind a reference; a session nobody has tried to pay has none. */
  async function intentBehind(reference: string, action: string): Promise<Stripe.PaymentIntent> {
    if (referenceKind(reference) === 'intent') return readIntent(reference);
    const { intent } = await readSession(reference);
    if (!intent)
      throw new PaymentError('PAYMENT_REQUEST_REFUSED', `Stripe ${action}: nothing has been authorized on ${reference} yet`);
    return intent;
  }

  async function retrieve(reference: string): Promise<ProviderPayment> {
    if (referenceKind(reference) === 'intent') return readStripePayment(reference, { intent: await readIntent(reference) });
    return readStripePayment(reference, await readSession(reference));
  }

  /** After Stripe refused a capture or cancel for the payment's state: done already (a retry with a new key) or refused. */
  async function alreadyDone(
    reference: string,
    error: unknown,
    done: (payment: ProviderPayment) => boolean,
  ): Promise<ProviderPayment> {
    if (!(error instanceof PaymentError) || error.code !== 'PAYMENT_REQUEST_REFUSED') throw error;
    const current = await retrieve(reference);
    if (done(current)) return current;
    throw error;
  }

  async function cancelIntent(reference: string, intent: Stripe.PaymentIntent, key: string): Promise<ProviderPayment> {
    if (intent.status === 'canceled') return readStripePayment(reference, { intent });
    if (intent.status === 'succeeded')
      throw new PaymentError('PAYMENT_REQUEST_REFUSED', `Stripe void: ${reference} has been captured; refund it instead`);
    try {
      const canceled = await call('void', () =>
        stripe.paymentIntents.cancel(intent.id, { expand: INTENT_EXPAND }, { idempotencyKey: key }),
      );
      return reference === intent.id ? readStripePayment(reference, { intent: canceled }) : retrieve(reference);
    } catch (error) {
      return alreadyDone(reference, error, (p) => p.status === 'voided' || p.status === 'failed');
    }
  }

  return {
    id: 'stripe',
    capturesOnPayment: false,

    async startPayment(request: StartPaymentRequest, idempotencyKey: string): Promise<PaymentSession> {
      const unitAmount = toStripeAmount(request.amount);
      const metadata = { tenant_id: request.tenantId, order_id: request.orderId, payment_id: request.paymentId };
      const session = await call('startPayment', () =>
        stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.amount.currency.toLowerCase(),
                  unit_amount: unitAmount,
                  product_data: { name: request.description },
                },
              },
            ],
            payment_intent_data: { capture_method: 'manual', metadata, description: request.description },
            metadata,
            client_reference_id: request.paymentId,
            ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
          },
          { idempotencyKey },
        ),
      );
      if (!session.url) throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', 'Stripe opened a Checkout Session without a URL');
      return {
        provider: 'stripe',
        providerReference: session.id,
        redirectUrl: session.url,
        expiresAt: new Date(session.expires_at * 1000),
      };
    },

    retrieve: (reference: string) => retrieve(reference),

    async capture(reference: string, amount: Money, idempotencyKey: string): Promise<ProviderPayment> {
      const intent = await intentBehind(reference, 'capture');
      sameCurrency(amount, intent.currency, 'capture');
      const amountToCapture = toStripeAmount(amount);
      try {
        const captured = await call('capture', () =>
          stripe.paymentIntents.capture(
            intent.id,
            { amount_to_capture: amountToCapture, expand: INTENT_EXPAND },
            { idempotencyKey },
          ),
        );
        return readStripePayment(reference, { intent: captured });
      } catch (error) {
        return alreadyDone(reference, error, (p) => p.capturedMinor === amount.amountMinor && p.status !== 'authorized');
      }
    },

    async void(reference: string, _amount: Money, idempotencyKey: string): Promise<ProviderPayment> {
      if (referenceKind(reference) === 'intent') return cancelIntent(reference, await readIntent(reference), idempotencyKey);
      let { session, intent } = await readSession(reference);
      if (session.status === 'open') {
        try {
          await call('void', () =>
            stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: `${idempotencyKey}:expire` }),
          );
          return retrieve(reference);
        } catch (error) {
          // The traveller may have paid between the read and the expiry: then release what they authorized.
          if (!(error instanceof PaymentError) || error.code !== 'PAYMENT_REQUEST_REFUSED') throw error;
          ({ session, intent } = await readSession(reference));
          if (session.status === 'open') throw error;
        }
      }
      if (!intent) return readStripePayment(reference, { session, intent });
      return cancelIntent(reference, intent, idempotencyKey);
    },

    async refund(reference: string, amount: Money, idempotencyKey: string): Promise<ProviderRefund> {
      const intent = await intentBehind(reference, 'refund');
      sameCurrency(amount, intent.currency, 'refund');
      const refund = await call('refund', () =>
        stripe.refunds.create({ payment_intent: intent.id, amount: toStripeAmount(amount) }, { idempotencyKey }),
      );
      return {
        provider: 'stripe',
        refundReference: refund.id,
        amount: fromStripeAmount(refund.amount, refund.currency),
        status:
          refund.status === 'succeeded'
            ? 'succeeded'
            : refund.status === 'failed' || refund.status === 'canceled'
              ? 'failed'
              : 'pending',
      };
    },
  };
}
