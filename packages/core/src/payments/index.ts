// Payments: what each provider's messages need (eSewa ePay v2's signatures and status answers), the
// provider interface and the Stripe provider. The payment saga joins them with the booking engine.
export { PaymentError, isPaymentError, type PaymentErrorCode } from './payment-errors.ts';
export {
  ESEWA_FORM_SIGNED_FIELDS,
  ESEWA_STATUSES,
  esewaSignature,
  esewaStatusAnswerSchema,
  readEsewaCallback,
  type EsewaCallback,
  type EsewaStatus,
  type EsewaStatusAnswer,
} from './esewa/esewa-signature.ts';
export * from './payment-provider.ts';
export { createStripeProvider } from './stripe/stripe-provider.ts';
export { stripeConfigFromEnv, type StripeConfig } from './stripe/stripe-config.ts';
export { toStripeAmount, fromStripeAmount } from './stripe/stripe-amounts.ts';
export { readStripeWebhook, type StripeWebhookEvent } from './stripe/read-stripe-webhook.ts';
