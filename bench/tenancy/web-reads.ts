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

/**
 * Reads the tenant home page (`GET /` with `Host: <slug>.localhost:<port>`) `requests` times over
 * one keep-alive connection per worker, `concurrency` at a time; `slugFor(i)` chooses the tenant of
 * the i-th request. Every page is checked for its tenant's name, so a mix-up would show.
 */
export async function measureTenantPageReads(options: {
  label: string;
  baseUrl: string;
  requests: number;
  concurrency: number;
  slugFor: (index: number) => string;
}): Promise<ReadRun> {
  const { port } = new URL(options.baseUrl);
  const agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 30_000, pipelining: 1 });
  const latencies: number[] = [];
  const tenants = new Set<string>();
  let errors = 0;
  let wrongTenant = 0;
  let next = 0;

  const worker = async () => {
    while (next < options.requests) {
      const slug = options.slugFor(next++);
      tenants.add(slug);
      const started = performance.now();
      const response = await request(`${options.baseUrl}/`, {
        dispatcher: agent,
        headers: { host: `${slug}.localhost:${port}`, accept: 'text/html' },
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
      const body = await response.body.text();
      latencies.push(performance.now() - started);
      if (response.statusCode !== 200) errors += 1;
      else if (!body.includes(benchTenantName(slug))) wrongTenant += 1;
    }
  };

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await agent.close();
  }
  const wallMs = performance.now() - started;
  return {
    label: options.label,
    requests: options.requests,
    concurrency: options.concurrency,
    distinctTenants: tenants.size,
    latency: summarize(latencies),
    requestsPerSecond: (options.requests / wallMs) * 1000,
    errors,
    wrongTenant,
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
