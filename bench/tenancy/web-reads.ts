import { Agent, request } from 'undici';
import { summarize, type Summary } from '../lib/stats.ts';
import { benchTenantName } from './tenants.ts';

export interface ReadRun {
  label: string;
  requests: number;
  concurrency: number;
  distinctTenants: number;
  latency: Summary;
  requestsPerSecond: number;
  /** Responses other than 200. */
  errors: number;
  /** 200 responses whose page does not carry the requested tenant's name: must stay 0. */
  wrongTenant: number;
}

interface Batch {
  latencies: number[];
  tenants: Set<string>;
  errors: number;
  wrongTenant: number;
  wallMs: number;
}

/**
 * Reads the tenant home page of one web app (`GET /` with `Host: <slug>.localhost:<port>`) over
 * keep-alive connections. Every page is checked for its tenant's name, so a mix-up would show.
 */
export class TenantPageReader {
  private readonly agent = new Agent({ connections: 64, keepAliveTimeout: 60_000, pipelining: 1 });
  private readonly port: string;

  constructor(private readonly baseUrl: string) {
    this.port = new URL(baseUrl).port;
  }

  /** `count` reads, `concurrency` in flight; `slugFor(i)` is the tenant of the i-th read. */
  async batch(count: number, concurrency: number, slugFor: (index: number) => string): Promise<Batch> {
    const result: Batch = { latencies: [], tenants: new Set(), errors: 0, wrongTenant: 0, wallMs: 0 };
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const slug = slugFor(next++);
        result.tenants.add(slug);
        const started = performance.now();
        const response = await request(`${this.baseUrl}/`, {
          dispatcher: this.agent,
          headers: { host: `${slug}.localhost:${this.port}`, accept: 'text/html' },
          headersTimeout: 30_000,
          bodyTimeout: 30_000,
        });
        const body = await response.body.text();
        result.latencies.push(performance.now() - started);
        if (response.statusCode !== 200) result.errors += 1;
        else if (!body.includes(benchTenantName(slug))) result.wrongTenant += 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    result.wallMs = performance.now() - started;
    return result;
  }

  async run(label: string, count: number, concurrency: number, slugFor: (index: number) => string): Promise<ReadRun> {
    return toReadRun(label, concurrency, [await this.batch(count, concurrency, slugFor)]);
  }

  /** destroy(), not close(): close() would wait for in-flight reads a dead server never answers. */
  async close(): Promise<void> {
    await this.agent.destroy();
  }
}

export function toReadRun(label: string, concurrency: number, batches: ReadonlyArray<Batch>): ReadRun {
  const latencies = batches.flatMap((batch) => batch.latencies);
  const wallMs = batches.reduce((sum, batch) => sum + batch.wallMs, 0);
  return {
    label,
    requests: latencies.length,
    concurrency,
    distinctTenants: new Set(batches.flatMap((batch) => [...batch.tenants])).size,
    latency: summarize(latencies),
    requestsPerSecond: (latencies.length / wallMs) * 1000,
    errors: batches.reduce((sum, batch) => sum + batch.errors, 0),
    wrongTenant: batches.reduce((sum, batch) => sum + batch.wrongTenant, 0),
  };
}

/** A seeded generator, so two runs pick the same tenant sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index in [0, n) with probability ∝ 1/(rank+1)^s: a few busy agencies and a long tail. */
export function zipfPicker(n: number, s: number, random: () => number): () => number {
  const weights = Array.from({ length: n }, (_, rank) => 1 / (rank + 1) ** s);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) cumulative.push((running += weight / total));
  return () => {
    const target = random();
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

export function shuffle<T>(items: ReadonlyArray<T>, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
