/** Errors of the data layer carry a stable code that callers (CLI, API) map to messages and statuses. */
export type DbErrorCode =
  | 'INVALID_SLUG'
  | 'RESERVED_SLUG'
  | 'TENANT_EXISTS'
  | 'TENANT_NOT_FOUND'
  | 'INVALID_INPUT'
  | 'MIGRATION_CHECKSUM_MISMATCH'
  | 'MIGRATION_UNKNOWN'
  | 'MIGRATION_FAILED'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_SETTINGS_FAILED';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbError';
  }
}
