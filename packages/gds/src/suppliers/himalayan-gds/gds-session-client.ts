import { SupplierError } from '../../errors.ts';
import type { CallContext, SupplierConnection } from '../../products/common.ts';
import { callSoap, DEFAULT_SUPPLIER_TIMEOUT_MS } from '../../transport/soap-transport.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { usernameTokenHeader } from '../../xml/ws-security.ts';
import { connectionKey, gdsCredentials, type GdsCredentials } from './credentials.ts';
import { replyElementOf, soapActionOf, type GdsOperationName } from './dialect.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';
import { badReply, gdsError, readGdsMessages, type GdsMessage } from './gds-errors.ts';
import { authenticateRequest, readSessionHeader, sessionHeader, signOutRequest, type GdsSession } from './security-messages.ts';
import { DEFAULT_SESSION_POOL, SessionPool, type SessionPoolOptions } from './session-pool.ts';

export interface GdsReply {
  /** The reply element (e.g. Fare_MasterPricerTravelBoardSearchReply). */
  reply: XmlNode;
  /** WEC warnings that came with it. */
  warnings: GdsMessage[];
}

/** Sends one message of a conversation; errors in the reply body are thrown as SupplierErrors. */
export type SendMessage = (operation: GdsOperationName, bodyXml: string, arrays: readonly string[]) => Promise<GdsReply>;

/** One platform operation's calls: whom for, under which label, until when. */
interface Conversation {
  connection: SupplierConnection;
  label: string;
  tenantId?: string;
  signal?: AbortSignal;
  deadline: number;
}

function remainingMs(conversation: Conversation): number {
  const remaining = conversation.deadline - Date.now();
  if (remaining <= 0) {
    throw new SupplierError('SUPPLIER_TIMEOUT', `${HIMALAYAN_GDS_SUPPLIER_ID} ran out of time for ${conversation.label}`, {
      supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
      operation: conversation.label,
    });
  }
  return remaining;
}

/**
 * Conversations with the GDS over pooled sessions.
 *
 * Sessions are pooled per connection rather than opened and signed out around every operation:
 * Security_Authenticate costs a full round trip, so open-use-close would make every search three
 * round trips and every fan-out search slower than the supplier itself. A session carries one
 * message at a time (its sequence numbers are a strict series), so concurrent operations each take
 * their own session and give it back when done. The sequence number is taken from each reply's
 * Session header; a message whose outcome is unknown (timeout, transport failure, SOAP fault)
 * costs its session, which is dropped rather than risk an out-of-order number. When the GDS says
 * the session has expired, the message is sent again once on a fresh session: the GDS refuses such
 * a message before acting on it, so resending cannot book or ticket twice.
 */
export class GdsSessionClient {
  private readonly pool: SessionPool;
  private readonly connections = new Map<string, SupplierConnection>();

  constructor(options: Partial<SessionPoolOptions> = {}) {
    this.pool = new SessionPool({ ...DEFAULT_SESSION_POOL, ...options });
  }

  async converse<T>(
    connection: SupplierConnection,
    label: string,
    context: CallContext | undefined,
    work: (send: SendMessage) => Promise<T>,
  ): Promise<T> {
    const credentials = gdsCredentials(connection);
    const key = connectionKey(connection, credentials);
    this.connections.set(key, connection);
    const conversation: Conversation = {
      connection,
      label,
      tenantId: context?.tenantId,
      signal: context?.signal,
      deadline: Date.now() + (context?.timeoutMs ?? DEFAULT_SUPPLIER_TIMEOUT_MS),
    };
    let session = this.pool.take(key);

    const send: SendMessage = async (operation, bodyXml, arrays) => {
      for (let attempt = 1; ; attempt += 1) {
        const current = session ?? (await this.authenticate(conversation, credentials));
        // Until the reply says where the session stands, it belongs to this message only.
        session = undefined;
        const { reply, errors, warnings, next } = await this.exchange(conversation, current, operation, bodyXml, arrays);
        session = next;
        const error = errors[0] && gdsError(conversation.label, errors[0]);
        if (error?.code === 'SUPPLIER_SESSION_EXPIRED' && attempt === 1) continue;
        if (error) throw error;
        return { reply, warnings };
      }
    };

    try {
      return await work(send);
    } finally {
      const overflow = session && this.pool.give(key, session);
      if (overflow) void this.signOut(connection, overflow);
    }
  }

  /** Signs out every idle session (shutdown, tests); sessions in use are given back as usual. */
  async close(): Promise<void> {
    await Promise.all(
      this.pool.drain().flatMap(({ key, sessions }) => {
        const connection = this.connections.get(key);
        return connection ? sessions.map((session) => this.signOut(connection, session)) : [];
      }),
    );
  }

  idleSessions(connection: SupplierConnection): number {
    return this.pool.size(connectionKey(connection, gdsCredentials(connection)));
  }

  private async authenticate(conversation: Conversation, credentials: GdsCredentials): Promise<GdsSession> {
    const { header, body } = await callSoap({
      supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
      operation: 'session.authenticate',
      endpoint: conversation.connection.endpoint,
      soapAction: soapActionOf('Security_Authenticate'),
      bodyXml: authenticateRequest(credentials),
      headerXml: usernameTokenHeader(credentials.username, credentials.password),
      arrays: ['errorMessage'],
      timeoutMs: remainingMs(conversation),
      tenantId: conversation.tenantId,
      signal: conversation.signal,
    });
    const reply = body[replyElementOf('Security_Authenticate')];
    if (!reply || typeof reply !== 'object') throw badReply('session.authenticate', 'no Security_AuthenticateReply');
    const [error] = readGdsMessages(reply as XmlNode).errors;
    if (error) throw gdsError('session.authenticate', error);
    const session = readSessionHeader(header);
    if (!session) throw badReply('session.authenticate', 'no Session header');
    return { sessionId: session.sessionId, securityToken: session.securityToken, sequenceNumber: session.sequenceNumber };
  }

  private async exchange(
    conversation: Conversation,
    session: GdsSession,
    operation: GdsOperationName,
    bodyXml: string,
    arrays: readonly string[],
  ) {
    const { header, body } = await callSoap({
      supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
      operation: conversation.label,
      endpoint: conversation.connection.endpoint,
      soapAction: soapActionOf(operation),
      bodyXml,
      headerXml: sessionHeader(session),
      arrays: ['errorMessage', ...arrays],
      timeoutMs: remainingMs(conversation),
      tenantId: conversation.tenantId,
      signal: conversation.signal,
    });
    const returned = readSessionHeader(header);
    const next =
      returned && returned.sessionId === session.sessionId && returned.status !== 'End'
        ? { ...session, sequenceNumber: returned.sequenceNumber }
        : undefined;
    const reply = body[replyElementOf(operation)];
    if (!reply || typeof reply !== 'object') throw badReply(conversation.label, `no ${replyElementOf(operation)}`);
    let messages: ReturnType<typeof readGdsMessages>;
    try {
      messages = readGdsMessages(reply as XmlNode);
    } catch (error) {
      throw badReply(conversation.label, 'unreadable errorMessage', error);
    }
    return { reply: reply as XmlNode, ...messages, next };
  }

  private async signOut(connection: SupplierConnection, session: GdsSession): Promise<void> {
    try {
      await callSoap({
        supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
        operation: 'session.sign-out',
        endpoint: connection.endpoint,
        soapAction: soapActionOf('Security_SignOut'),
        bodyXml: signOutRequest(),
        headerXml: sessionHeader(session, 'End'),
        timeoutMs: 2_000,
      });
    } catch {
      // A session that cannot be signed out ends on its own at the GDS when idle; nothing to undo.
    }
  }
}
