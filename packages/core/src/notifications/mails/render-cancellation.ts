import type { Money } from '@himal/gds';
import type { IsoTimestamp, NotificationBase, OrderItemSummary } from '../notification-inputs.ts';
import { mailContext, sharedContent } from '../render/mail-context.ts';
import { renderMailLayout, type RenderedMail } from '../render/mail-layout.ts';
import { requireHttpUrl } from '../render/mail-urls.ts';

export interface CancellationInput extends NotificationBase {
  bookingReference: string;
  cancelledItems: OrderItemSummary[];
  /** What the fare and hotel rules keep. */
  penalty: Money;
  /** What goes back to the traveller (a separate refund mail follows when it is paid out). */
  refundAmount: Money;
  cancelledAt: IsoTimestamp;
  links: { booking: string };
}

/** Sent when items of an order are cancelled: what went, what it cost, what comes back. */
export function renderCancellation(input: CancellationInput): RenderedMail {
  const context = mailContext(input);
  const { t, branding } = context;
  return renderMailLayout(
    {
      ...sharedContent(context),
      subject: t.cancellation.subject({ reference: input.bookingReference }),
      heading: t.cancellation.heading,
      paragraphs: [context.greeting, t.cancellation.intro],
      sections: [
        {
          title: t.cancellation.cancelled,
          rows: input.cancelledItems.map((item) => ({
            label: t.common.products[item.product],
            value: `${item.title}, ${context.dates(item.dates)}`,
          })),
        },
        {
          rows: [
            { label: t.common.bookingReference, value: input.bookingReference },
            { label: t.cancellation.cancelledAt, value: context.instant(input.cancelledAt) },
            { label: t.cancellation.penalty, value: context.money(input.penalty) },
            { label: t.cancellation.refund, value: context.money(input.refundAmount), emphasis: true },
          ],
        },
      ],
      action: {
        label: t.common.viewBooking,
        url: requireHttpUrl(input.links.booking, 'links.booking'),
        fallback: t.common.linkFallback,
      },
      notes: [input.refundAmount.amountMinor > 0 ? t.cancellation.refundFollows : t.cancellation.noRefund],
    },
    branding,
  );
}
