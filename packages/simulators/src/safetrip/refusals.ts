/**
 * safetrip's business errors: codes from the OpenTravel Error Codes (ERR) list where one fits, sent
 * as `<Error Type="3" Code=".." ShortText="..">text</Error>` (Type 3 = business rule).
 */
export const SAFETRIP_ERRORS = {
  fullyBooked: { code: '9', shortText: 'Requested service is fully booked' },
  noSuitableCover: { code: '14', shortText: 'No suitable services found' },
  invalidDate: { code: '15', shortText: 'Invalid date' },
  holdLapsed: { code: '16', shortText: 'Service has been cancelled' },
  travellerCount: { code: '20', shortText: 'Number of passengers invalid' },
  overMaxAge: { code: '22', shortText: 'Passengers exceed commercial rules' },
  invalidCurrency: { code: '61', shortText: 'Invalid currency code' },
  tripTooLong: { code: '70', shortText: 'Maximum stay criteria not fulfilled' },
  alreadyCancelled: { code: '95', shortText: 'Booking already cancelled' },
  referenceNotFound: { code: '97', shortText: 'Booking reference not found' },
  statusInvalid: { code: '118', shortText: 'Booking status invalid' },
  /** The ERR list has no code for a changed price; this one is safetrip's own. */
  priceChanged: { code: '189', shortText: 'Price has changed' },
  cannotCancel: { code: '264', shortText: 'Reservation cannot be cancelled' },
  invalidValue: { code: '320', shortText: 'Invalid value' },
  requiredFieldMissing: { code: '321', shortText: 'Required field missing' },
  invalidCancelQuote: { code: '385', shortText: 'Invalid confirmation or cancellation number' },
  unableToProcess: { code: '450', shortText: 'Unable to process' },
} as const;
export type SafetripErrorKind = keyof typeof SAFETRIP_ERRORS;

/** Why safetrip will not do what was asked: an error code, its short text, and a sentence for the agent. */
export interface Refusal {
  code: string;
  shortText: string;
  text: string;
}

export function refusal(kind: SafetripErrorKind, text: string): Refusal {
  return { ...SAFETRIP_ERRORS[kind], text };
}

/** Thrown inside an operation; the operation answers with an Errors element instead of its result. */
export class RefusedError extends Error {
  constructor(readonly refusals: Refusal[]) {
    super(refusals.map((r) => r.text).join('; '));
  }
}

export function refuse(kind: SafetripErrorKind, text: string): never {
  throw new RefusedError([refusal(kind, text)]);
}
