import { measureTenantPageReads, seededRandom, zipfPicker, type ReadRun } from './web-reads.ts';
import { ensureWebBuild, startWebServer } from './web-server.ts';

export interface WebReadsResult {
  tenantsProvisioned: number;
  clientCacheSize: number | 'default';
  /** Sequential requests it took for the median latency to stop improving. */
  warmUpRequests: number;
  /** sequential: one request at a time; concurrent: `concurrency` in flight; firstVisit: each tenant once;
   *  zipf: sequential, tenants drawn with a Zipf(1) skew (a few busy agencies, a long tail). */
  runs: Partial<Record<'sequential' | 'concurrent' | 'firstVisit' | 'zipf', ReadRun>>;
}

/**
 * One web measurement: a fresh production web app against the bench database, warmed up on the
 * same few tenants every time (so both measurements start from the same JIT state), then tenant
 * page reads spread over `allSlugs`. With many tenants the reads land on tenants whose directory
 * entry and Prisma client are not cached yet, or were evicted: that is the point of the comparison.
 */
export async function measureWebReads(options: {
  warmSlugs: string[];
  allSlugs: string[];
  requests: number;
  concurrency: number;
  rebuild?: boolean;
  /** TENANT_CLIENT_CACHE_SIZE of the web app; its default when absent. */
  clientCacheSize?: number;
  /** Only the sequential and concurrent uniform runs (after the first visits). */
  uniformOnly?: boolean;
  log: (line: string) => void;
}): Promise<WebReadsResult> {
  const { warmSlugs, allSlugs, requests, concurrency, log } = options;
  ensureWebBuild(log, options.rebuild);
  const server = await startWebServer({
    ...process.env,
    ROOT_DOMAIN: 'localhost',
    NEXTAUTH_SECRET: 'himal-bench-secret',
    HIMAL_APP_NAME: 'himal-web-bench',
    ...(options.clientCacheSize ? { TENANT_CLIENT_CACHE_SIZE: String(options.clientCacheSize) } : {}),
  });
  const random = seededRandom(allSlugs.length);
  const uniform = () => allSlugs[Math.floor(random() * allSlugs.length)]!;
  const read = (label: string, count: number, inFlight: number, slugFor: (index: number) => string) =>
    measureTenantPageReads({ label, baseUrl: server.baseUrl, requests: count, concurrency: inFlight, slugFor });

  try {
    log(`  web app on ${server.baseUrl}; warming up on ${warmSlugs.length} tenants`);
    const warmUpRequests = await warmUp((count, offset) =>
      read('warm-up', count, 1, (i) => warmSlugs[(offset + i) % warmSlugs.length]!),
    );
    await read('warm-up', 500, concurrency, (i) => warmSlugs[i % warmSlugs.length]!);
    log(`  warm after ${warmUpRequests} sequential requests`);

    const runs: WebReadsResult['runs'] = {};
    if (allSlugs.length > warmSlugs.length) {
      const shuffled = shuffle(allSlugs, random);
      runs.firstVisit = await read('first visit of each tenant', shuffled.length, 1, (i) => shuffled[i]!);
    }
    runs.sequential = await read('sequential, uniform over tenants', requests, 1, uniform);
    runs.concurrent = await read(`${concurrency} in flight, uniform over tenants`, requests * 4, concurrency, uniform);
    if (allSlugs.length > warmSlugs.length && !options.uniformOnly) {
      const ranked = shuffle(allSlugs, random);
      const pick = zipfPicker(ranked.length, 1, random);
      runs.zipf = await read('sequential, Zipf(1) over tenants', requests, 1, () => ranked[pick()]!);
    }
    for (const run of Object.values(runs)) {
      if (run.errors || run.wrongTenant)
        log(`  ${run.label}: ${run.errors} non-200 responses, ${run.wrongTenant} pages of the wrong tenant`);
    }
    return { tenantsProvisioned: allSlugs.length, clientCacheSize: options.clientCacheSize ?? 'default', warmUpRequests, runs };
  } finally {
    await server.stop();
  }
}

/**
 * A fresh Next server keeps getting faster for a few thousand requests (JIT tiers, lazily loaded
 * route code, heap sizing). Measuring before that plateau would make whichever phase comes first
 * look slower, so batches run until their median has not improved by 5% for three batches in a
 * row (at least 2,000 requests, at most 10,000). Returns the number of requests it took.
 */
async function warmUp(batch: (count: number, offset: number) => Promise<ReadRun>): Promise<number> {
  const size = 250;
  let best = Number.POSITIVE_INFINITY;
  let stale = 0;
  let sent = 0;
  while (sent < 10_000) {
    const { latency } = await batch(size, sent);
    sent += size;
    if (latency.p50 < best * 0.95) {
      best = latency.p50;
      stale = 0;
    } else {
      stale += 1;
    }
    if (sent >= 2_000 && stale >= 3) break;
  }
  return sent;
}

function shuffle<T>(items: ReadonlyArray<T>, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
