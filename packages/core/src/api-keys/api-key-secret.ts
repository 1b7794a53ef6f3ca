import { createHash, randomBytes } from 'node:crypto';

/**
 * The key a client presents: `hk_` and 256 random bits (base64url). Only its SHA-256 is stored: the
 * key has full entropy, so a fast hash is as good as a slow one against a leaked table, and a
 * lookup by hash needs no constant-time comparison (the timing of an index lookup on a digest says
 * nothing about the key). The prefix kept beside it tells keys apart in lists.
 */
export const API_KEY_PREFIX = 'hk_';
const KEY_PATTERN = /^hk_[A-Za-z0-9_-]{43}$/;
const SHOWN_CHARACTERS = 11;

export function newApiKeySecret(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, SHOWN_CHARACTERS), hash: apiKeyHash(key) };
}

export function isWellFormedApiKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
