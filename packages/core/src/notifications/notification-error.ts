/**
 * Why a mail was not sent. `retryable` tells the caller (a job queue) whether the same mail may go
 * through later, so a relay that is down is retried and a refused address is not.
 */
export type NotificationErrorCode =
  /** The relay could not be reached, timed out, dropped the connection or answered 4xx. */
  | 'NOTIFICATION_UNAVAILABLE'
  /** The relay refused this mail for good (5xx: unknown recipient, message refused). */
  | 'NOTIFICATION_REJECTED'
  /** The transport is set up wrongly (no relay configured, credentials refused, TLS refused). */
  | 'NOTIFICATION_MISCONFIGURED'
  /** The caller built a mail the platform will not send (a link that is not http(s), a bad timestamp). */
  | 'NOTIFICATION_INPUT_INVALID';

export class NotificationError extends Error {
  constructor(
    readonly code: NotificationErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'NotificationError';
    this.retryable = options.retryable ?? code === 'NOTIFICATION_UNAVAILABLE';
  }

  /** Whether the same mail may be accepted later. */
  readonly retryable: boolean;
}

export function isNotificationError(error: unknown): error is NotificationError {
  return error instanceof NotificationError;
}
