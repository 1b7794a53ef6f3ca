import { randomUUID } from 'node:crypto';
import { buildXml, type XmlNode } from '../../xml/safe-xml.ts';

export const OTA_NS = 'http://www.opentravel.org/OTA/2003/05';
const OTA_VERSION = '1.000';

/** OpenTravel Unique ID Type (UIT) codes skyways uses. */
export const UIT = { travelAgency: '5', reservation: '14', cancellation: '15' } as const;

export interface RequestIdentity {
  /** The account's user name; it identifies the agency at skyways (POS/Source/RequestorID). */
  requestorId: string;
  /** The currency prices are asked in, when the message asks for prices. */
  currency?: string;
  now?: Date;
}

/**
 * One OpenTravel request element: the payload attributes every OTA message carries, the point of
 * sale, then the message's own content (in schema order, as the caller gives it).
 */
export function otaRequest(
  root: string,
  identity: RequestIdentity,
  content: XmlNode,
  attributes: Record<string, string> = {},
): string {
  const now = identity.now ?? new Date();
  return buildXml({
    [root]: {
      '@_xmlns': OTA_NS,
      '@_EchoToken': randomUUID(),
      '@_TimeStamp': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      '@_Target': 'Production',
      '@_Version': OTA_VERSION,
      ...Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`@_${name}`, value])),
      POS: {
        Source: {
          ...(identity.currency ? { '@_ISOCurrency': identity.currency } : {}),
          RequestorID: { '@_Type': UIT.travelAgency, '@_ID': identity.requestorId.slice(0, 32) },
        },
      },
      ...content,
    },
  });
}
