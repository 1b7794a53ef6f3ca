import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorClock } from '../harness/simulator-clock.ts';
import type { FaultPlan, FaultSpec } from '../harness/fault-plan.ts';
import type { IdempotencyStore } from './idempotency-store.ts';
import { readRequestBody } from './read-form-body.ts';
import type { StripeStore } from './stripe-store.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';

/**
 * The JSON control API tests drive the local Stripe server with (never part of Stripe's own API):
 *   POST   /_control/reset                      objects, keys, events, faults, latency, clock and added endpoints gone
 *   GET    /_control/state                      sessions, intents, charges, refunds, events (with delivery attempts), endpoints
 *   POST   /_control/faults      FaultSpec      operation = the SDK call ('payment_intents.capture') or '*';
 *                                               kind http-status (status, default 500), latency (delayMs) or timeout; times = N
 *   DELETE /_control/faults
 *   POST   /_control/latency     {"ms": n}      added to every API call (0 by default)
 *   POST   /_control/clock       {"advanceMs": n}  moves time on (sessions and authorizations expire)
 *   POST   /_control/events/:id/resend  {"endpointId"?}  delivers an event again
 *   GET    /_control/webhook-endpoints           endpoints, without secrets
 *   POST   /_control/webhook-endpoints  {url, secret?, enabledEvents?}  adds one; answers it with its secret
 *   DELETE /_control/webhook-endpoints           removes every endpoint
 */
export interface ControlDependencies {
  store: StripeStore;
  idempotency: IdempotencyStore;
  faults: FaultPlan;
  clock: SimulatorClock;
  webhooks: WebhookDelivery;
  latency: { ms: number };
  sweep: () => void;
}

const SUPPORTED_FAULTS = ['http-status', 'latency', 'timeout'];

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value, null, 2));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readRequestBody(req, 64 * 1024);
  if (text === undefined) throw new Error('the control body is larger than 64 KiB');
  const value: unknown = text ? JSON.parse(text) : {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('the control body must be a JSON object');
  return value as Record<string, unknown>;
}

function state(deps: ControlDependencies): unknown {
  const { store } = deps;
  return {
    now: deps.clock.now().toISOString(),
    checkoutSessions: [...store.sessions.values()].map((r) => r.session),
    paymentIntents: [...store.intents.values()].map((r) => r.intent),
    charges: [...store.charges.values()].map((r) => r.charge),
    refunds: [...store.refunds.values()],
    events: [...store.events.values()].map((event) => ({ ...event, deliveries: deps.webhooks.attemptsFor(event.id) })),
    webhookEndpoints: deps.webhooks.list(),
    faults: deps.faults.list(),
    latencyMs: deps.latency.ms,
    idempotencyKeys: deps.idempotency.size,
  };
}

async function control(req: IncomingMessage, res: ServerResponse, what: string, deps: ControlDependencies): Promise<void> {
  const method = req.method ?? 'GET';
  if (what === 'reset' && method === 'POST') {
    deps.store.clear();
    deps.idempotency.clear();
    deps.faults.clear();
    deps.latency.ms = 0;
    deps.clock.reset();
    deps.webhooks.stop();
    deps.webhooks.removeAdded();
    return send(res, 200, { reset: true });
  }
  if (what === 'state' && method === 'GET') {
    deps.sweep();
    return send(res, 200, state(deps));
  }
  if (what === 'faults' && method === 'POST') {
    const fault = (await readJson(req)) as unknown as FaultSpec;
    if (typeof fault.operation !== 'string' || !SUPPORTED_FAULTS.includes(fault.kind))
      return send(res, 400, { error: `a fault needs an operation and a kind of ${SUPPORTED_FAULTS.join(', ')}` });
    deps.faults.add(fault);
    return send(res, 200, { faults: deps.faults.list() });
  }
  if (what === 'faults' && method === 'DELETE') {
    deps.faults.clear();
    return send(res, 200, { faults: [] });
  }
  if (what === 'latency' && method === 'POST') {
    const ms = Number((await readJson(req)).ms ?? 0);
    if (!Number.isFinite(ms) || ms < 0 || ms > 600_000) return send(res, 400, { error: 'ms must be between 0 and 600000' });
    deps.latency.ms = ms;
    return send(res, 200, { latencyMs: ms });
  }
  if (what === 'clock' && method === 'POST') {
    const advanceMs = Number((await readJson(req)).advanceMs ?? 0);
    if (!Number.isFinite(advanceMs) || advanceMs < 0) return send(res, 400, { error: 'advanceMs must be a positive number' });
    deps.clock.advance(advanceMs);
    deps.sweep();
    return send(res, 200, { now: deps.clock.now().toISOString() });
  }
  const resend = /^events\/([^/]+)\/resend$/.exec(what);
  if (resend && method === 'POST') {
    const event = deps.store.events.get(resend[1]!);
    if (!event) return send(res, 404, { error: `no event ${resend[1]}` });
    const { endpointId } = await readJson(req);
    const sentTo = deps.webhooks.deliver(event, typeof endpointId === 'string' ? endpointId : undefined);
    return send(res, 200, { resent: event.id, endpoints: sentTo });
  }
  if (what === 'webhook-endpoints') {
    if (method === 'GET') return send(res, 200, { webhookEndpoints: deps.webhooks.list() });
    if (method === 'DELETE') {
      deps.webhooks.clear();
      return send(res, 200, { webhookEndpoints: [] });
    }
    if (method === 'POST') {
      const body = await readJson(req);
      if (typeof body.url !== 'string') return send(res, 400, { error: 'url is required' });
      const endpoint = deps.webhooks.add({
        url: body.url,
        secret: typeof body.secret === 'string' ? body.secret : undefined,
        enabledEvents: Array.isArray(body.enabledEvents) ? body.enabledEvents.map(String) : undefined,
      });
      return send(res, 200, endpoint);
    }
  }
  send(res, 404, { error: 'unknown control call' });
}

/** Serves /_control/…; a malformed control request is a 400 with the reason. */
export async function serveControl(
  req: IncomingMessage,
  res: ServerResponse,
  what: string,
  deps: ControlDependencies,
): Promise<void> {
  try {
    await control(req, res, what, deps);
  } catch (error) {
    send(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
