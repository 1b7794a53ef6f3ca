/**
 * Failures of the search services a client can act on, each with a stable code the API maps to an
 * HTTP status. Anything else is a bug and surfaces as an internal error.
 */
export type SearchErrorCode =
  | 'OFFER_NOT_FOUND'
  | 'OFFER_REQUEST_NOT_FOUND'
  | 'OFFER_EXPIRED'
  | 'OFFER_UNAVAILABLE'
  | 'INVALID_CURSOR'
  | 'INVALID_SORT'
  | 'UNSUPPORTED_CURRENCY';

export class SearchError extends Error {
  constructor(
    readonly code: SearchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SearchError';
  }
}

export function isSearchError(error: unknown): error is SearchError {
  return error instanceof SearchError;
}
