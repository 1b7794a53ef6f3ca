/**
 * Failures of the search services a client can act on, each with a stable code the API maps to an
 * HTTP status. Anything else is a bug and surfaces as an internal error.
 */
export type SearchErrorCode =
  /** The request breaks a rule of its product (see `fields`); nothing was asked or written. */
  | 'INVALID_REQUEST'
  | 'OFFER_NOT_FOUND'
  | 'OFFER_REQUEST_NOT_FOUND'
  | 'OFFER_EXPIRED'
  | 'OFFER_UNAVAILABLE'
  | 'INVALID_CURSOR'
  | 'INVALID_SORT'
  | 'UNSUPPORTED_CURRENCY'
  /** The process is at its bounded admission for supplier work; nothing was asked or written. */
  | 'SEARCH_OVERLOADED';

export interface RequestFieldError {
  path: PropertyKey[];
  message: string;
}

export class SearchError extends Error {
  /** When set, how long the client should wait before it tries again. */
  readonly retryAfterSeconds?: number;
  /** For INVALID_REQUEST: each field of the request (its path in the product's request) and what is wrong with it. */
  readonly fields?: RequestFieldError[];

  constructor(
    readonly code: SearchErrorCode,
    message: string,
    options: { retryAfterSeconds?: number; fields?: RequestFieldError[] } = {},
  ) {
    super(message);
    this.name = 'SearchError';
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fields = options.fields;
  }
}

export function isSearchError(error: unknown): error is SearchError {
  return error instanceof SearchError;
}
