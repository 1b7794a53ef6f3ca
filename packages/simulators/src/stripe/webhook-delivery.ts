import { createHmac } from 'node:crypto';
import type { EventObject } from './stripe-objects.ts';
import { stripeId } from './stripe-objects.ts';
import { BoundedMap, MAX_OBJECTS_PER_KIND } from './stripe-store.ts';

/**
 * Sends events to webhook endpoints as Stripe does: a POST of the event as JSON with
 * `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the endpoint's whsec_…>`,
 * signed afresh at each attempt (wall-clock time, which is what receivers check against), at least
 * once, retried with exponential backoff on anything but 2xx, a bounded number of times, always in
 * the background: the API call that made the event never waits for its delivery.
 */
export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  /** Event types sent there; ['*'] for all. */
  enabledEvents: string[];
  /** Given when the server started (kept by /_control/reset), rather than added later. */
  configured: boolean;
}

export interface WebhookRetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  maxAttempts: 6,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  timeoutMs: 10_000,
};

export interface DeliveryAttempt {
  endpointId: string;
  url: string;
  attempt: number;
  at: string;
  status?: number;
  error?: string;
}

export function signWebhookPayload(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}

export class WebhookDelivery {
  private endpoints: WebhookEndpoint[] = [];
  private readonly attempts = new BoundedMap<string, DeliveryAttempt[]>(MAX_OBJECTS_PER_KIND);
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly policy: WebhookRetryPolicy) {}

  add(endpoint: { url: string; secret?: string; enabledEvents?: string[] }, configured = false): WebhookEndpoint {
    if (!/^https?:\/\//.test(endpoint.url)) throw new Error('a webhook endpoint needs an http(s) URL');
    const added: WebhookEndpoint = {
      id: stripeId('we'),
      url: endpoint.url,
      secret: endpoint.secret ?? stripeId('whsec', 32),
      enabledEvents: endpoint.enabledEvents?.length ? endpoint.enabledEvents : ['*'],
      configured,
    };
    this.endpoints.push(added);
    return added;
  }

  /** Endpoints without their secrets, for the state a test can read. */
  list(): Omit<WebhookEndpoint, 'secret'>[] {
    return this.endpoints.map(({ secret: _secret, ...rest }) => rest);
  }

  removeAdded(): void {
    this.endpoints = this.endpoints.filter((e) => e.configured);
  }

  clear(): void {
    this.endpoints = [];
  }

  attemptsFor(eventId: string): DeliveryAttempt[] {
    return this.attempts.get(eventId) ?? [];
  }

  /** Starts delivering `event` to every endpoint that wants it; answers how many that is. */
  deliver(event: EventObject, onlyEndpointId?: string): number {
    const targets = this.endpoints.filter(
      (e) =>
        (!onlyEndpointId || e.id === onlyEndpointId) && (e.enabledEvents.includes('*') || e.enabledEvents.includes(event.type)),
    );
    for (const endpoint of targets) this.schedule(event, endpoint, 1, 0);
    return targets.length;
  }

  private schedule(event: EventObject, endpoint: WebhookEndpoint, attempt: number, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.send(event, endpoint, attempt);
    }, delayMs);
    this.timers.add(timer);
  }

  private async send(event: EventObject, endpoint: WebhookEndpoint, attempt: number): Promise<void> {
    const payload = JSON.stringify(event, null, 2);
    const record: DeliveryAttempt = { endpointId: endpoint.id, url: endpoint.url, attempt, at: new Date().toISOString() };
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), this.policy.timeoutMs);
    this.inFlight.add(abort);
    let delivered = false;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signWebhookPayload(payload, endpoint.secret, Math.floor(Date.now() / 1000)),
        },
        body: payload,
        redirect: 'manual',
        signal: abort.signal,
      });
      await response.body?.cancel();
      record.status = response.status;
      delivered = response.status >= 200 && response.status < 300;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(abort);
    }
    const history = this.attempts.get(event.id) ?? [];
    history.push(record);
    this.attempts.set(event.id, history);
    if (delivered) event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    else if (attempt < this.policy.maxAttempts)
      this.schedule(
        event,
        endpoint,
        attempt + 1,
        Math.min(this.policy.initialDelayMs * 2 ** (attempt - 1), this.policy.maxDelayMs),
      );
  }

  /** Stops every pending retry and open delivery (the server is closing or being reset). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const abort of this.inFlight) abort.abort();
  }

  close(): void {
    this.closed = true;
    this.stop();
  }
}
