import type { FaultSpec } from '../harness/fault-plan.ts';

/**
 * For tests: the local Stripe server's control API, and a traveller paying on its hosted checkout
 * page, both over plain HTTP as any other client would.
 */
async function call<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const value = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(value)}`);
  return value;
}

export const stripeServerControl = {
  reset: (serverUrl: string) => call<unknown>(`${serverUrl}/_control/reset`, 'POST'),
  state: <T = StripeServerState>(serverUrl: string) => call<T>(`${serverUrl}/_control/state`, 'GET'),
  addFault: (serverUrl: string, fault: FaultSpec) => call<unknown>(`${serverUrl}/_control/faults`, 'POST', fault),
  clearFaults: (serverUrl: string) => call<unknown>(`${serverUrl}/_control/faults`, 'DELETE'),
  setLatency: (serverUrl: string, ms: number) => call<unknown>(`${serverUrl}/_control/latency`, 'POST', { ms }),
  advanceClock: (serverUrl: string, advanceMs: number) => call<unknown>(`${serverUrl}/_control/clock`, 'POST', { advanceMs }),
  resendEvent: (serverUrl: string, eventId: string, endpointId?: string) =>
    call<unknown>(`${serverUrl}/_control/events/${encodeURIComponent(eventId)}/resend`, 'POST', { endpointId }),
  addWebhookEndpoint: (serverUrl: string, endpoint: { url: string; secret?: string; enabledEvents?: string[] }) =>
    call<{ id: string; url: string; secret: string }>(`${serverUrl}/_control/webhook-endpoints`, 'POST', endpoint),
  clearWebhookEndpoints: (serverUrl: string) => call<unknown>(`${serverUrl}/_control/webhook-endpoints`, 'DELETE'),
};

/** What /_control/state answers, loosely typed: Stripe objects as the API returns them. */
export interface StripeServerState {
  now: string;
  checkoutSessions: Record<string, unknown>[];
  paymentIntents: Record<string, unknown>[];
  charges: Record<string, unknown>[];
  refunds: Record<string, unknown>[];
  events: (Record<string, unknown> & {
    id: string;
    type: string;
    deliveries: { endpointId: string; attempt: number; status?: number; error?: string }[];
  })[];
  webhookEndpoints: { id: string; url: string; enabledEvents: string[] }[];
  latencyMs: number;
  idempotencyKeys: number;
}

export interface HostedPageAnswer {
  status: number;
  /** Where a 303 sends the traveller (success_url with the session id filled in). */
  location: string | null;
  html: string;
}

/**
 * A traveller on the hosted checkout page: opens it (GET), reads the form's action, and submits
 * the card (POST, form-encoded), without following the redirect.
 */
export async function payOnHostedCheckout(
  checkoutUrl: string,
  card: { number: string; expiry?: string; cvc?: string; email?: string },
): Promise<HostedPageAnswer> {
  const page = await fetch(checkoutUrl);
  const html = await page.text();
  if (page.status !== 200) return { status: page.status, location: null, html };
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('the hosted checkout page has no payment form');
  const form = new URLSearchParams({
    email: card.email ?? 'traveller@example.com',
    card_number: card.number,
    expiry: card.expiry ?? '12 / 34',
    cvc: card.cvc ?? '123',
  });
  const answer = await fetch(
    new URL(
      action.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
      checkoutUrl,
    ),
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    },
  );
  return { status: answer.status, location: answer.headers.get('location'), html: await answer.text() };
}
