import type { Money } from '@himal/gds';
import type { IsoTimestamp, NotificationBase, OrderItemSummary } from '../notification-inputs.ts';
import { mailContext, sharedContent } from '../render/mail-context.ts';
import { renderMailLayout, type RenderedMail } from '../render/mail-layout.ts';
import { requireHttpUrl } from '../render/mail-urls.ts';

export interface HoldExpiringInput extends NotificationBase {
  bookingReference: string;
  heldItems: OrderItemSummary[];
  amountDue: Money;
  /** When the suppliers release the hold. */
  payBy: IsoTimestamp;
  links: { pay: string };
}

/** Sent before an unpaid hold lapses, so the traveller pays while the fare and rooms are still theirs. */
export function renderHoldExpiring(input: HoldExpiringInput): RenderedMail {
  const context = mailContext(input);
  const { t, branding } = context;
  const payBy = context.instant(input.payBy);
  return renderMailLayout(
    {
      ...sharedContent(context),
      subject: t.holdExpiring.subject({ reference: input.bookingReference }),
      heading: t.holdExpiring.heading,
      paragraphs: [context.greeting, t.holdExpiring.intro({ payBy })],
      sections: [
        {
          title: t.holdExpiring.held,
          rows: input.heldItems.map((item) => ({
            label: t.common.products[item.product],
            value: `${item.title}, ${context.dates(item.dates)}`,
          })),
        },
        {
          rows: [
            { label: t.holdExpiring.amountDue, value: context.money(input.amountDue), emphasis: true },
            { label: t.holdExpiring.payBy, value: payBy },
            { label: t.common.bookingReference, value: input.bookingReference },
          ],
        },
      ],
      action: { label: t.common.payNow, url: requireHttpUrl(input.links.pay, 'links.pay'), fallback: t.common.linkFallback },
      notes: [],
    },
    branding,
  );
}
