import { randomUUID } from 'node:crypto';
import type { XmlNode } from '../../xml/safe-xml.ts';

/** What every request staylink receives carries: the OTA payload attributes and the POS. */
export const OTA_NS = 'http://www.opentravel.org/OTA/2003/05';
export const OTA_VERSION = '6.000';

export function payloadAttributes(now: Date = new Date()): XmlNode {
  return {
    '@_xmlns': OTA_NS,
    '@_EchoToken': randomUUID(),
    '@_TimeStamp': now.toISOString(),
    '@_Target': 'Production',
    '@_Version': OTA_VERSION,
    '@_PrimaryLangID': 'en',
  };
}

/** POS/Source/RequestorID: the agency as staylink knows it (UIT 5, travel agency). */
export function pointOfSale(requestorId: string | undefined): XmlNode {
  return requestorId ? { POS: { Source: { RequestorID: { '@_Type': '5', '@_ID': requestorId } } } } : {};
}

/** One OTA GuestCount per kind: adults (AQC 10) together, each child (AQC 8) with its age. */
export function guestCounts(room: { adults: number; childAges: number[] }): XmlNode {
  return {
    GuestCount: [
      { '@_AgeQualifyingCode': '10', '@_Count': String(room.adults) },
      ...room.childAges.map((age) => ({ '@_AgeQualifyingCode': '8', '@_Age': String(age), '@_Count': '1' })),
    ],
  };
}
