import { buildXml, type XmlNode } from '@himal/gds/xml';

/**
 * How roomrack answers: `<XResponse xmlns="...v3">` with the content, Notices before it when there
 * is something to say, or Errors alone. Error and notice codes are roomrack's own words.
 */
export const ROOMRACK_NS = 'http://xml.roomrack.example/hotel/v3';

export const ROOMRACK_ERRORS = {
  authInvalidKey: 'AUTH_INVALID_KEY',
  invalidRequest: 'INVALID_REQUEST',
  invalidDates: 'INVALID_DATES',
  invalidRateKey: 'INVALID_RATE_KEY',
  noAllotment: 'NO_ALLOTMENT',
  rateChanged: 'RATE_CHANGED',
  bookingNotFound: 'BOOKING_NOT_FOUND',
  holdExpired: 'HOLD_EXPIRED',
  alreadyCancelled: 'ALREADY_CANCELLED',
  quoteUnknown: 'QUOTE_UNKNOWN',
  quoteExpired: 'QUOTE_EXPIRED',
  systemBusy: 'SYSTEM_BUSY',
} as const;

export interface RoomrackIssue {
  code: string;
  text: string;
}

export class RoomrackRequestError extends Error {
  constructor(readonly issue: RoomrackIssue) {
    super(issue.text);
  }
}

const issueNodes = (issues: RoomrackIssue[], element: string) => ({
  [element]: issues.map((issue) => ({ '@_code': issue.code, '#text': issue.text })),
});

export function roomrackAnswer(
  root: string,
  content: XmlNode,
  options: { attributes?: XmlNode; notices?: RoomrackIssue[] } = {},
): string {
  const notices = options.notices?.length ? { Notices: issueNodes(options.notices, 'Notice') } : {};
  return buildXml({ [root]: { '@_xmlns': ROOMRACK_NS, ...options.attributes, ...notices, ...content } });
}

export function roomrackErrors(root: string, issues: RoomrackIssue[]): string {
  return buildXml({ [root]: { '@_xmlns': ROOMRACK_NS, Errors: issueNodes(issues, 'Error') } });
}
