import { randomUUID } from 'node:crypto';
import { tenantDb, type CreatedTenant, type Tenant } from '@himal/db';
import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderError } from '../orders/order-errors.ts';
import { fingerprintRequest } from './fingerprint-request.ts';
import { IDEMPOTENCY_KEY_RETENTION_MS, purgeIdempotencyKeys } from './purge-idempotency-keys.ts';
import { runIdempotently, type IdempotentAnswer } from './run-idempotently.ts';

/** Idempotency keys against the real PostgreSQL: replays, refusals, races, crashed requests and purging. */
const tenants: CreatedTenant[] = [];
let everest: Tenant;
let lumbini: Tenant;

beforeAll(async () => {
  tenants.push(await createTestTenant(), await createTestTenant());
  everest = tenants[0]!.tenant;
  lumbini = tenants[1]!.tenant;
});
afterAll(() => deleteTestTenants(tenants));

const SCOPE = 'api-key:key_test:POST /orders';
const order = { offer_id: 'off_1', travellers: [{ given_name: 'Pemba', family_name: 'Sherpa' }] };
const fingerprint = fingerprintRequest('POST', '/api/v1/orders', order);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An operation that counts its runs and answers 201 with the run's number. */
function countedOperation(answer: (run: number) => IdempotentAnswer = (run) => ({ status: 201, body: { run } }), delayMs = 0) {
  const operation = {
    runs: 0,
    execute: async () => {
      operation.runs++;
      const run = operation.runs;
      if (delayMs) await sleep(delayMs);
      return answer(run);
    },
  };
  return operation;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof OrderError ? error.code : error),
  );

const storedRow = (tenant: Tenant, key: string) =>
  tenantDb(tenant).selectFrom('idempotency_keys').selectAll().where('key', '=', `${SCOPE}:${key}`).executeTakeFirst();

describe('runIdempotently', () => {
  it('runs a request once and answers every retry with the stored answer, marked replayed', async () => {
    const key = randomUUID();
    const operation = countedOperation();
    const first = await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, operation.execute);
    expect(first).toEqual({ status: 201, body: { run: 1 }, replayed: false });
    const again = await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, operation.execute);
    expect(again).toEqual({ status: 201, body: { run: 1 }, replayed: true });
    expect(operation.runs).toBe(1);
    expect(await storedRow(everest, key)).toMatchObject({ state: 'completed', response_status: 201, fingerprint });
  });

  it('stores business refusals and server errors as they were first answered', async () => {
    for (const status of [409, 500, 502]) {
      const key = randomUUID();
      const operation = countedOperation(() => ({ status, body: { error: { code: `E${status}` } } }));
      await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, operation.execute);
      const replay = await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, operation.execute);
      expect(replay).toEqual({ status, body: { error: { code: `E${status}` } }, replayed: true });
      expect(operation.runs).toBe(1);
    }
  });

  it('keeps nothing of a request refused as invalid or rate limited, so it can be fixed and sent again under its key', async () => {
    const key = randomUUID();
    const invalid = runIdempotently(everest, { scope: SCOPE, key, fingerprint }, async () => {
      throw new OrderError('INVALID_REQUEST', 'travellers[0].born_on is required');
    });
    expect(await refusal(invalid)).toBe('INVALID_REQUEST');
    expect(await storedRow(everest, key)).toBeUndefined();

    const limited = await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, async () => ({ status: 429, body: {} }));
    expect(limited.replayed).toBe(false);
    expect(await storedRow(everest, key)).toBeUndefined();

    const fixed = fingerprintRequest('POST', '/api/v1/orders', { ...order, born_on: '1990-01-01' });
    const operation = countedOperation();
    expect(await runIdempotently(everest, { scope: SCOPE, key, fingerprint: fixed }, operation.execute)).toMatchObject({
      status: 201,
      replayed: false,
    });
  });

  it('refuses the key with another request (IDEMPOTENCY_KEY_REUSED), even another path', async () => {
    const key = randomUUID();
    await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, countedOperation().execute);
    const otherBody = fingerprintRequest('POST', '/api/v1/orders', { ...order, offer_id: 'off_2' });
    const otherPath = fingerprintRequest('POST', '/api/v1/orders?hold=true', order);
    for (const other of [otherBody, otherPath]) {
      expect(await refusal(runIdempotently(everest, { scope: SCOPE, key, fingerprint: other }, countedOperation().execute))).toBe(
        'IDEMPOTENCY_KEY_REUSED',
      );
    }
  });

  it('keeps keys of other callers, operations and agencies apart', async () => {
    const key = randomUUID();
    const operation = countedOperation();
    for (const [tenant, scope] of [
      [everest, SCOPE],
      [everest, 'api-key:key_other:POST /orders'],
      [everest, 'client:198.51.100.7:POST /orders'],
      [everest, 'api-key:key_test:POST /orders/{id}/payments'],
      [lumbini, SCOPE],
    ] as const) {
      expect((await runIdempotently(tenant, { scope, key, fingerprint }, operation.execute)).replayed).toBe(false);
    }
    expect(operation.runs).toBe(5);
  });

  it('refuses a key that is not 1 to 255 printable ASCII characters', async () => {
    for (const key of ['', 'x'.repeat(256), 'clé', 'tab\there', 'line\nbreak']) {
      expect(await refusal(runIdempotently(everest, { scope: SCOPE, key, fingerprint }, countedOperation().execute))).toBe(
        'INVALID_REQUEST',
      );
    }
    expect(
      (await runIdempotently(everest, { scope: SCOPE, key: `${'~'.repeat(250)} !ok`, fingerprint }, countedOperation().execute))
        .replayed,
    ).toBe(false);
  });

  it('runs the operation once for 50 simultaneous requests, then replays it to 500 more', async () => {
    const key = randomUUID();
    const operation = countedOperation(undefined, 200);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        runIdempotently(everest, { scope: SCOPE, key, fingerprint }, operation.execute).then(
          (outcome) => (outcome.replayed ? 'replayed' : 'ran'),
          (error: unknown) => (error instanceof OrderError ? error.code : String(error)),
        ),
      ),
    );
    expect(operation.runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome === 'ran')).toHaveLength(1);
    // The others arrived while it ran (409) or, the slowest, after it finished (a replay).
    expect(outcomes.every((outcome) => ['ran', 'replayed', 'IDEMPOTENCY_KEY_IN_USE'].includes(outcome))).toBe(true);

    for (let i = 0; i < 500; i++) {
      const replay = await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, operation.execute);
      expect(replay).toEqual({ status: 201, body: { run: 1 }, replayed: true });
    }
    expect(operation.runs).toBe(1);
  });

  it('answers IDEMPOTENCY_KEY_IN_USE while the first request runs, renewing its lease past its length', async () => {
    const key = randomUUID();
    const slow = countedOperation(undefined, 1_000);
    const first = runIdempotently(everest, { scope: SCOPE, key, fingerprint }, slow.execute, { leaseMs: 300 });
    await sleep(600);
    const during = runIdempotently(everest, { scope: SCOPE, key, fingerprint }, countedOperation().execute, { leaseMs: 300 });
    expect(await refusal(during)).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect((await first).replayed).toBe(false);
    expect(slow.runs).toBe(1);
  });

  it('lets one request take over the key of a request whose process died, once its lease is over', async () => {
    const key = randomUUID();
    await tenantDb(everest)
      .insertInto('idempotency_keys')
      .values({ key: `${SCOPE}:${key}`, fingerprint, state: 'running', locked_until: new Date(Date.now() - 1_000) })
      .execute();
    const operation = countedOperation(undefined, 100);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        refusal(runIdempotently(everest, { scope: SCOPE, key, fingerprint }, operation.execute)).then((code) => code ?? 'ran'),
      ),
    );
    expect(operation.runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome === 'ran')).toHaveLength(1);
    expect(await storedRow(everest, key)).toMatchObject({ state: 'completed', response_body: { run: 1 } });
  });

  it('does not let a request that lost its key overwrite the answer of the one that took it over', async () => {
    const key = randomUUID();
    let release!: () => void;
    const stalled = runIdempotently(everest, { scope: SCOPE, key, fingerprint }, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { status: 201, body: { by: 'stalled' } };
    });
    await sleep(100);
    // As if the stalled request's renewals had stopped: its lease is over.
    await tenantDb(everest)
      .updateTable('idempotency_keys')
      .set({ locked_until: new Date(Date.now() - 1_000) })
      .where('key', '=', `${SCOPE}:${key}`)
      .execute();
    const successor = await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, async () => ({
      status: 201,
      body: { by: 'successor' },
    }));
    expect(successor.replayed).toBe(false);
    release();
    expect(await stalled).toMatchObject({ body: { by: 'stalled' }, replayed: false });
    expect(await storedRow(everest, key)).toMatchObject({ state: 'completed', response_body: { by: 'successor' } });
  });

  it('replays bodies of any JSON shape', async () => {
    for (const body of [[1, 2, 3], 'text', null, { nested: { list: [{ a: 1 }] } }]) {
      const key = randomUUID();
      await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, async () => ({ status: 200, body }));
      expect((await runIdempotently(everest, { scope: SCOPE, key, fingerprint }, countedOperation().execute)).body).toEqual(body);
    }
  });
});

describe('fingerprintRequest', () => {
  it('is the same for the same data in any key order, and differs with method, path or body', () => {
    const a = fingerprintRequest('post', '/api/v1/orders', { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } });
    expect(fingerprintRequest('POST', '/api/v1/orders', { a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 })).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintRequest('PUT', '/api/v1/orders', { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).not.toBe(a);
    expect(fingerprintRequest('POST', '/api/v1/orders/x', { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).not.toBe(a);
    expect(fingerprintRequest('POST', '/api/v1/orders', { b: 1, a: { d: [{ y: 2, x: 1 }, 1], c: null } })).not.toBe(a);
    expect(fingerprintRequest('POST', '/api/v1/orders', undefined)).not.toBe(fingerprintRequest('POST', '/api/v1/orders', {}));
  });
});

describe('purgeIdempotencyKeys', () => {
  it('deletes the keys of the agency older than the cut-off, and no younger one nor any of another agency', async () => {
    const day = IDEMPOTENCY_KEY_RETENTION_MS;
    const insert = (tenant: Tenant, key: string, ageMs: number) =>
      tenantDb(tenant)
        .insertInto('idempotency_keys')
        .values({ key, fingerprint, state: 'completed', locked_until: new Date(), created_at: new Date(Date.now() - ageMs) })
        .execute();
    const prefix = `purge-${randomUUID()}`;
    for (let i = 0; i < 3; i++) await insert(everest, `${prefix}:old:${i}`, 3 * day);
    await insert(everest, `${prefix}:young`, day / 2);
    await insert(lumbini, `${prefix}:old`, 3 * day);

    expect(await purgeIdempotencyKeys(everest, { olderThan: new Date(Date.now() - 2 * day) })).toBeGreaterThanOrEqual(3);
    const left = await tenantDb(everest)
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', 'like', `${prefix}%`)
      .execute();
    expect(left.map((row) => row.key)).toEqual([`${prefix}:young`]);
    expect(
      await tenantDb(lumbini).selectFrom('idempotency_keys').select('key').where('key', 'like', `${prefix}%`).execute(),
    ).toHaveLength(1);
  });

  it('refuses to purge keys younger than a day', async () => {
    expect(await refusal(purgeIdempotencyKeys(everest, { olderThan: new Date(Date.now() - 60_000) }))).toBe('INVALID_REQUEST');
  });
});
