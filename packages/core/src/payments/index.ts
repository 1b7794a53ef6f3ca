// Payments: the provider interface and its two providers: Stripe (the real SDK; hosted checkout,
// manual capture, signed webhooks) and eSewa ePay v2 (signed form, callback, status check).
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
export { createEsewaProvider } from './esewa/esewa-provider.ts';
export { ESEWA_TRANSACTION_UUID } from './esewa/esewa-transaction-uuid.ts';
export { verifyEsewaCallback, type VerifiedEsewaCallback } from './esewa/verify-esewa-callback.ts';
export { esewaConfigFromEnv, ESEWA_ENV, type EsewaProviderConfig } from './esewa/esewa-config.ts';
export { ESEWA_CURRENCY } from './esewa/esewa-amounts.ts';
export { createStripeProvider } from './stripe/stripe-provider.ts';
export { stripeConfigFromEnv, type StripeConfig } from './stripe/stripe-config.ts';
export { toStripeAmount, fromStripeAmount } from './stripe/stripe-amounts.ts';
export { readStripeWebhook, type StripeWebhookEvent } from './stripe/read-stripe-webhook.ts';
