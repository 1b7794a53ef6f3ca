// Traveller notifications: every mail the booking engine sends, rendered in the traveller's
// language with the agency's branding, and the Notifier that delivers them (SMTP).
export type { MailAddress, Notifier, OutgoingMail } from './notifier.ts';
export { NotificationError, isNotificationError, type NotificationErrorCode } from './notification-error.ts';
export {
  createSmtpNotifier,
  DEFAULT_MAIL_FROM,
  type SmtpNotifier,
  type SmtpNotifierOptions,
} from './smtp/create-smtp-notifier.ts';
export { notifierFromEnv, DEVELOPMENT_SMTP_URL } from './smtp/notifier-from-env.ts';
export type {
  AgencyBranding,
  IsoDateOrTimestamp,
  IsoTimestamp,
  NotificationBase,
  OrderItemSummary,
  ItemProduct,
  Recipient,
  TravelDates,
  TravelDocument,
} from './notification-inputs.ts';
export { renderNotification, NOTIFICATION_KINDS, type NotificationInputs, type NotificationKind } from './render-notification.ts';
export { composeNotification } from './compose-notification.ts';
export type { RenderedMail } from './render/mail-layout.ts';
export { renderOrderConfirmation, type BookedItem, type OrderConfirmationInput } from './mails/render-order-confirmation.ts';
export { renderPaymentReceipt, type PaymentReceiptInput } from './mails/render-payment-receipt.ts';
export { renderHoldExpiring, type HoldExpiringInput } from './mails/render-hold-expiring.ts';
export { renderWaitlistPromotion, type WaitlistPromotionInput } from './mails/render-waitlist-promotion.ts';
export { renderCancellation, type CancellationInput } from './mails/render-cancellation.ts';
export { renderRefund, type RefundInput } from './mails/render-refund.ts';
export { MAIL_CATALOGUES, resolveLanguage, type MailLanguage, type ResolvedLanguage } from './catalogues/catalogue-for.ts';
export type { MessageCatalogue } from './catalogues/message-catalogue.ts';
