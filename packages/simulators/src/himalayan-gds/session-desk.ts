import { randomBytes, timingSafeEqual } from 'node:crypto';
import { buildXml, textOf, verifyUsernameToken, type XmlNode } from '@himal/gds/xml';
import { GDS_ERRORS, type GdsError } from './error-catalogue.ts';
import { HIMALAYAN_GDS_NS } from './wsdl.ts';

export interface SimulatorAccount {
  officeId: string;
  username: string;
  password: string;
}

export interface GdsSession {
  id: string;
  token: string;
  /** The last sequence number accepted; the next message must carry this + 1. */
  sequence: number;
  officeId: string;
  lastActiveAt: number;
}

export type SessionResult = { ok: true; session: GdsSession } | { ok: false; error: GdsError };

/** A session unused this long (simulator time) is gone, as on the real system. */
const SESSION_IDLE_MS = 15 * 60_000;
/** WS-Security freshness window, judged on wall-clock time: the client cannot know the simulator's clock. */
const TOKEN_WINDOW_MS = 5 * 60_000;

function child(node: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current && typeof current === 'object' ? (current as XmlNode)[key] : undefined),
    node,
  );
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Authentication and the session header: Security_Authenticate opens a session, every other
 * message must present it with the next sequence number, Security_SignOut closes it.
 */
export class SessionDesk {
  private readonly sessions = new Map<string, GdsSession>();
  /** Nonces seen within the freshness window (replayed tokens are refused). */
  private readonly nonces = new Map<string, number>();
  private opened = 0;

  constructor(private readonly accounts: readonly SimulatorAccount[]) {}

  /** Security_Authenticate: office and user in the body, password as a UsernameToken digest or in passwordInfo. */
  open(body: XmlNode, header: XmlNode, now: number): SessionResult {
    const officeId = textOf(child(body, 'userIdentifier', 'originIdentification', 'sourceOffice'));
    const username = textOf(child(body, 'userIdentifier', 'originator'));
    const account = this.accounts.find((a) => a.officeId === officeId && a.username === username);
    if (!account || !this.passwordMatches(account, body, header)) return { ok: false, error: GDS_ERRORS.authenticationFailed };
    this.opened += 1;
    const session: GdsSession = {
      id: `${this.opened.toString(36).toUpperCase().padStart(8, '0')}HG`,
      token: randomBytes(16).toString('hex'),
      sequence: 1,
      officeId: account.officeId,
      lastActiveAt: now,
    };
    this.sessions.set(session.id, session);
    return { ok: true, session };
  }

  private passwordMatches(account: SimulatorAccount, body: XmlNode, header: XmlNode): boolean {
    const token = child(header, 'Security', 'UsernameToken');
    if (token) {
      const wallClock = Date.now();
      for (const [nonce, seenAt] of this.nonces) if (wallClock - seenAt > TOKEN_WINDOW_MS) this.nonces.delete(nonce);
      const nonce = textOf(child(token, 'Nonce')) ?? '';
      const valid =
        textOf(child(token, 'Username')) === account.username &&
        !this.nonces.has(nonce) &&
        verifyUsernameToken(
          {
            username: account.username,
            digest: textOf(child(token, 'Password')) ?? '',
            nonce,
            created: textOf(child(token, 'Created')) ?? '',
          },
          account.password,
          new Date(wallClock),
          TOKEN_WINDOW_MS,
        );
      if (valid) this.nonces.set(nonce, wallClock);
      return valid;
    }
    const encoded = textOf(child(body, 'passwordInfo', 'binaryData'));
    return encoded !== undefined && sameSecret(Buffer.from(encoded, 'base64').toString('utf8'), account.password);
  }

  /** Any other message: the session must exist, be active and get the next sequence number. `expire` ends it first (the session-expired fault). */
  resume(header: XmlNode, now: number, options: { expire: boolean }): SessionResult {
    const presented = child(header, 'Session');
    const session = this.sessions.get(textOf(child(presented, 'SessionId')) ?? '');
    if (!session || !sameSecret(textOf(child(presented, 'SecurityToken')) ?? '', session.token)) {
      return { ok: false, error: GDS_ERRORS.inactiveConversation };
    }
    if (options.expire || now - session.lastActiveAt > SESSION_IDLE_MS) {
      this.sessions.delete(session.id);
      return { ok: false, error: GDS_ERRORS.inactiveConversation };
    }
    if (textOf(child(presented, 'SequenceNumber')) !== String(session.sequence + 1))
      return { ok: false, error: GDS_ERRORS.sequenceOutOfOrder };
    session.sequence += 1;
    session.lastActiveAt = now;
    return { ok: true, session };
  }

  close(session: GdsSession): void {
    this.sessions.delete(session.id);
  }

  headerXml(session: GdsSession, status: 'InSeries' | 'End'): string {
    return buildXml({
      Session: {
        '@_xmlns': HIMALAYAN_GDS_NS,
        '@_TransactionStatusCode': status,
        SessionId: session.id,
        SequenceNumber: String(session.sequence),
        SecurityToken: session.token,
      },
    });
  }

  stats(): { active: number; opened: number } {
    return { active: this.sessions.size, opened: this.opened };
  }

  reset(): void {
    this.sessions.clear();
    this.nonces.clear();
    this.opened = 0;
  }
}
