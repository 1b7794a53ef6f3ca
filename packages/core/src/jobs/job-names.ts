/** Every background job the platform runs, and what each is given. Tenant jobs name their tenant. */
export interface JobPayloads {
  /** Confirm a paid order's items with the suppliers, then capture the payment. */
  'confirm-order': { tenantId: string; orderId: string };
  /** Release an unpaid hold at its payment deadline. */
  'expire-hold': { tenantId: string; orderId: string };
  /** Give back whatever a failed or expired order still holds, and void or refund what it took. */
  'settle-order': { tenantId: string; orderId: string };
  /** Carry out a confirmed cancellation with the suppliers and refund. */
  'cancel-order': { tenantId: string; orderId: string; cancellationId: string };
  /** Ask the provider what became of a payment nobody told us about. */
  'poll-payment': { tenantId: string; paymentId: string };
  /** Offer freed seats to the departure's waitlist, in order. */
  'promote-waitlist': { tenantId: string; departureId: string };
  /** Send one traveller e-mail (once: the job key is the notification's id). */
  'send-notification': {
    tenantId: string;
    orderId: string;
    kind: string;
    notificationId: string;
    data?: Record<string, unknown>;
  };
  /** Find orders stuck mid-way on every agency and drive each to a consistent end. */
  'recover-orders': Record<string, never>;
  /** Delete idempotency keys, offers and provider events past their keeping time, on every agency. */
  'purge-expired': Record<string, never>;
}

export type JobName = keyof JobPayloads;
