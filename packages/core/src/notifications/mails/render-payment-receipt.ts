import type { Money } from '@himal/gds';
import type { PaymentMethod } from '../../payments/index.ts';
import type { IsoTimestamp, NotificationBase } from '../notification-inputs.ts';
import { mailContext, sharedContent } from '../render/mail-context.ts';
import { renderMailLayout, type RenderedMail } from '../render/mail-layout.ts';
import { requireHttpUrl } from '../render/mail-urls.ts';

export interface PaymentReceiptInput extends NotificationBase {
  bookingReference: string;
  amount: Money;
  method: PaymentMethod;
  /** The provider's reference for the payment (eSewa's transaction code, Stripe's charge id). */
  transactionReference: string;
  paidAt: IsoTimestamp;
  links: { booking: string };
}

/** Sent when a payment is captured: proof of what was paid, how and when. */
export function renderPaymentReceipt(input: PaymentReceiptInput): RenderedMail {
  const context = mailContext(input);
  const { t, branding } = context;
  const amount = context.money(input.amount);
  return renderMailLayout(
    {
      ...sharedContent(context),
      subject: t.paymentReceipt.subject({ agency: branding.name, reference: input.bookingReference }),
      heading: t.paymentReceipt.heading,
      paragraphs: [context.greeting, t.paymentReceipt.intro({ amount })],
      sections: [
        {
          rows: [
            { label: t.paymentReceipt.amount, value: amount, emphasis: true },
            { label: t.common.bookingReference, value: input.bookingReference },
            { label: t.paymentReceipt.method, value: t.common.paymentMethods[input.method] },
            { label: t.paymentReceipt.transactionReference, value: input.transactionReference },
            { label: t.paymentReceipt.paidAt, value: context.instant(input.paidAt) },
          ],
        },
      ],
      action: {
        label: t.common.viewBooking,
        url: requireHttpUrl(input.links.booking, 'links.booking'),
        fallback: t.common.linkFallback,
      },
      notes: [],
    },
    branding,
  );
}
