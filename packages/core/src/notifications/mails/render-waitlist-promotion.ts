import type { Money } from '@himal/gds';
import type { IsoTimestamp, NotificationBase, TravelDates } from '../notification-inputs.ts';
import { mailContext, requireCount, sharedContent } from '../render/mail-context.ts';
import { renderMailLayout, type RenderedMail } from '../render/mail-layout.ts';
import { requireHttpUrl } from '../render/mail-urls.ts';

export interface WaitlistPromotionInput extends NotificationBase {
  /** A fixed departure (a group trek, a tour) and its dates. */
  departure: { name: string; dates: TravelDates };
  seats: number;
  /** Until when the seats wait for this traveller before going to the next one on the list. */
  heldUntil: IsoTimestamp;
  amountDue: Money;
  links: { pay: string };
}

/** Sent when seats free up on a full departure and go to this traveller from the waitlist. */
export function renderWaitlistPromotion(input: WaitlistPromotionInput): RenderedMail {
  const context = mailContext(input);
  const { t, branding } = context;
  const seatCount = requireCount(input.seats, 'seats');
  const seats = t.common.seats(seatCount, context.count(seatCount));
  const deadline = context.instant(input.heldUntil);
  return renderMailLayout(
    {
      ...sharedContent(context),
      subject: t.waitlistPromotion.subject({ departure: input.departure.name }),
      heading: t.waitlistPromotion.heading,
      paragraphs: [
        context.greeting,
        t.waitlistPromotion.intro({ departure: input.departure.name, seats }),
        t.waitlistPromotion.heldUntil({ deadline }),
      ],
      sections: [
        {
          rows: [
            { label: t.waitlistPromotion.departure, value: input.departure.name },
            { label: t.common.dates, value: context.dates(input.departure.dates) },
            { label: t.waitlistPromotion.seats, value: context.count(seatCount) },
            { label: t.waitlistPromotion.amountDue, value: context.money(input.amountDue), emphasis: true },
            { label: t.waitlistPromotion.heldUntilLabel, value: deadline },
          ],
        },
      ],
      action: { label: t.common.payNow, url: requireHttpUrl(input.links.pay, 'links.pay'), fallback: t.common.linkFallback },
      notes: [],
    },
    branding,
  );
}
