import { randomBytes } from 'node:crypto';

/**
 * Ids are 128 random bits in Crockford base32 behind a prefix that says what they name (`off_…`,
 * `key_…`). They carry nothing else: price, supplier, tenant and rights stay on the server, so an id
 * cannot be altered into anything but an unknown id.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 26; // ceil(128 / 5)
const ID_PATTERN = new RegExp(`^([a-z]+)_[${ALPHABET}]{${RANDOM_CHARS}}$`);

function randomBase32(): string {
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

export function newRandomId(prefix: string): string {
  return `${prefix}_${randomBase32()}`;
}

/** Whether `id` could be an id with this prefix at all (saves a database round trip for junk). */
export function isRandomId(id: string, prefix: string): boolean {
  return ID_PATTERN.exec(id)?.[1] === prefix;
}
