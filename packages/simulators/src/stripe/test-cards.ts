/**
 * Stripe's test cards (docs.stripe.com/testing) and the test PaymentMethods that stand for them in
 * API calls: what happens when each is used. Any other number is refused as Stripe's test mode
 * refuses real cards ("Your card number is incorrect").
 */
export type CardOutcome =
  | { kind: 'success'; brand: string; last4: string }
  | { kind: 'decline'; brand: string; last4: string; code: string; declineCode: string; message: string };

const visaDecline = (last4: string, code: string, declineCode: string, message: string): CardOutcome => ({
  kind: 'decline',
  brand: 'visa',
  last4,
  code,
  declineCode,
  message,
});

export const TEST_CARDS: Record<string, CardOutcome> = {
  '4242424242424242': { kind: 'success', brand: 'visa', last4: '4242' },
  '4000056655665556': { kind: 'success', brand: 'visa', last4: '5556' },
  '5555555555554444': { kind: 'success', brand: 'mastercard', last4: '4444' },
  '378282246310005': { kind: 'success', brand: 'amex', last4: '0005' },
  '4000000000000002': visaDecline('0002', 'card_declined', 'generic_decline', 'Your card was declined.'),
  '4000000000009995': visaDecline('9995', 'card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
  '4000000000009987': visaDecline('9987', 'card_declined', 'lost_card', 'Your card was declined.'),
  '4000000000000069': visaDecline('0069', 'expired_card', 'expired_card', 'Your card has expired.'),
  '4000000000000127': visaDecline('0127', 'incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."),
  '4000000000000119': visaDecline(
    '0119',
    'processing_error',
    'processing_error',
    'An error occurred while processing your card. Try again in a little bit.',
  ),
};

/** The PaymentMethod ids Stripe accepts in test mode instead of card numbers. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
};

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** What the card form was given, checked as Stripe's page checks it before anything is charged. */
export type CardEntry =
  { ok: true; number: string; outcome: CardOutcome; expMonth: number; expYear: number } | { ok: false; message: string };

export function readCardEntry(input: { number: string; expiry: string; cvc: string }, now: Date): CardEntry {
  const number = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) return { ok: false, message: 'Your card number is invalid.' };
  const outcome = TEST_CARDS[number];
  if (!outcome) return { ok: false, message: 'Your card number is incorrect. Use a Stripe test card in test mode.' };
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(input.expiry);
  if (!expiry) return { ok: false, message: "Your card's expiration date is incomplete." };
  const expMonth = Number(expiry[1]);
  const expYear = expiry[2]!.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  if (expMonth < 1 || expMonth > 12) return { ok: false, message: "Your card's expiration month is invalid." };
  const endOfExpiry = Date.UTC(expYear, expMonth, 1);
  if (endOfExpiry <= now.getTime()) return { ok: false, message: "Your card's expiration date is in the past." };
  const cvcLength = outcome.brand === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc.trim()))
    return { ok: false, message: "Your card's security code is incomplete." };
  return { ok: true, number, outcome, expMonth, expYear };
}
