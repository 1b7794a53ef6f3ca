// Rate limits of the public API, shared by every process.
export {
  enforceApiRateLimit,
  platformApiLimits,
  RateLimitedError,
  isRateLimitedError,
  type ApiRequestKind,
} from './enforce-api-rate-limit.ts';
