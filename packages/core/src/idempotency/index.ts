// Idempotency keys of mutating API calls: the first answer to a key is the answer to every retry.
export {
  runIdempotently,
  IDEMPOTENCY_LEASE_MS,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  type IdempotentAnswer,
  type IdempotentOutcome,
  type IdempotentRequest,
  type RunIdempotentlyOptions,
} from './run-idempotently.ts';
export { fingerprintRequest } from './fingerprint-request.ts';
export { purgeIdempotencyKeys, IDEMPOTENCY_KEY_RETENTION_MS } from './purge-idempotency-keys.ts';
