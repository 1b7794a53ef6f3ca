import Stripe from 'stripe';
import { z } from 'zod';
import { PaymentError } from '../payment-errors.ts';
import type { ProviderPaymentStatus } from '../payment-provider.ts';

/**
 * A Stripe webhook, verified with the SDK (`webhooks.constructEvent`: the v1 HMAC-SHA256 of
 * "<t>.<raw body>" with the endpoint's secret, and t within the tolerance, 300 s by default), read
 * into the few fields the booking engine acts on. `status` is what the event alone says of the
 * payment, a hint: events arrive late, twice and out of order, so the engine de-duplicates by
 * eventId and reads the truth with retrieve() before it moves an order.
 */
export interface StripeWebhookEvent {
  eventId: string;
  type: string;
  createdAt: Date;
  checkoutSessionId?: string;
  paymentIntentId?: string;
  /** From the metadata startPayment set. */
  paymentId?: string;
  tenantId?: string;
  orderId?: string;
  status?: ProviderPaymentStatus;
}

const eventSchema = z.object({
  id: z.string().startsWith('evt_'),
  type: z.string().min(1),
  created: z.number().int(),
  data: z.object({
    object: z
      .object({
        id: z.string(),
        object: z.string(),
        metadata: z.record(z.string(), z.string()).nullish(),
        payment_intent: z.union([z.string(), z.object({ id: z.string() }).loose()]).nullish(),
        payment_status: z.string().optional(),
        amount: z.number().optional(),
        amount_captured: z.number().optional(),
        amount_refunded: z.number().optional(),
      })
      .loose(),
  }),
});
type EventObject = z.infer<typeof eventSchema>['data']['object'];

function statusHint(type: string, object: EventObject): ProviderPaymentStatus | undefined {
  switch (type) {
    case 'checkout.session.completed':
      // The platform's sessions capture manually: complete and unpaid is an authorization.
      return object.payment_status === 'paid' ? 'captured' : 'authorized';
    case 'checkout.session.expired':
      return 'failed';
    case 'payment_intent.amount_capturable_updated':
      return 'authorized';
    case 'payment_intent.succeeded':
      return 'captured';
    case 'payment_intent.canceled':
      return 'voided';
    case 'charge.refunded': {
      const { amount = 0, amount_captured = 0, amount_refunded = 0 } = object;
      const refunded = amount_refunded - (amount - amount_captured);
      return refunded >= amount_captured ? 'refunded' : 'partially_refunded';
    }
    default:
      return undefined;
  }
}

export function readStripeWebhook(
  rawBody: string | Buffer,
  signatureHeader: string | null | undefined,
  webhookSecret: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): StripeWebhookEvent {
  if (!webhookSecret) throw new PaymentError('PAYMENT_METHOD_UNAVAILABLE', 'Stripe webhooks: STRIPE_WEBHOOK_SECRET is not set');
  if (!signatureHeader) throw new PaymentError('PAYMENT_SIGNATURE_INVALID', 'Stripe webhook without a Stripe-Signature header');
  let event: unknown;
  try {
    event = Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      webhookSecret,
      options.toleranceSeconds ?? 300,
      undefined,
      options.now?.getTime(),
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError)
      throw new PaymentError('PAYMENT_SIGNATURE_INVALID', `Stripe webhook refused: ${error.message.split('\n')[0]}`, {
        cause: error,
      });
    throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', 'Stripe webhook: the body is not a JSON event', { cause: error });
  }
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success)
    throw new PaymentError(
      'PAYMENT_MESSAGE_MALFORMED',
      `Stripe webhook: not an event (${parsed.error.issues[0]?.path.join('.')})`,
    );
  const { id, type, created, data } = parsed.data;
  const object = data.object;
  const metadata = object.metadata ?? {};
  const intentField = object.payment_intent;
  const paymentIntentId =
    object.object === 'payment_intent' ? object.id : typeof intentField === 'string' ? intentField : intentField?.id;
  const status = statusHint(type, object);
  return {
    eventId: id,
    type,
    createdAt: new Date(created * 1000),
    ...(object.object === 'checkout.session' ? { checkoutSessionId: object.id } : {}),
    ...(paymentIntentId ? { paymentIntentId } : {}),
    ...(metadata.payment_id ? { paymentId: metadata.payment_id } : {}),
    ...(metadata.tenant_id ? { tenantId: metadata.tenant_id } : {}),
    ...(metadata.order_id ? { orderId: metadata.order_id } : {}),
    ...(status ? { status } : {}),
  };
}
