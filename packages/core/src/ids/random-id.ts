import { randomBytes } from 'node:crypto';

/**
 * Ids are 128 random bits in Crockford base32 behind a prefix that says what they name. They carry
 * nothing else: price, supplier and tenant stay on the server, so an id cannot be altered into
 * anything but an unknown id.
 */
export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 26; // ceil(128 / 5)

/** The random part of every id the platform makes (offers, orders, trips, departures ...). */
export function randomBase32(): string {
  const bytes = randomBytes(16);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < RANDOM_CHARS; i++) {
    text = ID_ALPHABET[Number(bits & 31n)]! + text;
    bits >>= 5n;
  }
  return text;
}

export function randomId(prefix: string): string {
  return `${prefix}_${randomBase32()}`;
}

/** What randomBase32() makes, as a regular expression source. */
export const RANDOM_BASE32_PATTERN = `[${ID_ALPHABET}]{${RANDOM_CHARS}}`;
const ID_BODY = new RegExp(`^${RANDOM_BASE32_PATTERN}$`);

/** Whether `id` could be an id with this prefix at all (saves a database round trip for junk). */
export function isRandomId(id: string, prefix: string): boolean {
  return id.startsWith(`${prefix}_`) && ID_BODY.test(id.slice(prefix.length + 1));
}
