import type { Money } from '@himal/gds';
import { NotificationError } from '../notification-error.ts';
import { resolveLanguage } from '../catalogues/catalogue-for.ts';
import type { MessageCatalogue } from '../catalogues/message-catalogue.ts';
import { formatInstant, formatTravelDate } from '../format/format-dates.ts';
import { formatCount, formatMoney } from '../format/format-money.ts';
import type { IsoTimestamp, NotificationBase, TravelDates } from '../notification-inputs.ts';
import { mailBranding, type MailBranding } from './mail-branding.ts';
import type { MailContent } from './mail-layout.ts';

/**
 * What every kind's renderer works with: the traveller's catalogue, formatters bound to their
 * locale and time zone, the checked branding, and the greeting and footer all mails share.
 */
export interface MailContext {
  t: MessageCatalogue;
  locale: string;
  branding: MailBranding;
  money: (amount: Money) => string;
  instant: (value: IsoTimestamp) => string;
  dates: (dates: TravelDates) => string;
  count: (value: number) => string;
  greeting: string;
  footer: string[];
}

export function mailContext(input: NotificationBase): MailContext {
  const { catalogue: t, locale } = resolveLanguage(input.recipient.language);
  const branding = mailBranding(input.agency);
  const { timeZone } = input;
  const travelDate = (value: string) => formatTravelDate(value, locale);
  const site = new URL(branding.siteUrl).host;
  return {
    t,
    locale,
    branding,
    money: (amount) => formatMoney(amount, locale),
    instant: (value) => formatInstant(value, locale, timeZone),
    dates: ({ start, end }) =>
      end === undefined ? travelDate(start) : t.common.dateRange({ start: travelDate(start), end: travelDate(end) }),
    count: (value) => formatCount(value, locale),
    greeting: t.common.greeting({ name: input.recipient.name.trim() }),
    footer: [
      branding.supportEmail ? t.common.questions({ email: branding.supportEmail }) : t.common.questionsWithoutEmail({ site }),
      t.common.sentBy({ agency: branding.name }),
    ],
  };
}

/** The parts of MailContent every mail fills the same way. */
export function sharedContent(context: MailContext): Pick<MailContent, 'locale' | 'footer'> {
  return { locale: context.locale, footer: context.footer };
}

/** Counts a mail states (seats, days) are whole and positive; anything else is a bug upstream. */
export function requireCount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new NotificationError('NOTIFICATION_INPUT_INVALID', `${what} must be a whole number of at least 1`);
  return value;
}
