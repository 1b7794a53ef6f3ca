import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultPlan } from '../harness/fault-plan.ts';
import type { ApiRoute } from './api-route.ts';
import { CHECKOUT_SESSION_ROUTES } from './checkout-sessions.ts';
import { checkExpandPaths, expandObject } from './expand-objects.ts';
import { IdempotencyStore, MAX_IDEMPOTENCY_KEY_LENGTH, type StoredAnswer } from './idempotency-store.ts';
import { PAYMENT_INTENT_ROUTES } from './payment-intents.ts';
import { canonicalParams, MAX_REQUEST_BYTES, parseStripeForm, readRequestBody, type FormObject } from './read-form-body.ts';
import { REFUND_ROUTES } from './refunds.ts';
import { StripeApiError, resourceMissing } from './stripe-api-error.ts';
import { stripeId } from './stripe-objects.ts';
import { expandParam } from './stripe-params.ts';
import type { StripeStore } from './stripe-store.ts';

/**
 * The /v1 API, in the order Stripe's own front door works: API key, route, body (1 MiB at most),
 * injected transport faults (answered before anything runs, so never stored), the idempotency key
 * (replay, in flight, other parameters), latency, then the endpoint's validation and execution.
 */
const EVENT_ROUTES: ApiRoute[] = [
  {
    name: 'events.retrieve',
    method: 'GET',
    path: /^\/v1\/events\/([^/]+)$/,
    prepare: ({ id, store }) => {
      const event = id ? store.events.get(id) : undefined;
      if (!event) throw resourceMissing('event', id ?? '', 'id');
      return () => event;
    },
  },
];
const ROUTES: ApiRoute[] = [...CHECKOUT_SESSION_ROUTES, ...PAYMENT_INTENT_ROUTES, ...REFUND_ROUTES, ...EVENT_ROUTES];

export interface ApiDependencies {
  store: StripeStore;
  idempotency: IdempotencyStore;
  faults: FaultPlan;
  secretKeys: readonly string[];
  baseUrl: string;
  /** Added to every API call inside its execution window (0 by default). */
  latencyMs: () => number;
}

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const errorAnswer = (error: StripeApiError): Answer => ({ status: error.status, body: json(error.toJSON()) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stripe shows only the last four characters of a key it refuses. */
function maskKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}${'*'.repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
}

function apiKeyOf(req: IncomingMessage, secretKeys: readonly string[]): string | StripeApiError {
  const header = req.headers.authorization ?? '';
  let key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (!key && basic) key = Buffer.from(basic, 'base64').toString('utf8').split(':')[0];
  if (!key)
    return new StripeApiError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  if (!secretKeys.includes(key))
    return new StripeApiError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${maskKey(key)}` });
  return key;
}

function faultAnswer(status: number): Answer {
  const body =
    status === 429
      ? { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly.' } }
      : {
          error: { type: 'api_error', message: 'An unexpected error occurred (a fault injected into the local Stripe server).' },
        };
  return { status, body: json(body), headers: status === 429 || status === 503 ? { 'retry-after': '1' } : {} };
}

function runEndpoint(
  route: ApiRoute,
  params: FormObject,
  id: string | undefined,
  deps: ApiDependencies,
  requestId: string,
  key: string | null,
) {
  const expand = expandParam(params);
  checkExpandPaths(expand);
  const execute = route.prepare({
    params,
    id,
    store: deps.store,
    context: { requestId, idempotencyKey: key },
    baseUrl: deps.baseUrl,
  });
  return (): Answer => {
    try {
      return { status: 200, body: json(expandObject(deps.store, execute(), expand)) };
    } catch (error) {
      if (error instanceof StripeApiError) return errorAnswer(error);
      return { status: 500, body: json({ error: { type: 'api_error', message: 'An unexpected error occurred.' } }) };
    }
  };
}

async function answerApi(req: IncomingMessage, deps: ApiDependencies, requestId: string): Promise<Answer | { hangMs: number }> {
  const apiKey = apiKeyOf(req, deps.secretKeys);
  if (apiKey instanceof StripeApiError) return errorAnswer(apiKey);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  let id: string | undefined;
  const route = ROUTES.find((r) => {
    const match = r.method === method ? r.path.exec(url.pathname) : null;
    if (match) id = match[1] && decodeURIComponent(match[1]);
    return match !== null;
  });
  if (!route)
    return errorAnswer(
      new StripeApiError(404, {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      }),
    );

  const body = method === 'POST' ? await readRequestBody(req, MAX_REQUEST_BYTES) : url.search.slice(1);
  if (body === undefined)
    return {
      status: 413,
      body: json({ error: { type: 'invalid_request_error', message: 'The request body is larger than 1 MiB.' } }),
    };
  let params: FormObject;
  try {
    params = parseStripeForm(body);
  } catch (error) {
    if (error instanceof StripeApiError) return errorAnswer(error);
    throw error;
  }

  const fault = deps.faults.take(route.name, ['http-status', 'timeout']);
  if (fault?.kind === 'timeout') return { hangMs: fault.delayMs ?? 120_000 };
  if (fault?.kind === 'http-status') return faultAnswer(fault.status ?? 500);

  // Stripe honours idempotency keys on POST only.
  const key = method === 'POST' ? ((req.headers['idempotency-key'] as string | undefined) ?? null) : null;
  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH))
    return errorAnswer(
      new StripeApiError(400, {
        type: 'invalid_request_error',
        message: `Invalid idempotency key: keys must be between 1 and ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.`,
      }),
    );
  if (key !== null) {
    const begun = deps.idempotency.begin(apiKey, key, `${method} ${url.pathname}`, canonicalParams(params));
    if (begun.kind === 'replay')
      return { ...begun.answer, headers: { 'idempotent-replayed': 'true', 'original-request': begun.answer.requestId } };
    if (begun.kind === 'in-flight')
      return errorAnswer(
        new StripeApiError(409, {
          type: 'idempotency_error',
          message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
        }),
      );
    if (begun.kind !== 'new')
      return errorAnswer(
        new StripeApiError(400, {
          type: 'idempotency_error',
          message:
            begun.kind === 'other-params'
              ? `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
              : `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${begun.endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
        }),
      );
  }

  const latency = deps.latencyMs() + (deps.faults.take(route.name, ['latency'])?.delayMs ?? 0);
  if (latency > 0) await sleep(latency);
  let execute: () => Answer;
  try {
    execute = runEndpoint(route, params, id, deps, requestId, key);
  } catch (error) {
    if (key !== null) deps.idempotency.release(apiKey, key);
    if (error instanceof StripeApiError) return errorAnswer(error);
    throw error;
  }
  const answer = execute();
  if (key !== null) deps.idempotency.finish(apiKey, key, { ...answer, requestId } satisfies StoredAnswer);
  return answer;
}

/** Serves one /v1 request. */
export async function serveApi(req: IncomingMessage, res: ServerResponse, deps: ApiDependencies): Promise<void> {
  const requestId = stripeId('req', 14);
  const answer = await answerApi(req, deps, requestId);
  if ('hangMs' in answer) {
    // A timeout fault: hold the connection open, then drop it, as a dead upstream would.
    const timer = setTimeout(() => res.destroy(), answer.hangMs);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': requestId,
    'cache-control': 'no-cache, no-store',
    ...answer.headers,
  };
  const version = req.headers['stripe-version'];
  if (typeof version === 'string') headers['stripe-version'] = version;
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && req.method === 'POST') headers['idempotency-key'] = key;
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}
