import { buildXml, type XmlNode } from '@himal/gds/xml';

/**
 * How staylink writes its OpenTravel answers: the payload attributes every OTA message carries
 * (echoing the request's EchoToken), Success with optional Warnings, or Errors alone.
 */
export const OTA_NS = 'http://www.opentravel.org/OTA/2003/05';
export const OTA_VERSION = '6.000';

/** OpenTravel Error Warning Type (EWT) codes staylink uses. */
export const EWT = { bizRule: '3', requiredFieldMissing: '10', advisory: '11', processingException: '12' } as const;

/** OpenTravel Error (ERR) codes staylink uses. */
export const ERR = {
  invalidDate: '15',
  bookingAlreadyCancelled: '95',
  bookingReferenceNotFound: '97',
  bookingStatusInvalid: '118',
  cancellationProcessFailed: '193',
  requiredFieldMissing: '321',
  invalidCheckIn: '381',
  invalidCheckOut: '382',
  invalidPropertyCode: '400',
  noRoomsAvailable: '427',
  requestedRateNotAvailable: '438',
  unableToProcess: '450',
  roomOrRateNotFound: '783',
} as const;

export interface OtaIssue {
  type: string;
  code?: string;
  shortText: string;
  text?: string;
}

export interface OtaReplyContext {
  echoToken?: string;
  now: Date;
  /** Warnings to send beside a successful answer. */
  warnings?: OtaIssue[];
}

function payloadAttributes(context: OtaReplyContext): XmlNode {
  return {
    '@_xmlns': OTA_NS,
    ...(context.echoToken ? { '@_EchoToken': context.echoToken } : {}),
    '@_TimeStamp': context.now.toISOString(),
    '@_Target': 'Production',
    '@_Version': OTA_VERSION,
    '@_PrimaryLangID': 'en',
  };
}

function issueNode(issue: OtaIssue): XmlNode {
  return {
    '@_Type': issue.type,
    ...(issue.code ? { '@_Code': issue.code } : {}),
    '@_ShortText': issue.shortText,
    '#text': issue.text ?? issue.shortText,
  };
}

/** `<Root ...><Success/><Warnings/>...content</Root>`; `attributes` go after the payload ones. */
export function otaSuccess(root: string, context: OtaReplyContext, content: XmlNode, attributes: XmlNode = {}): string {
  const warnings = context.warnings?.length ? { Warnings: { Warning: context.warnings.map(issueNode) } } : {};
  return buildXml({ [root]: { ...payloadAttributes(context), ...attributes, Success: '', ...warnings, ...content } });
}

export function otaErrors(root: string, context: OtaReplyContext, errors: OtaIssue[], attributes: XmlNode = {}): string {
  return buildXml({ [root]: { ...payloadAttributes(context), ...attributes, Errors: { Error: errors.map(issueNode) } } });
}

/** A request staylink cannot process: answered in the dialect, as OTA Errors. */
export class OtaRequestError extends Error {
  constructor(readonly issue: OtaIssue) {
    super(issue.text ?? issue.shortText);
  }
}
