/** Errors of authentication carry a stable code that callers (CLI, API) map to messages and statuses. */
export type AuthErrorCode = 'INVALID_INPUT';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthError';
  }
}
