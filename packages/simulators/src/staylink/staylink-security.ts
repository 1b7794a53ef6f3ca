import { attributeOf, childText, pathOf, verifyUsernameToken, type XmlNode } from '@himal/gds/xml';

/**
 * staylink's door: a WS-Security UsernameToken with a password digest, fresh (five minutes) and
 * never replayed. Failures are SOAP faults with the WS-Security fault codes, as the spec has it.
 */
const FRESHNESS_MS = 5 * 60_000;

export type TokenCheck = 'ok' | 'failed' | 'expired';

export class UsernameTokenGate {
  /** Nonces seen within the freshness window, with when they may be forgotten. */
  private seenNonces = new Map<string, number>();

  constructor(private readonly credentials: { username: string; password: string }) {}

  /**
   * Checked against real time, not the simulator's clock: tests move that clock to expire holds,
   * while the client's token is stamped with the time it was really sent.
   */
  check(header: XmlNode, now = new Date()): TokenCheck {
    const token = pathOf(header, 'Security', 'UsernameToken');
    const username = childText(token, 'Username');
    const password = pathOf(token, 'Password');
    const digest = childText(token, 'Password');
    const nonce = childText(token, 'Nonce');
    const created = childText(token, 'Created');
    if (!token || !username || !digest || !nonce || !created) return 'failed';
    if (!attributeOf(password, 'Type')?.endsWith('#PasswordDigest')) return 'failed';
    const createdAt = Date.parse(created);
    if (!Number.isFinite(createdAt) || Math.abs(now.getTime() - createdAt) > FRESHNESS_MS) return 'expired';
    if (username !== this.credentials.username) return 'failed';
    if (!verifyUsernameToken({ username, digest, nonce, created }, this.credentials.password, now, FRESHNESS_MS)) return 'failed';
    this.forgetOldNonces(now.getTime());
    if (this.seenNonces.has(nonce)) return 'failed';
    this.seenNonces.set(nonce, createdAt + FRESHNESS_MS);
    return 'ok';
  }

  reset(): void {
    this.seenNonces = new Map();
  }

  private forgetOldNonces(now: number): void {
    for (const [nonce, forgetAt] of this.seenNonces) if (forgetAt < now) this.seenNonces.delete(nonce);
  }
}
