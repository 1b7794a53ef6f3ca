import { randomBytes } from 'node:crypto';
import type { Product } from '@himal/gds';

/**
 * Ids are 128 random bits in Crockford base32 behind a prefix that says what they name. They carry
 * nothing else: price, supplier and tenant stay on the server, so an id cannot be altered into
 * anything but an unknown id.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 26; // ceil(128 / 5)

/** The random part of every id the platform makes (offers, trips, departures ...). */
export function randomBase32(): string {
  const bytes = randomBytes(16);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < RANDOM_CHARS; i++) {
    text = ALPHABET[Number(bits & 31n)]! + text;
    bits >>= 5n;
  }
  return text;
}

export const OFFER_REQUEST_PREFIXES = { air: 'orq', hotel: 'hsr', insurance: 'inq' } as const satisfies Record<Product, string>;

export function newOfferId(): string {
  return `off_${randomBase32()}`;
}

export function newOfferRequestId(product: Product): string {
  return `${OFFER_REQUEST_PREFIXES[product]}_${randomBase32()}`;
}

/** What randomBase32() makes, as a regular expression source. */
export const RANDOM_BASE32_PATTERN = `[${ALPHABET}]{${RANDOM_CHARS}}`;

const ID_PATTERN = new RegExp(`^(off|orq|hsr|inq)_${RANDOM_BASE32_PATTERN}$`);

/** Whether `id` could be an id of this kind at all (saves a database round trip for junk). */
export function isWellFormedId(id: string, prefix: 'off' | (typeof OFFER_REQUEST_PREFIXES)[Product]): boolean {
  return ID_PATTERN.test(id) && id.startsWith(`${prefix}_`);
}
