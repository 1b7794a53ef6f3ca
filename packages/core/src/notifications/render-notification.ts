import { renderCancellation, type CancellationInput } from './mails/render-cancellation.ts';
import { renderHoldExpiring, type HoldExpiringInput } from './mails/render-hold-expiring.ts';
import { renderOrderConfirmation, type OrderConfirmationInput } from './mails/render-order-confirmation.ts';
import { renderPaymentReceipt, type PaymentReceiptInput } from './mails/render-payment-receipt.ts';
import { renderRefund, type RefundInput } from './mails/render-refund.ts';
import { renderWaitlistPromotion, type WaitlistPromotionInput } from './mails/render-waitlist-promotion.ts';
import type { RenderedMail } from './render/mail-layout.ts';

/** Every mail the booking engine sends a traveller, by kind, with what it is rendered from. */
export interface NotificationInputs {
  'order-confirmation': OrderConfirmationInput;
  'payment-receipt': PaymentReceiptInput;
  'hold-expiring': HoldExpiringInput;
  'waitlist-promotion': WaitlistPromotionInput;
  cancellation: CancellationInput;
  refund: RefundInput;
}

export type NotificationKind = keyof NotificationInputs;

// A mapped type rather than a switch statement: adding a kind to NotificationInputs without a
// renderer here fails to compile, and each renderer is checked against its own input.
const RENDERERS: { [K in NotificationKind]: (input: NotificationInputs[K]) => RenderedMail } = {
  'order-confirmation': renderOrderConfirmation,
  'payment-receipt': renderPaymentReceipt,
  'hold-expiring': renderHoldExpiring,
  'waitlist-promotion': renderWaitlistPromotion,
  cancellation: renderCancellation,
  refund: renderRefund,
};

export const NOTIFICATION_KINDS = Object.keys(RENDERERS) as NotificationKind[];

/** Subject, HTML and text of one traveller mail, in the traveller's language; pure. */
export function renderNotification<K extends NotificationKind>(kind: K, input: NotificationInputs[K]): RenderedMail {
  return RENDERERS[kind](input);
}
