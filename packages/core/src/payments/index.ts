// Payments: what each provider's messages need (eSewa ePay v2's signatures and status answers). The
// provider interface, the Stripe adapter and the payment saga join them with the booking engine.
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
