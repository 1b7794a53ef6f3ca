import { describe, expect, it } from 'vitest';
import {
  BOOKING_REFERENCE_ALPHABET,
  BOOKING_REFERENCE_LENGTH,
  newBookingReference,
  normalizeBookingReference,
} from './booking-reference.ts';

describe('booking references', () => {
  it('use no character people confuse', () => {
    for (const confusable of '0OQ1IL5S8B2ZUV') expect(BOOKING_REFERENCE_ALPHABET).not.toContain(confusable);
    expect(new Set(BOOKING_REFERENCE_ALPHABET).size).toBe(BOOKING_REFERENCE_ALPHABET.length);
  });

  it('are six characters of the alphabet, drawn at random', () => {
    const drawn = Array.from({ length: 20_000 }, newBookingReference);
    for (const reference of drawn) expect(normalizeBookingReference(reference)).toBe(reference);
    expect(new Set(drawn).size).toBeGreaterThan(19_990);
    // Every character of the alphabet turns up in every position.
    for (let position = 0; position < BOOKING_REFERENCE_LENGTH; position++)
      expect(new Set(drawn.map((reference) => reference[position])).size).toBe(BOOKING_REFERENCE_ALPHABET.length);
  });

  it('read back as a traveller types them, and refuse what cannot be one', () => {
    expect(normalizeBookingReference(' kx-7 dh3 ')).toBe('KX7DH3');
    for (const typed of ['KX7DH', 'KX7DH33', 'KX7DH0', 'KX7DHO', "KX7D'3", ''])
      expect(normalizeBookingReference(typed)).toBeUndefined();
  });
});
