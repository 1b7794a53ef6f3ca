import type { Money } from '@himal/gds';
import type { NotificationBase, OrderItemSummary, TravelDocument } from '../notification-inputs.ts';
import { mailContext, sharedContent } from '../render/mail-context.ts';
import { renderMailLayout, type MailSection, type RenderedMail } from '../render/mail-layout.ts';
import { requireHttpUrl } from '../render/mail-urls.ts';

/** A booked item with what the traveller shows for it (tickets, locator, voucher, policy). */
export interface BookedItem extends OrderItemSummary {
  documents: TravelDocument[];
}

export interface OrderConfirmationInput extends NotificationBase {
  bookingReference: string;
  items: BookedItem[];
  travellers: { name: string }[];
  totalPaid: Money;
  links: { booking: string };
}

/** Sent once every item of an order is booked and paid: the traveller's record of the trip. */
export function renderOrderConfirmation(input: OrderConfirmationInput): RenderedMail {
  const context = mailContext(input);
  const { t, branding } = context;
  const itemSections: MailSection[] = input.items.map((item) => ({
    title: `${t.common.products[item.product]}: ${item.title}`,
    rows: [
      { label: t.common.dates, value: context.dates(item.dates) },
      ...item.documents.map((document) => ({
        label: t.common.documents[document.kind] + (document.travellerName ? ` (${document.travellerName})` : ''),
        value: document.number,
      })),
    ],
  }));
  return renderMailLayout(
    {
      ...sharedContent(context),
      subject: t.orderConfirmation.subject({ agency: branding.name, reference: input.bookingReference }),
      heading: t.orderConfirmation.heading,
      paragraphs: [context.greeting, t.orderConfirmation.intro({ agency: branding.name })],
      sections: [
        { rows: [{ label: t.common.bookingReference, value: input.bookingReference, emphasis: true }] },
        ...itemSections,
        { title: t.orderConfirmation.travellers, rows: input.travellers.map((traveller) => ({ value: traveller.name })) },
        { rows: [{ label: t.orderConfirmation.totalPaid, value: context.money(input.totalPaid), emphasis: true }] },
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
