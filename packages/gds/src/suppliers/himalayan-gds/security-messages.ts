import { z } from 'zod';
import { buildXml, type XmlNode } from '../../xml/safe-xml.ts';
import type { GdsCredentials } from './credentials.ts';
import { HIMALAYAN_GDS_NS } from './dialect.ts';

/** A session as the GDS handed it out, and the last sequence number it accepted. */
export interface GdsSession {
  sessionId: string;
  securityToken: string;
  sequenceNumber: number;
}

/**
 * Security_Authenticate names the office and the user; the password goes as a WS-Security
 * UsernameToken digest in the header (usernameTokenHeader), never in clear.
 */
export function authenticateRequest(credentials: GdsCredentials): string {
  return buildXml({
    Security_Authenticate: {
      '@_xmlns': HIMALAYAN_GDS_NS,
      userIdentifier: {
        originIdentification: { sourceOffice: credentials.officeId },
        originatorTypeCode: 'U',
        originator: credentials.username,
      },
      dutyCode: { dutyCodeDetails: { referenceQualifier: 'DUT', referenceIdentifier: 'SU' } },
    },
  });
}

export function signOutRequest(): string {
  return `<Security_SignOut xmlns="${HIMALAYAN_GDS_NS}"/>`;
}

/** The Session header of the next message: the session's sequence number plus one. */
export function sessionHeader(session: GdsSession, status: 'InSeries' | 'End' = 'InSeries'): string {
  return buildXml({
    Session: {
      '@_xmlns': HIMALAYAN_GDS_NS,
      '@_TransactionStatusCode': status,
      SessionId: session.sessionId,
      SequenceNumber: String(session.sequenceNumber + 1),
      SecurityToken: session.securityToken,
    },
  });
}

const sessionHeaderSchema = z.object({
  SessionId: z.string().min(1),
  SequenceNumber: z.string().regex(/^\d+$/),
  SecurityToken: z.string().min(1),
  '@_TransactionStatusCode': z.enum(['Start', 'InSeries', 'End']),
});

/** The Session header of a reply; undefined when the GDS sent none (the session is gone). */
export function readSessionHeader(header: XmlNode): (GdsSession & { status: 'Start' | 'InSeries' | 'End' }) | undefined {
  const parsed = sessionHeaderSchema.safeParse(header.Session);
  if (!parsed.success) return undefined;
  return {
    sessionId: parsed.data.SessionId,
    securityToken: parsed.data.SecurityToken,
    sequenceNumber: Number(parsed.data.SequenceNumber),
    status: parsed.data['@_TransactionStatusCode'],
  };
}
