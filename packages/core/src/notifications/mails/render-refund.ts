import type { Money } from '@himal/gds';
import type { PaymentMethod } from '../../payments/index.ts';
import type { IsoTimestamp, NotificationBase } from '../notification-inputs.ts';
import { mailContext, requireCount, sharedContent } from '../render/mail-context.ts';
import { renderMailLayout, type RenderedMail } from '../render/mail-layout.ts';
import { requireHttpUrl } from '../render/mail-urls.ts';

export interface RefundInput extends NotificationBase {
  bookingReference: string;
  amount: Money;
  /** Where the money goes back: the card or eSewa wallet that paid. */
  method: PaymentMethod;
  /** The provider's reference for the refund, when it gives one. */
  refundReference?: string;
  refundedAt: IsoTimestamp;
  /** How many days the provider says the money takes to arrive. */
  expectedDays: number;
  links: { booking: string };
}

/** Sent when a refund is issued to the provider: how much, to where, and when to expect it. */
export function renderRefund(input: RefundInput): RenderedMail {
  const context = mailContext(input);
  const { t, branding } = context;
  const amount = context.money(input.amount);
  const dayCount = requireCount(input.expectedDays, 'expectedDays');
  const days = t.common.days(dayCount, context.count(dayCount));
  return renderMailLayout(
    {
      ...sharedContent(context),
      subject: t.refund.subject({ reference: input.bookingReference, amount }),
      heading: t.refund.heading,
      paragraphs: [
        context.greeting,
        t.refund.intro({ amount, destination: t.refund.destinations[input.method] }),
        t.refund.expected({ days }),
      ],
      sections: [
        {
          rows: [
            { label: t.refund.amount, value: amount, emphasis: true },
            { label: t.refund.method, value: t.common.paymentMethods[input.method] },
            ...(input.refundReference ? [{ label: t.refund.refundReference, value: input.refundReference }] : []),
            { label: t.refund.refundedAt, value: context.instant(input.refundedAt) },
            { label: t.refund.expectedWithin, value: days },
            { label: t.common.bookingReference, value: input.bookingReference },
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
