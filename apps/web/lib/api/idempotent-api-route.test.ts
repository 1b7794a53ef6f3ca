import { randomUUID } from 'node:crypto';
import { createApiKey, OrderError, type CreatedApiKey } from '@himal/core';
import { tenantDb, type CreatedTenant, type Tenant } from '@himal/db';
import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { TENANT_ID_HEADER } from '@himal/http/next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { jsonResponse } from './api-response.ts';
import { requireScope } from './authenticate-api-caller.ts';
import { idempotentApiRoute } from './idempotent-api-route.ts';
import { parseInput } from './validation.ts';
import { z } from 'zod';

/**
 * Idempotent routes end to end below HTTP: a handler that counts its runs behind idempotentApiRoute,
 * called with the requests the proxy would hand it, against the real database.
 */
const tenants: CreatedTenant[] = [];
let everest: Tenant;
let writer: CreatedApiKey;
let otherWriter: CreatedApiKey;
let reader: CreatedApiKey;

beforeAll(async () => {
  tenants.push(await createTestTenant());
  everest = tenants[0]!.tenant;
  writer = await createApiKey(everest, { name: 'Writer', scopes: ['orders:write'] });
  otherWriter = await createApiKey(everest, { name: 'Other writer', scopes: ['orders:write'] });
  reader = await createApiKey(everest, { name: 'Reader', scopes: ['orders:read'] });
});
afterAll(() => deleteTestTenants(tenants));

const orderBody = z.object({
  offer_id: z.string().startsWith('off_'),
  outcome: z.enum(['created', 'sold_out', 'crash']).optional(),
});

/** A stand-in for POST /orders: 201 with the run's number, or the refusal the body asks for. */
interface OrderRoute {
  runs: number;
  POST: (request: Request, route: { params: Promise<Record<string, never>> }) => Promise<Response>;
}

function orderRoute(): OrderRoute {
  const route: OrderRoute = {
    runs: 0,
    POST: idempotentApiRoute(
      async ({ body, caller, requestId }): Promise<Response> => {
        requireScope(caller, 'orders:write');
        const input = parseInput(orderBody, body);
        route.runs++;
        if (input.outcome === 'sold_out') throw new OrderError('INVENTORY_EXHAUSTED', 'the last seat was sold');
        if (input.outcome === 'crash') throw new Error('the supplier adapter broke');
        return jsonResponse(201, { data: { id: `ord_${route.runs}`, offer_id: input.offer_id } }, requestId, {
          location: `/api/v1/orders/ord_${route.runs}`,
        });
      },
      { required: true, operation: 'POST /orders' },
    ),
  };
  return route;
}

function post(
  route: OrderRoute,
  options: { key?: string | null; apiKey?: string; body?: unknown; rawBody?: string; path?: string; address?: string },
) {
  const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = {
    [TENANT_ID_HEADER]: everest.id,
    'x-forwarded-for': options.address ?? '198.51.100.20',
  };
  if (options.key !== null) headers['idempotency-key'] = options.key ?? randomUUID();
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  if (text !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(text));
  }
  const request = new Request(`http://everest.localhost${options.path ?? '/api/v1/orders'}`, {
    method: 'POST',
    headers,
    body: text,
  });
  return route.POST(request, { params: Promise.resolve({}) });
}

// The API's JSON; tests read it freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function answer(response: Response) {
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

describe('idempotentApiRoute', () => {
  it('runs a request once and replays its answer to a retry, marked replayed, with a request id of its own', async () => {
    const route = orderRoute();
    const key = randomUUID();
    const first = await answer(await post(route, { key, apiKey: writer.key, body: { offer_id: 'off_1' } }));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.headers.get('location')).toBe('/api/v1/orders/ord_1');

    // The same body, serialised otherwise, is the same request.
    const retry = await answer(await post(route, { key, apiKey: writer.key, rawBody: '{ "offer_id" : "off_1" }' }));
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('x-request-id')).toMatch(/^req_/);
    expect(retry.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(route.runs).toBe(1);
  });

  it('refuses a request without a key (400 IDEMPOTENCY_KEY_REQUIRED) before running anything', async () => {
    const route = orderRoute();
    const refused = await answer(await post(route, { key: null, apiKey: writer.key, body: { offer_id: 'off_1' } }));
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'IDEMPOTENCY_KEY_REQUIRED' } } });
    expect(route.runs).toBe(0);
  });

  it('refuses the key with another body or path (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    const route = orderRoute();
    const key = randomUUID();
    await post(route, { key, apiKey: writer.key, body: { offer_id: 'off_1' } });
    const otherBody = await answer(await post(route, { key, apiKey: writer.key, body: { offer_id: 'off_2' } }));
    expect(otherBody).toMatchObject({ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED' } } });
    const otherPath = await answer(
      await post(route, { key, apiKey: writer.key, body: { offer_id: 'off_1' }, path: '/api/v1/orders?x=1' }),
    );
    expect(otherPath.status).toBe(422);
    expect(route.runs).toBe(1);
  });

  it('keeps nothing of invalid input, so the corrected request runs under the same key', async () => {
    const route = orderRoute();
    const key = randomUUID();
    const invalid = await answer(await post(route, { key, apiKey: writer.key, body: { offer_id: 'orq_1' } }));
    expect(invalid).toMatchObject({ status: 422, body: { error: { code: 'VALIDATION_FAILED' } } });
    const malformed = await answer(await post(route, { key, apiKey: writer.key, rawBody: '{"offer_id":' }));
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED_JSON' } } });
    const fixed = await post(route, { key, apiKey: writer.key, body: { offer_id: 'off_1' } });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps a business refusal and a server error as first answered', async () => {
    const route = orderRoute();
    for (const [outcome, status, code] of [
      ['sold_out', 409, 'INVENTORY_EXHAUSTED'],
      ['crash', 500, 'INTERNAL_ERROR'],
    ] as const) {
      const key = randomUUID();
      const first = await answer(await post(route, { key, apiKey: writer.key, body: { offer_id: 'off_1', outcome } }));
      expect(first).toMatchObject({ status, body: { error: { code } } });
      const replay = await answer(await post(route, { key, apiKey: writer.key, body: { offer_id: 'off_1', outcome } }));
      expect(replay).toMatchObject({ status, body: first.body });
      // The body is the first answer's, request_id included, so support can find the request that ran.
      expect(replay.body.error.request_id).toBe(first.body.error.request_id);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(route.runs).toBe(2);
  });

  it('refuses a wrong API key (401) and a key without the scope (403), keeping nothing', async () => {
    const route = orderRoute();
    const key = randomUUID();
    const wrong = await post(route, { key, apiKey: `hk_${'x'.repeat(43)}`, body: { offer_id: 'off_1' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    const forbidden = await answer(await post(route, { key, apiKey: reader.key, body: { offer_id: 'off_1' } }));
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', required_scope: 'orders:write' } } });
    expect(route.runs).toBe(0);
    expect(
      await tenantDb(everest).selectFrom('idempotency_keys').select('key').where('key', 'like', `%:${key}`).execute(),
    ).toEqual([]);
    expect((await post(route, { key, apiKey: writer.key, body: { offer_id: 'off_1' } })).status).toBe(201);
  });

  it('keeps the keys of different API keys and of different anonymous clients apart', async () => {
    const route = orderRoute();
    const key = randomUUID();
    for (const apiKey of [writer.key, otherWriter.key]) {
      const response = await post(route, { key, apiKey, body: { offer_id: 'off_1' } });
      expect(response.headers.get('idempotent-replayed')).toBeNull();
    }
    const stored = await tenantDb(everest)
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', 'like', `%:${key}`)
      .execute();
    expect(stored.map((row) => row.key).sort()).toEqual(
      [`api-key:${otherWriter.id}:POST /orders:${key}`, `api-key:${writer.id}:POST /orders:${key}`].sort(),
    );
  });

  it('refuses a malformed key with the field at fault', async () => {
    const route = orderRoute();
    const refused = await answer(await post(route, { key: 'x'.repeat(256), apiKey: writer.key, body: { offer_id: 'off_1' } }));
    expect(refused).toMatchObject({
      status: 422,
      body: { error: { code: 'VALIDATION_FAILED', fields: [{ path: 'Idempotency-Key' }] } },
    });
  });

  it('answers IDEMPOTENCY_KEY_IN_USE (409, Retry-After) while the first request runs', async () => {
    let release!: () => void;
    const slow = idempotentApiRoute(
      async ({ requestId }) => {
        await new Promise<void>((resolve) => (release = resolve));
        return jsonResponse(201, { data: { id: 'ord_slow' } }, requestId);
      },
      { required: true, operation: 'POST /orders' },
    );
    const key = randomUUID();
    const request = () =>
      new Request('http://everest.localhost/api/v1/orders', {
        method: 'POST',
        headers: { [TENANT_ID_HEADER]: everest.id, 'idempotency-key': key, 'x-forwarded-for': '203.0.113.9' },
      });
    const first = slow(request(), { params: Promise.resolve({}) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const during = await slow(request(), { params: Promise.resolve({}) });
    expect(during.status).toBe(409);
    expect(during.headers.get('retry-after')).toBe('1');
    expect((await during.json()).error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    release();
    expect((await first).status).toBe(201);
  });

  it('refuses a bodyless request only where the handler needs a body', async () => {
    const route = orderRoute();
    const bare = await answer(await post(route, { apiKey: writer.key }));
    expect(bare).toMatchObject({ status: 422, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(route.runs).toBe(0);
  });

  it('renders what the handler throws as an ApiError like any route', async () => {
    const teapot = idempotentApiRoute(
      async () => {
        throw new ApiError(418, 'TEAPOT', 'short and stout');
      },
      { required: false, operation: 'POST /teapots' },
    );
    const response = await teapot(
      new Request('http://everest.localhost/api/v1/teapots', { method: 'POST', headers: { [TENANT_ID_HEADER]: everest.id } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).toBe(418);
  });
});
