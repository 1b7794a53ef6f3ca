import { randomInt } from 'node:crypto';

/**
 * A booking reference a traveller reads out on the phone or types from an e-mail: six characters
 * from an alphabet without the ones people confuse (0/O/Q, 1/I/L, 5/S, 8/B, 2/Z, U/V), so 22^6,
 * about 113 million references, random (nothing to guess from one to the next). Unique within an agency: the
 * order store's unique constraint refuses a repeat, and the caller draws again.
 */
export const BOOKING_REFERENCE_ALPHABET = 'ACDEFGHJKMNPRTWXY34679';
export const BOOKING_REFERENCE_LENGTH = 6;

export function newBookingReference(): string {
  let reference = '';
  for (let i = 0; i < BOOKING_REFERENCE_LENGTH; i++)
    reference += BOOKING_REFERENCE_ALPHABET[randomInt(BOOKING_REFERENCE_ALPHABET.length)];
  return reference;
}

/**
 * A reference as a traveller typed it, in the form it is stored: upper case, spaces and hyphens
 * dropped; undefined when it cannot be one (so a lookup never reaches the database with it).
 */
export function normalizeBookingReference(typed: string): string | undefined {
  const reference = typed.toUpperCase().replace(/[\s-]/g, '');
  if (reference.length !== BOOKING_REFERENCE_LENGTH) return undefined;
  for (const character of reference) if (!BOOKING_REFERENCE_ALPHABET.includes(character)) return undefined;
  return reference;
}
