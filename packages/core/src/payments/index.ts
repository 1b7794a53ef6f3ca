// Payments: the provider interface and its providers (eSewa ePay v2: its adapter, callback, signatures
// and status answers). The Stripe adapter and the payment saga join them with the booking engine.
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
