/**
 * The GDS's published application error codes. Errors (EC) replace the answer; warnings (WEC)
 * come beside it. Always in the body as `errorMessage`, never as SOAP faults.
 */
export interface GdsError {
  code: string;
  text: string;
}

export const GDS_ERRORS = {
  authenticationFailed: { code: '16001', text: 'SECURITY - AUTHENTICATION FAILED' },
  sequenceOutOfOrder: { code: '93', text: 'SESSION - SEQUENCE NUMBER OUT OF ORDER' },
  inactiveConversation: { code: '95', text: 'SESSION - INACTIVE CONVERSATION' },
  formatError: { code: '477', text: 'FORMAT ERROR' },
  systemUnable: { code: '118', text: 'SYSTEM UNABLE TO PROCESS' },
  flightNotOperating: { code: '401', text: 'FLIGHT NOT OPERATING ON REQUESTED DATE' },
  noItinerary: { code: '931', text: 'NO ITINERARY FOUND FOR REQUESTED SEGMENT' },
  noFare: { code: '866', text: 'NO FARE FOUND FOR REQUESTED ITINERARY' },
  unableToSatisfy: { code: '288', text: 'UNABLE TO SATISFY - NOT ENOUGH SEATS' },
  priceDiscrepancy: { code: '3079', text: 'PRICE DISCREPANCY' },
  timeLimitExpired: { code: '1931', text: 'TICKETING TIME LIMIT EXPIRED - SEGMENTS CANCELLED' },
  recordNotFound: { code: '1257', text: 'NO MATCH FOR RECORD LOCATOR' },
  securedPnr: { code: '284', text: 'SECURED PNR' },
  alreadyTicketed: { code: '1208', text: 'PNR ALREADY TICKETED' },
  pnrCancelled: { code: '1204', text: 'PNR CANCELLED' },
  refundQuoteExpired: { code: '4011', text: 'REFUND QUOTE EXPIRED - REQUOTE' },
  refundQuoteNotFound: { code: '4012', text: 'REFUND QUOTE NOT FOUND' },
} satisfies Record<string, GdsError>;

export const GDS_WARNINGS = {
  mountainWeather: { code: '1899', text: 'MOUNTAIN SECTOR - OPERATION SUBJECT TO WEATHER' },
  partialResults: { code: '3020', text: 'PARTIAL RESULTS - SOME CARRIERS DID NOT RESPOND' },
  currencyNotSupported: { code: '3011', text: 'CURRENCY NOT SUPPORTED - AMOUNTS IN NPR' },
} satisfies Record<string, GdsError>;

/** An error with details appended to its standard text (e.g. which segment, the new price). */
export function withDetail(error: GdsError, detail: string): GdsError {
  return { code: error.code, text: `${error.text} - ${detail}`.slice(0, 199) };
}

/** Thrown by an operation to answer with an error instead of a result. */
export class GdsErrorReply extends Error {
  constructor(readonly error: GdsError) {
    super(error.text);
  }
}
