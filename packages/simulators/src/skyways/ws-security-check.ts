import { attributeOf, childOf, childText, PASSWORD_DIGEST_TYPE, pathOf, verifyUsernameToken, type XmlNode } from '@himal/gds/xml';

/** A SOAP 1.1 fault as node-soap sends it when a service throws `{ Fault }`. */
export interface SoapFaultThrow {
  Fault: { faultcode: string; faultstring: string; statusCode: number };
}

export function soapFault(faultcode: string, faultstring: string): SoapFaultThrow {
  return { Fault: { faultcode, faultstring, statusCode: 500 } };
}

const TOKEN_MAX_AGE_MS = 5 * 60_000;

/**
 * Skyways' WS-Security policy: a UsernameToken with a PasswordDigest, created within five minutes
 * of the server's wall clock (not the simulated business clock tests move), nonce never reused.
 * Faults use the WS-Security fault codes (wsse:InvalidSecurity, wsse:FailedAuthentication).
 */
export class UsernameTokenPolicy {
  private readonly seenNonces = new Map<string, number>();

  constructor(private readonly accounts: Record<string, string>) {}

  check(header: XmlNode | undefined): SoapFaultThrow | undefined {
    const token = pathOf(header, 'Security', 'UsernameToken');
    const username = childText(token, 'Username');
    const digest = childText(token, 'Password');
    const nonce = childText(token, 'Nonce');
    const created = childText(token, 'Created');
    if (!username || !digest || !nonce || !created) {
      return soapFault(
        'wsse:InvalidSecurity',
        'An error was discovered processing the <wsse:Security> header: UsernameToken required',
      );
    }
    if (attributeOf(childOf(token, 'Password'), 'Type') !== PASSWORD_DIGEST_TYPE) {
      return soapFault('wsse:InvalidSecurity', 'Skyways accepts password digests only');
    }
    const now = Date.now();
    this.forgetOldNonces(now);
    const secret = this.accounts[username];
    const replayed = this.seenNonces.has(`${username}:${nonce}`);
    if (
      !secret ||
      replayed ||
      !verifyUsernameToken({ username, digest, nonce, created }, secret, new Date(now), TOKEN_MAX_AGE_MS)
    ) {
      return soapFault('wsse:FailedAuthentication', 'The security token could not be authenticated or authorized');
    }
    this.seenNonces.set(`${username}:${nonce}`, now + 2 * TOKEN_MAX_AGE_MS);
    return undefined;
  }

  reset(): void {
    this.seenNonces.clear();
  }

  private forgetOldNonces(now: number): void {
    for (const [key, expires] of this.seenNonces) if (expires < now) this.seenNonces.delete(key);
  }
}
