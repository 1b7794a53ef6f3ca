// The booking domain's surface. Apps call these services; data access stays inside them.
export * from './search/index.ts';
export * from './rate-limits/index.ts';
export { eventLoopDelayMs } from './runtime/event-loop-delay.ts';
export * from './payments/index.ts';
export * from './orders/index.ts';
export * from './notifications/index.ts';
export * from './departures/index.ts';
export * from './idempotency/index.ts';
export * from './api-keys/index.ts';
