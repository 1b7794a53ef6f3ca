/** One problem with one field of a request: `path` like "slices[0].departure_date". */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * An error the API answers with: HTTP status, a stable code clients branch on, a message people
 * read, field-level problems for bad input, and what else a client needs to act (`new_total` of a
 * changed price), given beside the code in the error body.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    /** Headers the answer carries (Allow, Retry-After). */
    readonly headers?: Record<string, string>,
    /** Further members of the error body, in wire names (never code, message, request_id or fields). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
