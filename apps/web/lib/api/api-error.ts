/** One problem with one field of a request: `path` like "slices[0].departure_date". */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * An error the API answers with: HTTP status, a stable code clients branch on, a message people
 * read, and field-level problems for bad input.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    /** Headers the answer carries (Allow, Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
