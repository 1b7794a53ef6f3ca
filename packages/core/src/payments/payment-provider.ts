import type { Money } from '@himal/gds';

/** How a traveller pays: a card on Stripe's hosted page, or the eSewa wallet. */
export type PaymentMethod = 'card' | 'esewa';
export type PaymentProviderId = 'stripe' | 'esewa';

export const PROVIDER_OF_METHOD: Record<PaymentMethod, PaymentProviderId> = { card: 'stripe', esewa: 'esewa' };

/**
 * What the platform asks a provider to take. `paymentId` is the platform's own id for this payment
 * (pay_…): it is the merchant reference the provider echoes back (eSewa's transaction_uuid, Stripe's
 * metadata) and the root of every idempotency key sent for it, so a retried call never charges twice.
 */
export interface StartPaymentRequest {
  paymentId: string;
  tenantId: string;
  orderId: string;
  amount: Money;
  /** What the traveller sees on the provider's page ("Everest Treks · booking K7M2QX"). */
  description: string;
  customerEmail?: string;
  /** Where the provider sends the traveller back; the platform's own pages. */
  successUrl: string;
  cancelUrl: string;
}

/**
 * Where to send the traveller to pay. No card number or wallet password ever reaches the platform
 * (PCI SAQ A): either a hosted page to redirect to, or a form the browser posts to the provider.
 */
export interface PaymentSession {
  provider: PaymentProviderId;
  /** The provider's id for the payment (Stripe's PaymentIntent or Checkout Session, eSewa's transaction_uuid). */
  providerReference: string;
  /** A page to send the traveller to (GET). */
  redirectUrl?: string;
  /** A form the traveller's browser must POST (eSewa): the action and its fields, signed. */
  form?: { action: string; fields: Record<string, string> };
  /** When the provider stops accepting this session. */
  expiresAt?: Date;
}

/**
 * The provider's own view of a payment, read back with `retrieve` (the truth after a crash or a lost
 * callback). Amounts are minor units of the payment's currency.
 *  - pending: nothing taken yet (traveller still on the page, or abandoned)
 *  - authorized: money reserved, not captured (Stripe manual capture)
 *  - captured: money taken (eSewa takes it at payment)
 *  - voided: an authorization released, nothing taken
 *  - failed: the provider refused or the traveller gave up
 *  - refunded / partially_refunded: money taken and then (partly) returned
 *  - unknown: the provider cannot say yet (eSewa AMBIGUOUS); ask again later
 */
export type ProviderPaymentStatus =
  'pending' | 'authorized' | 'captured' | 'voided' | 'failed' | 'refunded' | 'partially_refunded' | 'unknown';

export interface ProviderPayment {
  provider: PaymentProviderId;
  providerReference: string;
  status: ProviderPaymentStatus;
  amount: Money;
  /** Minor units captured so far (0 until captured). */
  capturedMinor: number;
  /** Minor units refunded so far. */
  refundedMinor: number;
  /** The provider's transaction code once paid (eSewa's transaction_code, Stripe's charge id). */
  transactionReference?: string;
}

export interface ProviderRefund {
  provider: PaymentProviderId;
  refundReference: string;
  amount: Money;
  status: 'succeeded' | 'pending' | 'failed';
}

/**
 * One interface for every payment provider. Every method is safe to call again with the same
 * `idempotencyKey` (the provider applies it once), and throws PaymentError for what the provider
 * refused (PAYMENT_DECLINED, PAYMENT_PROVIDER_UNAVAILABLE, ...).
 */
export interface PaymentProvider {
  readonly id: PaymentProviderId;
  /**
   * True when the provider takes the money at payment with no separate capture (eSewa): the saga
   * then holds the supplier first and refunds when confirmation fails, instead of voiding.
   */
  readonly capturesOnPayment: boolean;
  /** Opens a payment for the traveller to complete on the provider's page; authorize only where the provider can. */
  startPayment(request: StartPaymentRequest, idempotencyKey: string): Promise<PaymentSession>;
  retrieve(providerReference: string, amount: Money): Promise<ProviderPayment>;
  /** Takes `amount` (at most what was authorized) of an authorization. */
  capture(providerReference: string, amount: Money, idempotencyKey: string): Promise<ProviderPayment>;
  /** Releases an authorization without taking anything. */
  void(providerReference: string, amount: Money, idempotencyKey: string): Promise<ProviderPayment>;
  /** Returns `amount` (all or part) of what was captured. */
  refund(providerReference: string, amount: Money, idempotencyKey: string): Promise<ProviderRefund>;
}
