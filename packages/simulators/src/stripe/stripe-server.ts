import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan } from '../harness/fault-plan.ts';
import { SimulatorClock } from '../harness/simulator-clock.ts';
import { CHECKOUT_PAGE_PATH, expireLapsedSessions } from './checkout-sessions.ts';
import { serveCheckoutPage } from './hosted-checkout-page.ts';
import { IdempotencyStore } from './idempotency-store.ts';
import { expireAuthorizations } from './payment-intents.ts';
import { serveApi } from './stripe-api.ts';
import { serveControl } from './stripe-control-api.ts';
import { StripeStore } from './stripe-store.ts';
import { DEFAULT_WEBHOOK_RETRY, WebhookDelivery, type WebhookRetryPolicy } from './webhook-delivery.ts';

/**
 * A local Stripe: a real HTTP server speaking Stripe's wire format closely enough that the `stripe`
 * SDK, given `{ host: '127.0.0.1', port, protocol: 'http' }`, works unchanged (Checkout Sessions,
 * PaymentIntents with manual capture, Refunds, idempotency keys, signed webhooks), plus Stripe's
 * hosted checkout page and a control API for tests. Nothing it logs or answers carries a secret.
 */
export const LOCAL_STRIPE_PORT = 4110;
/** The API key the local server accepts unless told otherwise (a test key: it moves no money anywhere). */
export const LOCAL_STRIPE_SECRET_KEY = 'sk_test_himal_local';
/** The signing secret of the webhook endpoint local runs configure. */
export const LOCAL_STRIPE_WEBHOOK_SECRET = 'whsec_himal_local_webhook_signing_secret';
/** The API version the stripe SDK v23 pins, stamped on events. */
export const LOCAL_STRIPE_API_VERSION = '2026-10-28.endive';

export interface StripeServerOptions {
  /** 0 (the default) binds a free port, for tests; local runs use LOCAL_STRIPE_PORT. */
  port?: number;
  host?: string;
  /** Endpoints events are POSTed to, signed with their secret. */
  webhookEndpoints?: { url: string; secret: string; enabledEvents?: string[] }[];
  /** API keys accepted (default: LOCAL_STRIPE_SECRET_KEY). */
  secretKeys?: string[];
  webhookRetry?: Partial<WebhookRetryPolicy>;
  apiVersion?: string;
}

export interface RunningStripeServer {
  /** e.g. http://127.0.0.1:4110 — what STRIPE_API_URL names. */
  url: string;
  host: string;
  port: number;
  close: () => Promise<void>;
}

const SWEEP_INTERVAL_MS = 1_000;

export async function startStripeServer(options: StripeServerOptions = {}): Promise<RunningStripeServer> {
  const host = options.host ?? '127.0.0.1';
  const clock = new SimulatorClock();
  const faults = new FaultPlan();
  const latency = { ms: 0 };
  const webhooks = new WebhookDelivery({ ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry });
  for (const endpoint of options.webhookEndpoints ?? []) webhooks.add(endpoint, true);
  const store = new StripeStore(clock, options.apiVersion ?? LOCAL_STRIPE_API_VERSION, (event) => webhooks.deliver(event));
  const idempotency = new IdempotencyStore(clock);
  const secretKeys = options.secretKeys ?? [LOCAL_STRIPE_SECRET_KEY];
  const sweep = () => {
    expireLapsedSessions(store);
    expireAuthorizations(store);
  };

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  const apiDeps = { store, idempotency, faults, secretKeys, baseUrl: url, latencyMs: () => latency.ms };
  const controlDeps = { store, idempotency, faults, clock, webhooks, latency, sweep };

  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const served = (async () => {
      if (path.startsWith('/_control/')) return serveControl(req, res, path.slice('/_control/'.length), controlDeps);
      sweep();
      if (path.startsWith('/v1/')) return serveApi(req, res, apiDeps);
      if (path.startsWith(CHECKOUT_PAGE_PATH))
        return serveCheckoutPage(req, res, store, decodeURIComponent(path.slice(CHECKOUT_PAGE_PATH.length)));
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    })();
    served.catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'An unexpected error occurred.' } }));
      } else res.destroy();
    });
  });
  const sweeper = setInterval(sweep, SWEEP_INTERVAL_MS);
  sweeper.unref();

  return {
    url,
    host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        webhooks.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
