import { PaymentError } from '../payment-errors.ts';

/**
 * How the platform reaches Stripe. `apiUrl` points the SDK elsewhere than api.stripe.com (the local
 * Stripe server, http://127.0.0.1:4110); unset, the SDK talks to the real Stripe. The secrets are
 * kept as non-enumerable properties, so logging or serializing a config never shows them.
 */
export interface StripeConfig {
  secretKey: string;
  /** The webhook endpoint's signing secret (whsec_…), for readStripeWebhook. */
  webhookSecret?: string;
  apiUrl?: string;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** The SDK's own retries of connection failures, 409s and 5xx, with the same idempotency key (default 1). */
  maxNetworkRetries?: number;
}

type Env = Record<string, string | undefined>;

function withHiddenSecrets(config: StripeConfig): StripeConfig {
  const hidden = { ...config } as StripeConfig;
  for (const name of ['secretKey', 'webhookSecret'] as const)
    if (config[name] !== undefined) Object.defineProperty(hidden, name, { value: config[name], enumerable: false });
  return hidden;
}

/**
 * STRIPE_SECRET_KEY (required: sk_… or a restricted rk_…), STRIPE_WEBHOOK_SECRET (whsec_…),
 * STRIPE_API_URL (optional). Errors name the variable, never its value.
 */
export function stripeConfigFromEnv(env: Env = process.env): StripeConfig {
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  if (!secretKey) throw new PaymentError('PAYMENT_METHOD_UNAVAILABLE', 'Stripe is not configured: STRIPE_SECRET_KEY is not set');
  if (!/^(sk|rk)_(test|live)_\S+$/.test(secretKey))
    throw new PaymentError(
      'PAYMENT_METHOD_UNAVAILABLE',
      'STRIPE_SECRET_KEY is not a Stripe secret key (sk_test_…, sk_live_… or rk_…)',
    );
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim() || undefined;
  if (webhookSecret && !webhookSecret.startsWith('whsec_'))
    throw new PaymentError('PAYMENT_METHOD_UNAVAILABLE', 'STRIPE_WEBHOOK_SECRET is not a webhook signing secret (whsec_…)');
  const apiUrl = env.STRIPE_API_URL?.trim() || undefined;
  if (apiUrl) parseStripeApiUrl(apiUrl);
  return withHiddenSecrets({ secretKey, webhookSecret, apiUrl });
}

/** STRIPE_API_URL as the SDK's host, port and protocol. */
export function parseStripeApiUrl(apiUrl: string): { host: string; port: number; protocol: 'http' | 'https' } {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new PaymentError('PAYMENT_METHOD_UNAVAILABLE', 'STRIPE_API_URL is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PaymentError('PAYMENT_METHOD_UNAVAILABLE', 'STRIPE_API_URL must be an http:// or https:// URL');
  if (url.pathname !== '/' || url.search || url.username)
    throw new PaymentError('PAYMENT_METHOD_UNAVAILABLE', 'STRIPE_API_URL names a server only (scheme, host, port)');
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}
