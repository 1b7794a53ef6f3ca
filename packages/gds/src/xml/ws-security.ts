import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { buildXml } from './safe-xml.ts';

export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
export const PASSWORD_DIGEST_TYPE =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const BASE64_ENCODING = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

/** WS-Security UsernameToken digest: Base64(SHA-1(nonce + created + password)). */
export function passwordDigest(nonce: Buffer, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')]))
    .digest('base64');
}

/** A `wsse:Security` header with a UsernameToken whose password is sent as a digest, never in clear. */
export function usernameTokenHeader(username: string, password: string, now: Date = new Date()): string {
  const nonce = randomBytes(16);
  const created = now.toISOString();
  return buildXml({
    'wsse:Security': {
      '@_xmlns:wsse': WSSE_NS,
      '@_xmlns:wsu': WSU_NS,
      '@_soap:mustUnderstand': '1',
      'wsse:UsernameToken': {
        'wsse:Username': username,
        'wsse:Password': { '@_Type': PASSWORD_DIGEST_TYPE, '#text': passwordDigest(nonce, created, password) },
        'wsse:Nonce': { '@_EncodingType': BASE64_ENCODING, '#text': nonce.toString('base64') },
        'wsu:Created': created,
      },
    },
  });
}

export interface UsernameToken {
  username: string;
  digest: string;
  nonce: string;
  created: string;
}

/**
 * Server side (the simulators): checks a digest against the expected password, with a freshness
 * window on `created`. Nonce replay is the caller's to track.
 */
export function verifyUsernameToken(
  token: UsernameToken,
  password: string,
  now: Date = new Date(),
  maxAgeMs = 5 * 60_000,
): boolean {
  const created = Date.parse(token.created);
  if (!Number.isFinite(created) || Math.abs(now.getTime() - created) > maxAgeMs) return false;
  const expected = Buffer.from(passwordDigest(Buffer.from(token.nonce, 'base64'), token.created, password));
  const actual = Buffer.from(token.digest);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
