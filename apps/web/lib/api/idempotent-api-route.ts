import { clientKey } from '@himal/db';
import { fingerprintRequest, OrderError, runIdempotently, type ApiRequestKind } from '@himal/core';
import { apiRoute, type ApiContext } from './api-route.ts';
import { authenticateApiCaller, type ApiCaller } from './authenticate-api-caller.ts';
import { errorResponse, jsonResponse, toApiError } from './api-response.ts';
import { readOptionalJsonBody } from './request-body.ts';

export interface IdempotentApiContext<Params> extends ApiContext<Params> {
  caller: ApiCaller;
  /** The JSON body, read here once because the fingerprint covers it; undefined when the request has none. */
  body: unknown;
}

export interface IdempotentRouteOptions {
  /** Whether a request without an Idempotency-Key is refused (400 IDEMPOTENCY_KEY_REQUIRED). */
  required: boolean;
  /** The operation as documented, e.g. 'POST /orders': a key is the caller's for one operation. */
  operation: string;
  kind?: ApiRequestKind;
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Refusals of the request itself, before the operation does anything: they keep nothing under the
 * key, so that the client can correct the request (or its credentials) and send it again with the
 * same key (Stripe's rule). Every other answer is kept.
 */
const NOT_KEPT = new Set([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** Answers without a body; a replay of one must not get a JSON "null". */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A mutating route of the tenant API with idempotency keys (docs/api-access.md): apiRoute's request
 * id, tenant and rate limits, then the caller (a wrong API key is 401 before anything else), the
 * Idempotency-Key and the body, and the handler run through runIdempotently. Its first answer
 * (business refusals and 5xx included) is kept and replayed to every retry with the same key and
 * the same method, path and body, with `Idempotent-Replayed: true`; the request id header stays
 * each request's own, the body is the first answer's as it was. Keys are scoped to the API key, or
 * for anonymous callers to their address, and to the operation.
 */
export function idempotentApiRoute<Params extends Record<string, string> = Record<string, never>>(
  handler: (context: IdempotentApiContext<Params>) => Promise<Response>,
  options: IdempotentRouteOptions,
) {
  return apiRoute<Params>(
    async (context) => {
      const { request, tenant, requestId } = context;
      const caller = await authenticateApiCaller(request, tenant);
      const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (key === null && options.required) {
        throw new OrderError('IDEMPOTENCY_KEY_REQUIRED', `send an Idempotency-Key header (a UUID) with ${options.operation}`);
      }
      const body = await readOptionalJsonBody(request);
      const routeContext = { ...context, caller, body };
      if (key === null) return handler(routeContext);

      const url = new URL(request.url);
      let firstAnswer: Response | undefined;
      const outcome = await runIdempotently(
        tenant,
        {
          scope: `${callerScope(caller, context.clientAddress)}:${options.operation}`,
          key,
          fingerprint: fingerprintRequest(request.method, url.pathname + url.search, body),
        },
        async () => {
          let response: Response;
          try {
            response = await handler(routeContext);
          } catch (error) {
            const refusal = toApiError(error);
            if (refusal && NOT_KEPT.has(refusal.code)) throw error;
            response = errorResponse(error, requestId);
          }
          const text = await response.text();
          firstAnswer = new Response(text || null, response);
          return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
        },
      );
      return outcome.replayed ? replayedAnswer(outcome, requestId) : firstAnswer!;
    },
    { kind: options.kind },
  );
}

function callerScope(caller: ApiCaller, clientAddress: string): string {
  // A client's IPv6 /64 is one client (clientKey), as for the rate limits, so that a privacy address change keeps its keys.
  return caller.kind === 'api-key' ? `api-key:${caller.keyId}` : `client:${clientKey(clientAddress)}`;
}

function replayedAnswer(outcome: { status: number; body: unknown }, requestId: string): Response {
  const replayed = { [IDEMPOTENT_REPLAYED_HEADER]: 'true' };
  if (outcome.body === undefined || NULL_BODY_STATUSES.has(outcome.status)) {
    return new Response(null, { status: outcome.status, headers: { 'cache-control': 'no-store', ...replayed } });
  }
  return jsonResponse(outcome.status, outcome.body, requestId, replayed);
}
