import type { Product } from '@himal/gds';

/**
 * What every traveller mail is built from besides its own facts. The caller reads these from the
 * tenant (ThemeSettings, the agency's name and site) and the order; renderers do no I/O.
 */

/** An agency's branding as ThemeSettings stores it, plus what a mail needs to sign off. */
export interface AgencyBranding {
  name: string;
  logoUrl?: string | null;
  primaryColor: string;
  accentColor: string;
  backgroundColor: string;
  textColor: string;
  fontFamily: string;
  supportEmail?: string | null;
  /** The agency's site, absolute (https://everest-treks.example). */
  siteUrl: string;
}

export interface Recipient {
  name: string;
  email: string;
  /** BCP 47 tag as the traveller chose it (`ne`, `en-GB`); unknown languages get English. */
  language: string;
}

export interface NotificationBase {
  agency: AgencyBranding;
  recipient: Recipient;
  /** IANA time zone the traveller's times are shown in (`Asia/Kathmandu`). */
  timeZone: string;
}

/**
 * A calendar day (`2027-03-14`) or an instant with the offset of the place it happens
 * (`2027-03-14T06:30:00+05:45`, a departure from Kathmandu). Travel dates are shown as that place
 * keeps them; only deadlines and payment times are moved into the mail's time zone.
 */
export type IsoDateOrTimestamp = string;
/** An instant with its offset or `Z`. */
export type IsoTimestamp = string;

/** The period a booked or held thing covers: a flight's departure, a stay's check-in to check-out. */
export interface TravelDates {
  start: IsoDateOrTimestamp;
  end?: IsoDateOrTimestamp;
}

/** What a traveller shows or quotes: an e-ticket, the airline's locator, a hotel voucher, a policy. */
export interface TravelDocument {
  kind: 'ticket' | 'airline-locator' | 'hotel-voucher' | 'insurance-policy';
  number: string;
  /** Whose document it is, when it is one traveller's (a ticket). */
  travellerName?: string;
}

/** What an order item is: a supplier's product, or a departure of the agency's own trips. */
export type ItemProduct = Product | 'departure';

/** One thing an order holds or held: a flight, a stay, a policy, seats on a trek or tour. */
export interface OrderItemSummary {
  product: ItemProduct;
  /** How the agency names it ("Kathmandu → Lukla, Yeti Airlines YT 101"). */
  title: string;
  dates: TravelDates;
}
