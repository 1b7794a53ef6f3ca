import { LOCAL_STRIPE_SECRET_KEY } from './stripe-server.ts';

/**
 * For the server's own tests: Stripe API calls as raw HTTP (form-encoded, Bearer key, optional
 * Idempotency-Key), so tests see statuses and headers exactly as the wire carries them.
 */
export interface RawAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: { type: string; code?: string; message: string; param?: string } };
}

export function formOf(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export async function stripeCall(
  serverUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: {
    params?: Record<string, string | number>;
    body?: string;
    key?: string;
    idempotencyKey?: string;
    apiKey?: string | null;
  } = {},
): Promise<RawAnswer> {
  const body = options.body ?? (options.params ? formOf(options.params) : '');
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.apiKey !== null) headers.authorization = `Bearer ${options.apiKey ?? LOCAL_STRIPE_SECRET_KEY}`;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  const url = method === 'GET' && body ? `${serverUrl}${path}?${body}` : `${serverUrl}${path}`;
  const response = await fetch(url, { method, headers, ...(method === 'POST' ? { body } : {}) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as RawAnswer['body'] };
}

/** A one-item payment-mode session with manual capture. */
export function sessionParams(
  amount: number,
  currency = 'usd',
  extra: Record<string, string | number> = {},
): Record<string, string | number> {
  return {
    mode: 'payment',
    'line_items[0][price_data][currency]': currency,
    'line_items[0][price_data][unit_amount]': amount,
    'line_items[0][price_data][product_data][name]': 'Annapurna Base Camp trek',
    'line_items[0][quantity]': 1,
    'payment_intent_data[capture_method]': 'manual',
    'payment_intent_data[metadata][payment_id]': 'pay_1',
    'metadata[order_id]': 'ord_1',
    success_url: 'http://everest.localhost:3000/pay/done?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://everest.localhost:3000/pay/cancelled',
    ...extra,
  };
}
