import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase } from '../lib/bench-database.ts';
import { runTsChild } from '../lib/child-process.ts';
import { seededRandom, shuffle, TenantPageReader, toReadRun, zipfPicker, type ReadRun } from './web-reads.ts';
import { ensureWebBuild, startWebServer, type WebServer } from './web-server.ts';

type AppKey = 'few' | 'many' | 'huge';

export interface WebApp {
  key: AppKey;
  tenantsProvisioned: number;
  /** Sequential requests it took for the median latency to stop improving. */
  warmUpRequests: number;
  /** Resident memory of the app after warm-up and after the measured reads. */
  rssAfterWarmUp?: number;
  rssAfterReads?: number;
}

export interface WebStage {
  name: string;
  concurrency: number;
  /** One run per app (and pattern), measured in alternating rounds. */
  runs: Partial<Record<AppKey | 'manyZipf' | 'hugeZipf', ReadRun>>;
}

export interface WebComparison {
  apps: WebApp[];
  /** Tenants read once each, in random order, right after warm-up: a directory miss and the tenant's first query. */
  firstVisit: Partial<Record<AppKey, ReadRun>>;
  stages: WebStage[];
  /** 1-minute load average of the machine at the start and the end: other work on it shows here. */
  loadAverage: { start: number; end: number };
}

const ROUNDS = 10;

/**
 * Tenant page latency with few tenants against many, measured side by side: one web app on a
 * database with the few (warm) tenants, one on the bench database with every tenant (1,000), and one
 * on a database with many more (10,000, `huge`). All run at once and are read in alternating rounds,
 * so a busy moment of the machine, or a JIT that is still warming, lands on all of them alike
 * instead of on whichever went first.
 */
export async function compareWebReads(options: {
  warmSlugs: string[];
  allSlugs: string[];
  /** A database holding the warm tenants among many more, and its slugs (the third app). */
  huge?: { url: string; slugs: string[] };
  /** Tenants read once each right after warm-up, per app (a random sample when it has more). */
  firstVisits: number;
  requests: number;
  concurrency: number;
  rebuild?: boolean;
  log: (line: string) => void;
}): Promise<WebComparison> {
  const { warmSlugs, allSlugs, huge, firstVisits, requests, concurrency, log } = options;
  const start = loadavg()[0]!;
  ensureWebBuild(log, options.rebuild);

  log(`  a second throwaway database with the same ${warmSlugs.length} tenants`);
  const fewDb = await createBenchDatabase(() => undefined, { setEnv: false });
  const servers: Array<{ app: WebApp; server: WebServer; reader: TenantPageReader }> = [];
  try {
    const provisioned = await runTsChild<{ slugs: string[] }>(join(import.meta.dirname, 'provision-database.child.ts'), {
      env: { ...process.env, DATABASE_URL: fewDb.url, BENCH_PREFIX: 'w', BENCH_COUNT: String(warmSlugs.length) },
    });
    if (provisioned.slugs.join() !== warmSlugs.join())
      throw new Error('the few-tenant database does not hold the warm-up tenants');

    const apps: Array<{ key: AppKey; url: string; slugs: string[] }> = [
      { key: 'few', url: fewDb.url, slugs: warmSlugs },
      { key: 'many', url: process.env.DATABASE_URL!, slugs: allSlugs },
      ...(huge ? [{ key: 'huge' as const, url: huge.url, slugs: huge.slugs }] : []),
    ];
    for (const app of apps) {
      const server = await startWebServer({
        ...process.env,
        DATABASE_URL: app.url,
        ROOT_DOMAIN: 'localhost',
        HIMAL_APP_NAME: `himal-web-bench-${app.key}`,
      });
      log(`  web app "${app.key}" (${app.slugs.length} tenants) on ${server.baseUrl}`);
      servers.push({
        app: { key: app.key, tenantsProvisioned: app.slugs.length, warmUpRequests: 0 },
        server,
        reader: new TenantPageReader(server.baseUrl),
      });
    }
    const slugsOf = (key: AppKey) => apps.find((app) => app.key === key)!.slugs;
    log(`  warming up the ${servers.length} apps in alternating batches on the same ${warmSlugs.length} tenants`);
    const warmUpRequests = await warmUp(
      servers.map(
        ({ reader }) =>
          (count, offset) =>
            reader.run('warm-up', count, 1, (i) => warmSlugs[(offset + i) % warmSlugs.length]!),
      ),
    );
    for (const [index, entry] of servers.entries()) entry.app.warmUpRequests = warmUpRequests[index]!;
    for (let round = 0; round < 5; round++) {
      for (const { reader } of servers) await reader.batch(100, concurrency, (i) => warmSlugs[i % warmSlugs.length]!);
    }
    for (const entry of servers) entry.app.rssAfterWarmUp = entry.server.rss();
    const byKey = (key: AppKey) => servers.find((entry) => entry.app.key === key)!.reader;

    const random = seededRandom(allSlugs.length);
    const firstVisit: WebComparison['firstVisit'] = {};
    const manyKeys = servers.map((entry) => entry.app.key).filter((key) => key !== 'few');
    for (const key of manyKeys) {
      // Never the warm tenants: they were read in the warm-up.
      const order = shuffle(
        slugsOf(key).filter((slug) => !warmSlugs.includes(slug)),
        random,
      ).slice(0, firstVisits);
      firstVisit[key] = await byKey(key).run(`first visit of ${order.length} tenants`, order.length, 1, (i) => order[i]!);
    }

    const uniform = (slugs: string[]) => () => slugs[Math.floor(random() * slugs.length)]!;
    const zipfOf = (slugs: string[]) => {
      const ranked = shuffle(slugs, random);
      const zipf = zipfPicker(ranked.length, 1, random);
      return () => ranked[zipf()]!;
    };
    const everyApp = (): Array<[AppKey, AppKey, () => string]> => manyKeys.map((key) => [key, key, uniform(slugsOf(key))]);
    const plans: Array<{
      name: string;
      concurrency: number;
      perRound: number;
      subjects: Array<[AppKey | 'manyZipf' | 'hugeZipf', AppKey, () => string]>;
    }> = [
      {
        name: 'sequential, uniform over tenants',
        concurrency: 1,
        perRound: Math.ceil(requests / ROUNDS),
        subjects: [['few', 'few', uniform(warmSlugs)], ...everyApp()],
      },
      {
        name: `${concurrency} in flight, uniform over tenants`,
        concurrency,
        perRound: Math.ceil((requests * 4) / ROUNDS),
        subjects: [['few', 'few', uniform(warmSlugs)], ...everyApp()],
      },
      {
        name: 'sequential, Zipf(1) over tenants',
        concurrency: 1,
        perRound: Math.ceil(requests / ROUNDS),
        subjects: [
          ['few', 'few', uniform(warmSlugs)],
          ['manyZipf', 'many', zipfOf(allSlugs)],
          ...(huge ? [['hugeZipf', 'huge', zipfOf(huge.slugs)] as ['hugeZipf', AppKey, () => string]] : []),
        ],
      },
    ];
    const stages: WebStage[] = [];
    for (const plan of plans) {
      log(`  ${plan.name}: ${ROUNDS} alternating rounds of ${plan.perRound} reads per app`);
      const batches = new Map<string, Awaited<ReturnType<TenantPageReader['batch']>>[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const [key, app, pick] of plan.subjects) {
          const batch = await byKey(app).batch(plan.perRound, plan.concurrency, pick);
          batches.set(key, [...(batches.get(key) ?? []), batch]);
        }
      }
      const runs: WebStage['runs'] = {};
      for (const [key] of plan.subjects) runs[key] = toReadRun(plan.name, plan.concurrency, batches.get(key)!);
      for (const [key, run] of Object.entries(runs)) {
        if (run.errors || run.wrongTenant)
          log(`  ${key}, ${plan.name}: ${run.errors} non-200 responses, ${run.wrongTenant} pages of the wrong tenant`);
      }
      stages.push({ name: plan.name, concurrency: plan.concurrency, runs });
    }
    for (const entry of servers) entry.app.rssAfterReads = entry.server.rss();
    return { apps: servers.map((entry) => entry.app), firstVisit, stages, loadAverage: { start, end: loadavg()[0]! } };
  } finally {
    for (const { server, reader } of servers) {
      await reader.close();
      await server.stop();
    }
    await fewDb.drop();
  }
}

/**
 * A fresh Next server keeps getting faster for a few thousand requests (JIT tiers, lazily loaded
 * route code, heap sizing), and a server that idles while others warm up measures slower after.
 * So every app gets batches in turn until, for each, the median has not improved by 5% for three
 * batches in a row (at least 2,000 requests each, at most 10,000). Returns the requests per app.
 */
async function warmUp(apps: Array<(count: number, offset: number) => Promise<ReadRun>>): Promise<number[]> {
  const size = 250;
  const state = apps.map(() => ({ best: Number.POSITIVE_INFINITY, stale: 0 }));
  let sent = 0;
  const settled = () => sent >= 2_000 && state.every((app) => app.stale >= 3);
  while (sent < 10_000 && !settled()) {
    for (const [index, batch] of apps.entries()) {
      const { latency } = await batch(size, sent);
      const app = state[index]!;
      if (latency.p50 < app.best * 0.95) {
        app.best = latency.p50;
        app.stale = 0;
      } else {
        app.stale += 1;
      }
    }
    sent += size;
  }
  return apps.map(() => sent);
}
