import Stripe from 'stripe';
import { parseStripeApiUrl, type StripeConfig } from './stripe-config.ts';

/**
 * The SDK client: pointed at STRIPE_API_URL when set, a timeout per request, few retries (each with
 * the same idempotency key, so a retried POST is applied once) and no telemetry headers.
 */
export const DEFAULT_STRIPE_TIMEOUT_MS = 10_000;
export const DEFAULT_STRIPE_NETWORK_RETRIES = 1;

export function createStripeClient(config: StripeConfig): Stripe {
  return new Stripe(config.secretKey, {
    ...(config.apiUrl ? parseStripeApiUrl(config.apiUrl) : {}),
    timeout: config.timeoutMs ?? DEFAULT_STRIPE_TIMEOUT_MS,
    maxNetworkRetries: config.maxNetworkRetries ?? DEFAULT_STRIPE_NETWORK_RETRIES,
    telemetry: false,
    appInfo: { name: 'himal' },
  });
}
