import type { Tenant } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import {
  completeKey,
  findKey,
  insertRunningKey,
  releaseKey,
  renewLease,
  takeOverExpiredKey,
} from './idempotency-key-repository.ts';

/**
 * Idempotency keys with Stripe's semantics (docs/api-access.md): the first answer to a key is
 * stored once the operation starts executing, whatever it is (2xx, a 4xx refusal of the business,
 * a 5xx), and every later request with the same key and the same request gets that answer again.
 * The same key with another request is refused (IDEMPOTENCY_KEY_REUSED), and so is the same key
 * while its first request still runs (IDEMPOTENCY_KEY_IN_USE). Refusals of the request itself
 * (invalid input, rate limits) keep nothing, so the client can fix its request and send it again
 * under the same key: `execute` signals those by throwing, or by answering 429.
 *
 * The row is claimed in a statement of its own and `execute` runs outside any transaction (it
 * calls suppliers and payment providers), under a lease the running request renews. A request whose
 * process died stops renewing, and once its lease is over the next request with the key takes it
 * over; a conditional update lets exactly one of several racing requests do so.
 */
export interface IdempotentRequest {
  /** Who asks and for which operation, e.g. `api-key:<id>:POST /orders`: keys of other callers never meet. */
  scope: string;
  /** The client's Idempotency-Key: 1 to 255 printable ASCII characters. */
  key: string;
  /** fingerprintRequest(method, path, body): another request under the same key is refused. */
  fingerprint: string;
}

export interface IdempotentAnswer {
  status: number;
  body: unknown;
}

export interface IdempotentOutcome extends IdempotentAnswer {
  /** Whether this is the stored answer of an earlier request. */
  replayed: boolean;
}

export interface RunIdempotentlyOptions {
  /** How long a running request holds its key without renewing; it renews every third of it. */
  leaseMs?: number;
}

export const IDEMPOTENCY_LEASE_MS = 60_000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const KEY_PATTERN = new RegExp(`^[\\x20-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`);
/** A claim can lose a race to a request that released or took the key in between; it looks again this often. */
const CLAIM_ATTEMPTS = 3;

type Claim = { kind: 'run'; token: Date } | { kind: 'replay'; answer: IdempotentAnswer };

export async function runIdempotently(
  tenant: Pick<Tenant, 'schemaName'>,
  request: IdempotentRequest,
  execute: () => Promise<IdempotentAnswer>,
  options: RunIdempotentlyOptions = {},
): Promise<IdempotentOutcome> {
  if (!KEY_PATTERN.test(request.key)) {
    const rule = `1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters`;
    throw new OrderError('INVALID_REQUEST', `an Idempotency-Key is ${rule}`, {
      fields: [{ path: 'Idempotency-Key', message: rule }],
    });
  }
  const key = `${request.scope}:${request.key}`;
  const leaseMs = options.leaseMs ?? IDEMPOTENCY_LEASE_MS;
  const claim = await claimKey(tenant, key, request.fingerprint, leaseMs);
  if (claim.kind === 'replay') return { ...claim.answer, replayed: true };

  const lease = holdLease(tenant, key, claim.token, leaseMs);
  let answer: IdempotentAnswer;
  try {
    answer = await execute();
  } catch (error) {
    await lease.end((token) => releaseKey(tenant, key, token));
    throw error;
  }
  if (answer.status === 429) await lease.end((token) => releaseKey(tenant, key, token));
  else await lease.end((token) => storeAnswer(tenant, key, token, answer));
  return { ...answer, replayed: false };
}

async function claimKey(tenant: Pick<Tenant, 'schemaName'>, key: string, fingerprint: string, leaseMs: number): Promise<Claim> {
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const token = await insertRunningKey(tenant, key, fingerprint, leaseMs);
    if (token) return { kind: 'run', token };
    const stored = await findKey(tenant, key);
    // Released (its first request was refused as invalid) between our insert and this read.
    if (!stored) continue;
    if (stored.fingerprint !== fingerprint) {
      throw new OrderError(
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was already used with another request; send a new key with a new request',
      );
    }
    if (stored.state === 'completed') {
      return { kind: 'replay', answer: { status: stored.responseStatus!, body: stored.responseBody } };
    }
    if (!stored.leaseOver) {
      throw new OrderError(
        'IDEMPOTENCY_KEY_IN_USE',
        'a request with this Idempotency-Key is still being processed; retry once it has finished',
        { retryAfterSeconds: 1 },
      );
    }
    const taken = await takeOverExpiredKey(tenant, key, stored.lockedUntil, leaseMs);
    if (taken) return { kind: 'run', token: taken };
  }
  throw new OrderError('IDEMPOTENCY_KEY_IN_USE', 'another request with this Idempotency-Key got there first; retry shortly', {
    retryAfterSeconds: 1,
  });
}

/**
 * Renews the lease while `execute` runs, so a slow supplier never lets a second request run the
 * operation again; `end` stops renewing, waits for a renewal under way, and finishes with the last
 * token. Failing to store the answer is logged, not thrown: the operation has happened, and its
 * answer is worth more to the client than an error that invites it to try again.
 */
function holdLease(tenant: Pick<Tenant, 'schemaName'>, key: string, first: Date, leaseMs: number) {
  let token: Date | undefined = first;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(async () => {
      if (!token) return;
      try {
        token = await renewLease(tenant, key, token, leaseMs);
        if (!token) console.warn(`[idempotency] ${key} was taken over while its request still ran`);
      } catch (error) {
        console.warn(`[idempotency] could not renew the lease of ${key}; trying again`, error);
      }
    });
  }, leaseMs / 3);
  timer.unref();
  return {
    async end(finish: (token: Date) => Promise<void>): Promise<void> {
      clearInterval(timer);
      await renewing;
      if (!token) return;
      // Tried twice: a row left running is freed when its lease is over, and a retry then runs the operation again.
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          await finish(token);
          return;
        } catch (error) {
          if (attempt === 2) console.error(`[idempotency] could not finish ${key}; its lease will free it`, error);
        }
      }
    },
  };
}

async function storeAnswer(
  tenant: Pick<Tenant, 'schemaName'>,
  key: string,
  token: Date,
  answer: IdempotentAnswer,
): Promise<void> {
  if (!(await completeKey(tenant, key, token, answer))) {
    console.warn(`[idempotency] ${key} was taken over before its answer was stored; the answer is not kept`);
  }
}
