import { buildXml, type XmlNode } from '@himal/gds/xml';

/** The OpenTravel 2003/05 root every skyways message sits in, and its Errors/Warnings conventions. */
export const OTA_NS = 'http://www.opentravel.org/OTA/2003/05';
export const OTA_VERSION = '1.000';

/** OpenTravel Error Warning Type (EWT) codes skyways uses. */
export const EWT = {
  unknown: '1',
  businessRule: '3',
  requiredFieldMissing: '10',
  advisory: '11',
  processingException: '12',
} as const;

export interface OtaNotice {
  type: string;
  code: string;
  shortText: string;
  text?: string;
}

/**
 * Skyways' documented error codes: OpenTravel ERR codes where the list has one, skyways' own
 * three-letter codes otherwise.
 */
export const SKYWAYS_ERRORS = {
  invalidDate: { type: EWT.businessRule, code: '15', shortText: 'Invalid date' },
  requiredFieldMissing: { type: EWT.requiredFieldMissing, code: '321', shortText: 'Required field missing' },
  noAvailability: { type: EWT.businessRule, code: '322', shortText: 'No availability' },
  bookingNotFound: { type: EWT.businessRule, code: '245', shortText: 'Invalid confirmation number' },
  alreadyCancelled: { type: EWT.businessRule, code: '95', shortText: 'Booking already cancelled' },
  unableToProcess: { type: EWT.processingException, code: '450', shortText: 'Unable to process' },
  flightNotFound: { type: EWT.businessRule, code: 'FNF', shortText: 'Flight not operated' },
  currencyNotSold: { type: EWT.businessRule, code: 'CUR', shortText: 'Currency not sold' },
  fareChanged: { type: EWT.businessRule, code: 'FCH', shortText: 'Fare changed' },
  holdExpired: { type: EWT.businessRule, code: 'TTL', shortText: 'Ticket time limit passed' },
  cancelQuoteInvalid: { type: EWT.businessRule, code: 'CQX', shortText: 'Cancellation quote expired or unknown' },
  partyMismatch: { type: EWT.businessRule, code: 'PAX', shortText: 'Travellers do not match the party' },
} satisfies Record<string, Omit<OtaNotice, 'text'>>;

/** A request skyways refuses with an OTA Errors answer. */
export class OtaRequestError extends Error {
  constructor(readonly notice: OtaNotice) {
    super(notice.text ?? notice.shortText);
  }
}

export function refuse(error: Omit<OtaNotice, 'text'>, text?: string): never {
  throw new OtaRequestError({ ...error, text });
}

function noticeNode(notice: OtaNotice): XmlNode {
  return {
    '@_Type': notice.type,
    '@_Code': notice.code,
    '@_ShortText': notice.shortText.slice(0, 64),
    ...(notice.text ? { '#text': notice.text } : {}),
  };
}

export interface RootOptions {
  echoToken?: string;
  now: Date;
  /** Extra root attributes (CancelRS needs Status). */
  attributes?: Record<string, string>;
}

function rootAttributes(options: RootOptions): XmlNode {
  return {
    '@_xmlns': OTA_NS,
    ...(options.echoToken ? { '@_EchoToken': options.echoToken } : {}),
    '@_TimeStamp': options.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    '@_Target': 'Production',
    '@_Version': OTA_VERSION,
    ...Object.fromEntries(Object.entries(options.attributes ?? {}).map(([name, value]) => [`@_${name}`, value])),
  };
}

/** A successful answer: Success, then Warnings when there are any, then the message's own content. */
export function successMessage(root: string, options: RootOptions, content: XmlNode, warnings: OtaNotice[] = []): string {
  return buildXml({
    [root]: {
      ...rootAttributes(options),
      Success: '',
      ...(warnings.length ? { Warnings: { Warning: warnings.map(noticeNode) } } : {}),
      ...content,
    },
  });
}

export function errorMessage(root: string, options: RootOptions, errors: OtaNotice[]): string {
  return buildXml({ [root]: { ...rootAttributes(options), Errors: { Error: errors.map(noticeNode) } } });
}
