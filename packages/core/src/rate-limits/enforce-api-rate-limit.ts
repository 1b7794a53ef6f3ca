import { clientKey, consumeRateLimits, type ApiLimits, type Tenant } from '@himal/db';

/**
 * Rate limits of the public API, per agency and per client of an agency, counted in the control
 * plane so that every process of every app shares them. A search fans out to suppliers and writes
 * rows, so searches have limits of their own, far below reads'. An agency may set its own limits
 * (`npm run tenants -- limits`); what it does not set is the platform's default (environment).
 */
export type ApiRequestKind = 'search' | 'read';

export class RateLimitedError extends Error {
  readonly code = 'RATE_LIMITED';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly scope: 'agency' | 'client',
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

export function isRateLimitedError(error: unknown): error is RateLimitedError {
  return error instanceof RateLimitedError;
}

const WINDOW_MS = 60_000;

function perMinute(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

export function platformApiLimits(): Required<ApiLimits> {
  return {
    searchesPerMinute: perMinute('API_SEARCHES_PER_MINUTE', 1_200),
    readsPerMinute: perMinute('API_READS_PER_MINUTE', 12_000),
    clientSearchesPerMinute: perMinute('API_CLIENT_SEARCHES_PER_MINUTE', 60),
    clientReadsPerMinute: perMinute('API_CLIENT_READS_PER_MINUTE', 600),
  };
}

/** Counts one request of `kind` against its agency and its client; throws RateLimitedError past either limit. */
export async function enforceApiRateLimit(
  tenant: Pick<Tenant, 'id' | 'apiLimits'>,
  clientAddress: string,
  kind: ApiRequestKind,
): Promise<void> {
  const limits = { ...platformApiLimits(), ...tenant.apiLimits };
  const search = kind === 'search';
  let outcomes;
  try {
    outcomes = await consumeRateLimits([
      {
        key: `agency:${tenant.id}:${kind}`,
        limit: search ? limits.searchesPerMinute : limits.readsPerMinute,
        windowMs: WINDOW_MS,
      },
      {
        key: `client:${tenant.id}:${clientKey(clientAddress)}:${kind}`,
        limit: search ? limits.clientSearchesPerMinute : limits.clientReadsPerMinute,
        windowMs: WINDOW_MS,
      },
    ]);
  } catch (error) {
    // The limits' store is the platform database: when it fails, the request would fail anyway,
    // and the limiter must not be what turns a blip into an outage.
    console.error(`[rate limits] not counted: ${(error as Error).message}`);
    return;
  }
  const [agency, client] = outcomes as [(typeof outcomes)[number], (typeof outcomes)[number]];
  const refused = !client.allowed ? client : !agency.allowed ? agency : undefined;
  if (!refused) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((refused.resetsAt.getTime() - Date.now()) / 1000));
  const what = search ? 'searches' : 'requests';
  throw new RateLimitedError(
    refused === client
      ? `too many ${what} from this client; try again in ${retryAfterSeconds} s`
      : `this agency's site has had too many ${what} this minute; try again in ${retryAfterSeconds} s`,
    retryAfterSeconds,
    refused === client ? 'client' : 'agency',
  );
}
