import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { resetCircuitBreakers, searchFlights, type AirSearchRequest } from '@himal/gds';
import { SKYWAYS_CREDENTIALS, simulatorControl } from '@himal/simulators';
import { skywaysLowFareSearchEnvelope, SKYWAYS_LOW_FARE_SEARCH_ACTION } from '@himal/gds/testing';
import { processCpuMs } from '../lib/child-process.ts';
import { summarize, type Summary } from '../lib/stats.ts';

/**
 * Search overhead: the air simulators answer after a fixed injected latency (the control API's
 * `latency` fault on every operation); the platform's aggregated flight search (searchFlights, what
 * core's createAirOfferRequest calls: the tenant's supplier accounts from the database, the FX
 * table, both air suppliers in parallel, offers priced and merged) runs 1, 50 and 200 at a time.
 * Its latency is read as a ratio to the injected latency. The reference, in the same conditions:
 * a bare HTTP round trip of the skyways adapter's search request to the skyways simulator (fetch,
 * body read, nothing parsed), which is what the suppliers alone cost on this machine.
 */
export interface SimulatorEndpoint {
  id: string;
  url: string;
  endpoint: string;
}

export interface LoadRun {
  searches: number;
  latency: Summary;
  wallMs: number;
  perSecond: number;
  /** Searches that threw, or answered with a warning (a supplier failed or timed out); bare round trips that were not HTTP 200. */
  failures: number;
  /** CPU used over the run, per search, by the measuring process and by the simulators' process. */
  platformCpuMs: number;
  simulatorsCpuMs?: number;
}

export interface SearchCell {
  latencyMs: number;
  concurrency: number;
  platform: LoadRun & { offers: { min: number; max: number }; suppliersAnswering: number };
  reference: LoadRun;
  loadAverage: [number, number];
}

export interface SearchOverheadResult {
  suppliers: string[];
  latencies: number[];
  concurrencies: number[];
  cells: SearchCell[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The bare supplier round trip, the reference of the search and load tables: the skyways adapter's
 * low fare search request as it goes on the wire (its SOAPAction, its envelope with the simulator's
 * credentials), posted straight to the skyways simulator; the answer's body is read, not parsed.
 */
export function skywaysRoundTripRequest(
  endpoint: string,
  request: AirSearchRequest,
): { url: string; method: 'POST'; headers: Record<string, string>; body: string } {
  return {
    url: endpoint,
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: SKYWAYS_LOW_FARE_SEARCH_ACTION, accept: 'text/xml' },
    body: skywaysLowFareSearchEnvelope(request, SKYWAYS_CREDENTIALS),
  };
}

/** Domestic one-way searches both air simulators sell, a few routes and dates in turn. */
export function searchRequests(count: number): AirSearchRequest[] {
  const routes = [
    ['KTM', 'PKR'],
    ['KTM', 'BWA'],
    ['KTM', 'BIR'],
  ] as const;
  return Array.from({ length: count }, (_, i) => {
    const [origin, destination] = routes[i % routes.length]!;
    return {
      slices: [{ origin, destination, departureDate: day(30 + (i % 5)) }],
      passengers: [{ type: 'adult' }],
      cabinClass: 'economy',
      currency: 'NPR',
    };
  });
}

/**
 * `concurrency` workers, each starting its next call when its last one ends, until `count` calls
 * have been measured. `staggerMs` spreads the workers' first calls over that time, and only calls
 * started once every worker is running are measured: a steady `concurrency` in flight, arriving
 * spread out, rather than waves of calls sent at the same instant (with a fixed supplier latency,
 * waves would stay in step for the whole run). With `staggerMs` 0 every call is measured.
 */
async function loadRun<T>(
  count: number,
  concurrency: number,
  staggerMs: number,
  simulatorsPid: number,
  work: (index: number) => Promise<T>,
  failed: (value: T) => boolean,
): Promise<{ run: LoadRun; values: T[] }> {
  const samples: number[] = [];
  const values: T[] = [];
  let failures = 0;
  let started = 0;
  let measuredFrom = Number.POSITIVE_INFINITY;
  let cpuBefore = process.cpuUsage();
  let simulatorsBefore = processCpuMs(simulatorsPid);
  let runStarted = performance.now();
  let workersRunning = 0;
  const startMeasuring = () => {
    measuredFrom = performance.now();
    runStarted = measuredFrom;
    cpuBefore = process.cpuUsage();
    simulatorsBefore = processCpuMs(simulatorsPid);
  };
  const worker = async (w: number) => {
    if (staggerMs > 0) await sleep((w * staggerMs) / concurrency);
    if (++workersRunning === concurrency) startMeasuring();
    while (started < count) {
      const begun = performance.now();
      const measured = begun >= measuredFrom;
      if (measured) started++;
      const index = values.length;
      try {
        const value = await work(index);
        if (!measured) continue;
        samples.push(performance.now() - begun);
        values.push(value);
        if (failed(value)) failures++;
      } catch (error) {
        if (!measured) continue;
        samples.push(performance.now() - begun);
        failures++;
        if (failures <= 3) console.warn(`    failed: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const wallMs = performance.now() - runStarted;
  const cpu = process.cpuUsage(cpuBefore);
  const simulatorsAfter = processCpuMs(simulatorsPid);
  return {
    values,
    run: {
      searches: samples.length,
      latency: summarize(samples),
      wallMs,
      perSecond: samples.length / (wallMs / 1000),
      failures,
      platformCpuMs: (cpu.user + cpu.system) / 1000 / samples.length,
      simulatorsCpuMs:
        simulatorsBefore === undefined || simulatorsAfter === undefined
          ? undefined
          : (simulatorsAfter - simulatorsBefore) / samples.length,
    },
  };
}

export async function measureSearchOverhead(options: {
  tenantId: string;
  simulators: SimulatorEndpoint[];
  simulatorsPid: number;
  latencies: number[];
  concurrencies: number[];
  /** Measured rounds of `concurrency` searches per cell (after one warm-up round), and the fewest searches per cell. */
  rounds: number;
  minSearches: number;
  log: (line: string) => void;
}): Promise<SearchOverheadResult> {
  const air = options.simulators.filter((simulator) => simulator.id === 'skyways' || simulator.id === 'himalayan-gds');
  const skyways = air.find((simulator) => simulator.id === 'skyways');
  if (air.length !== 2 || !skyways) throw new Error('the search bench needs the skyways and himalayan-gds simulators');
  const cells: SearchCell[] = [];

  const requests = searchRequests(15);
  const platformRun = (count: number, concurrency: number, staggerMs: number) =>
    loadRun(
      count,
      concurrency,
      staggerMs,
      options.simulatorsPid,
      (index) => searchFlights(requests[index % requests.length]!, { tenantId: options.tenantId, currency: 'NPR' }),
      (result) => result.warnings.length > 0 || result.offers.length === 0,
    );
  const referenceRun = (count: number, concurrency: number, staggerMs: number) =>
    loadRun(
      count,
      concurrency,
      staggerMs,
      options.simulatorsPid,
      async (index) => {
        const { url, ...init } = skywaysRoundTripRequest(skyways.endpoint, requests[index % requests.length]!);
        const response = await fetch(url, init);
        await response.text();
        return response.status;
      },
      (status) => status !== 200,
    );

  const measureCell = async (latencyMs: number, concurrency: number) => {
    resetCircuitBreakers();
    const count = Math.max(options.minSearches, concurrency * options.rounds);
    // Searches arrive spread out, as a busy site's do: the workers start over one latency period.
    const staggerMs = latencyMs;
    const load = loadavg()[0]!;
    // An unmeasured run first: JIT, keep-alive connections, and as many himalayan-gds sessions in
    // the adapter's pool as there are searches at once (signing in is two more round trips).
    await platformRun(Math.max(concurrency, 5), concurrency, 0);
    const platform = await platformRun(count, concurrency, staggerMs);
    await referenceRun(Math.max(concurrency, 5), concurrency, 0);
    const reference = await referenceRun(count, concurrency, staggerMs);
    const answered = platform.values.filter(Boolean);
    const offers = answered.map((result) => result.offers.length);
    const suppliersAnswering = Math.min(
      ...answered.map((result) => new Set(result.offers.map((priced) => priced.offer.supplierId)).size),
    );
    cells.push({
      latencyMs,
      concurrency,
      platform: {
        ...platform.run,
        offers: { min: Math.min(...offers), max: Math.max(...offers) },
        suppliersAnswering: Number.isFinite(suppliersAnswering) ? suppliersAnswering : 0,
      },
      reference: reference.run,
      loadAverage: [load, loadavg()[0]!],
    });
    const p = platform.run.latency;
    options.log(
      `  search at ${latencyMs} ms, ${concurrency} at a time: ${platform.run.searches} searches, p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms (${(p.p95 / latencyMs).toFixed(2)}×); bare round trip p95 ${reference.run.latency.p95.toFixed(0)} ms; ${platform.run.failures} incomplete`,
    );
  };

  for (const latencyMs of options.latencies) {
    for (const simulator of air) {
      await simulatorControl.clearFaults(simulator.url);
      await simulatorControl.addFault(simulator.url, { operation: '*', kind: 'latency', delayMs: latencyMs });
    }
    for (const concurrency of options.concurrencies) {
      await measureCell(latencyMs, concurrency);
    }
  }
  for (const simulator of air) await simulatorControl.clearFaults(simulator.url);
  return {
    suppliers: air.map((simulator) => simulator.id),
    latencies: options.latencies,
    concurrencies: options.concurrencies,
    cells,
  };
}
