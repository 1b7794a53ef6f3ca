import type { Money } from '@himal/gds';
import type { AgencyBranding, NotificationInputs, NotificationKind, Recipient } from '../notifications/index.ts';

/** An agency as ThemeSettings and its site describe it, for the notification tests. */
export const TEST_AGENCY: AgencyBranding = {
  name: 'Everest Treks',
  logoUrl: 'https://everest-treks.example/logo.png',
  primaryColor: '#1d4ed8',
  accentColor: '#f59e0b',
  backgroundColor: '#ffffff',
  textColor: '#0f172a',
  fontFamily: 'Inter',
  supportEmail: 'help@everest-treks.example',
  siteUrl: 'https://everest-treks.example',
};

export function testRecipient(language: string, overrides: Partial<Recipient> = {}): Recipient {
  return { name: 'Sita Sharma', email: 'sita@example.com', language, ...overrides };
}

export interface FixtureOptions {
  language?: string;
  /** Every amount of the mail is `amount` (so a test can look for it in one formatted form). */
  amount?: Money;
  agency?: Partial<AgencyBranding>;
  recipient?: Partial<Recipient>;
  timeZone?: string;
}

const BOOKING = 'https://everest-treks.example/bookings/K7M2QX';
const PAY = 'https://everest-treks.example/pay/K7M2QX';

/** One plausible input of every kind, every amount `amount`, every link absolute. */
export function notificationFixture<K extends NotificationKind>(kind: K, options: FixtureOptions = {}): NotificationInputs[K] {
  const amount = options.amount ?? { amountMinor: 12_345_650, currency: 'NPR' };
  const base = {
    agency: { ...TEST_AGENCY, ...options.agency },
    recipient: testRecipient(options.language ?? 'en', options.recipient),
    timeZone: options.timeZone ?? 'Asia/Kathmandu',
  };
  const flight = {
    product: 'air' as const,
    title: 'Kathmandu → Lukla, Yeti Airlines YT 101',
    dates: { start: '2027-03-14T06:30:00+05:45' },
  };
  const stay = { product: 'hotel' as const, title: 'Yak & Yeti, Kathmandu', dates: { start: '2027-03-14', end: '2027-03-17' } };
  const inputs: NotificationInputs = {
    'order-confirmation': {
      ...base,
      bookingReference: 'K7M2QX',
      items: [
        {
          ...flight,
          documents: [
            { kind: 'ticket', number: '176-2345678901', travellerName: 'Sita Sharma' },
            { kind: 'airline-locator', number: 'YTQ7P2' },
          ],
        },
        { ...stay, documents: [{ kind: 'hotel-voucher', number: 'HV-99812' }] },
      ],
      travellers: [{ name: 'Sita Sharma' }, { name: 'Hari Sharma' }],
      totalPaid: amount,
      links: { booking: BOOKING },
    },
    'payment-receipt': {
      ...base,
      bookingReference: 'K7M2QX',
      amount,
      method: 'esewa',
      transactionReference: '000AWEO',
      paidAt: '2027-03-01T10:00:00Z',
      links: { booking: BOOKING },
    },
    'hold-expiring': {
      ...base,
      bookingReference: 'K7M2QX',
      heldItems: [flight, stay],
      amountDue: amount,
      payBy: '2027-03-02T12:15:00Z',
      links: { pay: PAY },
    },
    'waitlist-promotion': {
      ...base,
      departure: { name: 'Everest Base Camp Trek, spring group', dates: { start: '2027-04-02', end: '2027-04-16' } },
      seats: 2,
      heldUntil: '2027-03-05T18:15:00Z',
      amountDue: amount,
      links: { pay: PAY },
    },
    cancellation: {
      ...base,
      bookingReference: 'K7M2QX',
      cancelledItems: [stay],
      penalty: amount,
      refundAmount: amount,
      cancelledAt: '2027-03-03T09:00:00+05:45',
      links: { booking: BOOKING },
    },
    refund: {
      ...base,
      bookingReference: 'K7M2QX',
      amount,
      method: 'card',
      refundReference: 're_3PXk2L',
      refundedAt: '2027-03-04T08:00:00Z',
      expectedDays: 7,
      links: { booking: BOOKING },
    },
  };
  return inputs[kind];
}

/** The link each kind's button leads to in the fixture. */
export const FIXTURE_LINKS: Record<NotificationKind, string> = {
  'order-confirmation': BOOKING,
  'payment-receipt': BOOKING,
  'hold-expiring': PAY,
  'waitlist-promotion': PAY,
  cancellation: BOOKING,
  refund: BOOKING,
};
