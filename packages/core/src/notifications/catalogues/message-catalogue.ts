import type { PaymentMethod } from '../../payments/index.ts';
import type { ItemProduct, TravelDocument } from '../notification-inputs.ts';

/**
 * Every sentence and label a traveller mail uses, in one language. Sentences that carry values are
 * functions of named, already formatted strings, so TypeScript checks that each language has every
 * key and takes the same values, and no `{placeholder}` can be left unreplaced. Entries are plain
 * text: the HTML layout escapes them with the values inside.
 */
export interface MessageCatalogue {
  /** The BCP 47 locale numbers, money and dates are formatted in when the traveller's tag is just the language. */
  locale: string;
  common: {
    greeting: (p: { name: string }) => string;
    bookingReference: string;
    dates: string;
    viewBooking: string;
    payNow: string;
    /** Before the bare address, for mail clients that do not show the button. */
    linkFallback: string;
    questions: (p: { email: string }) => string;
    questionsWithoutEmail: (p: { site: string }) => string;
    sentBy: (p: { agency: string }) => string;
    dateRange: (p: { start: string; end: string }) => string;
    /** `count` picks the plural; `formatted` is the number written in the language. */
    days: (count: number, formatted: string) => string;
    seats: (count: number, formatted: string) => string;
    products: Record<ItemProduct, string>;
    documents: Record<TravelDocument['kind'], string>;
    paymentMethods: Record<PaymentMethod, string>;
  };
  orderConfirmation: {
    subject: (p: { agency: string; reference: string }) => string;
    heading: string;
    intro: (p: { agency: string }) => string;
    travellers: string;
    documents: string;
    totalPaid: string;
  };
  paymentReceipt: {
    subject: (p: { agency: string; reference: string }) => string;
    heading: string;
    intro: (p: { amount: string }) => string;
    amount: string;
    method: string;
    transactionReference: string;
    paidAt: string;
  };
  holdExpiring: {
    subject: (p: { reference: string }) => string;
    heading: string;
    intro: (p: { payBy: string }) => string;
    held: string;
    amountDue: string;
    payBy: string;
  };
  waitlistPromotion: {
    subject: (p: { departure: string }) => string;
    heading: string;
    intro: (p: { departure: string; seats: string }) => string;
    heldUntil: (p: { deadline: string }) => string;
    departure: string;
    seats: string;
    amountDue: string;
    heldUntilLabel: string;
  };
  cancellation: {
    subject: (p: { reference: string }) => string;
    heading: string;
    intro: string;
    cancelled: string;
    cancelledAt: string;
    penalty: string;
    refund: string;
    refundFollows: string;
    noRefund: string;
  };
  refund: {
    subject: (p: { reference: string; amount: string }) => string;
    heading: string;
    /** `destination` is one of `destinations`, e.g. "your card". */
    intro: (p: { amount: string; destination: string }) => string;
    destinations: Record<PaymentMethod, string>;
    expected: (p: { days: string }) => string;
    amount: string;
    method: string;
    refundReference: string;
    refundedAt: string;
    expectedWithin: string;
  };
}
