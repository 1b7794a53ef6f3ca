import { loadavg } from 'node:os';
import { formatTable, mib, ms, type Row } from '../lib/report.ts';
import type { GdsResults } from './index.ts';
import type { LoadRun } from './search-overhead.ts';
import { TRANSLATION_RUNS, type TranslationRun } from './translation.ts';
import type { AppLevel, BareLevel, ProbeRun, WebLoadResult } from './web-load.ts';

const within = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? 'yes' : 'NO');
const times = (value: number): string => `${value.toFixed(2)}×`;
const perSecond = (itineraries: number, msPerResponse: number): string =>
  `${Math.round(itineraries / (msPerResponse / 1000)).toLocaleString('en-US')} itineraries/s`;

const SEARCH_TARGET = 1.1;
const SEARCH_TARGET_CONCURRENCY = 200;
const DEDUP_TARGET = 0.99;
const LOAD_RATE_TARGET = 0.5;
const LOAD_TARGET_CONCURRENCY = 200;
/** The app's event loop: its worst delay (monitorEventLoopDelay) under every level of the load table. */
const LOOP_DELAY_TARGET_MS = 50;

/** The level the throughput target is read at: 200 at a time, or the highest below it when 200 was not run. */
function loadTargetConcurrency(l: WebLoadResult): number | undefined {
  if (l.concurrencies.includes(LOAD_TARGET_CONCURRENCY)) return LOAD_TARGET_CONCURRENCY;
  const below = l.concurrencies.filter((c) => c < LOAD_TARGET_CONCURRENCY);
  return below.length ? Math.max(...below) : undefined;
}

interface LoadVerdict {
  noServerErrors: boolean;
  rate?: { ratio: number; ok: boolean };
  /** Every health probe answered 200 and the app's worst event-loop delay stayed within target. */
  loop: boolean;
}

function loadVerdict(l: WebLoadResult, app: AppLevel, bare: BareLevel): LoadVerdict {
  const ratio = app.okPerSecond / bare.okPerSecond;
  return {
    noServerErrors: app.serverError === 0,
    rate: app.concurrency === loadTargetConcurrency(l) ? { ratio, ok: ratio >= LOAD_RATE_TARGET } : undefined,
    loop: app.health.failures === 0 && app.appLoopDelayMaxMs !== undefined && app.appLoopDelayMaxMs <= LOOP_DELAY_TARGET_MS,
  };
}

const loopDelay = (app: AppLevel): string => (app.appLoopDelayMaxMs === undefined ? 'not reported' : ms(app.appLoopDelayMaxMs));

const share = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');

/** The figures against their targets, one row each. */
export function summaryTable(r: GdsResults): string {
  const rows: Row[] = [];
  const row = (measure: string, result: string, reference: string, target: string, ok?: boolean) =>
    rows.push({ measure, result, 'reference (same run)': reference, target, 'within target': within(ok) });

  const t = r.translation;
  if (t) {
    const adapter = t.runs.adapter.p50;
    const nodeSoap = t.runs.nodeSoap.p50;
    const withAttributes = t.runs.bareWithAttributes.p50;
    row(
      `translate a ${t.itineraries}-itinerary low-fare answer (${mib(t.bytes)}): skyways adapter parse + map`,
      `median ${ms(adapter)} per response, ${perSecond(t.itineraries, adapter)}; ${times(adapter / nodeSoap)} node-soap's parse`,
      `node-soap's own parse (wsdl.xmlToObject): median ${ms(nodeSoap)}, ${perSecond(t.itineraries, nodeSoap)}`,
      "≤ node-soap's bare parse",
      adapter <= nodeSoap,
    );
    row(
      '  the same, against a parse that also reads attributes',
      `ratio ${times(adapter / withAttributes)}`,
      `XMLParser({ ignoreAttributes: false }).parse: median ${ms(withAttributes)}`,
      '(where the data is: OTA puts it in attributes)',
    );
  }

  const s = r.search;
  if (s) {
    const top = Math.max(...s.concurrencies);
    for (const cell of s.cells) {
      const p = cell.platform.latency;
      const ref = cell.reference.latency;
      const targeted =
        cell.concurrency === SEARCH_TARGET_CONCURRENCY || (cell.concurrency === top && top < SEARCH_TARGET_CONCURRENCY);
      const incomplete = cell.platform.failures ? `; ${cell.platform.failures} of ${cell.platform.searches} INCOMPLETE` : '';
      row(
        `flight search, ${s.suppliers.length} suppliers at ${cell.latencyMs} ms, ${cell.concurrency} at a time`,
        `p50 ${ms(p.p50)} (${times(p.p50 / cell.latencyMs)}), p95 ${ms(p.p95)} (${times(p.p95 / cell.latencyMs)}); ${cell.platform.perSecond.toFixed(0)} searches/s at ${cell.platform.platformCpuMs.toFixed(1)} ms CPU each${incomplete}`,
        `bare skyways round trip: p50 ${ms(ref.p50)} (${times(ref.p50 / cell.latencyMs)}), p95 ${ms(ref.p95)} (${times(ref.p95 / cell.latencyMs)})`,
        targeted ? `p95 ≤ ${SEARCH_TARGET}× at ${SEARCH_TARGET_CONCURRENCY} at a time` : '',
        targeted ? p.p95 / cell.latencyMs <= SEARCH_TARGET && cell.platform.failures === 0 : undefined,
      );
    }
  }

  const l = r.load;
  if (l) {
    for (const { concurrency, app, bare } of l.levels) {
      const verdict = loadVerdict(l, app, bare);
      const targets = [
        `0 answers of 500`,
        verdict.rate ? `searches/s ≥ ${LOAD_RATE_TARGET}× bare` : '',
        `app event-loop delay ≤ ${LOOP_DELAY_TARGET_MS} ms`,
      ];
      const misses = [
        verdict.noServerErrors ? '' : `${app.serverError} of 500`,
        verdict.rate && !verdict.rate.ok ? `${times(verdict.rate.ratio)} bare` : '',
        verdict.loop ? '' : `event-loop delay max ${loopDelay(app)}`,
      ].filter(Boolean);
      row(
        `search API over HTTP (POST /api/v1/air/offer-requests), ${concurrency} at a time, ${l.seconds} s`,
        `${app.okPerSecond.toFixed(0)} searches/s${verdict.rate ? ` (${times(verdict.rate.ratio)} bare)` : ''}; ${app.requests} requests: 2xx ${share(app.ok, app.requests)}, 503 ${share(app.overloaded, app.requests)}, 429 ${app.rateLimited}, 500 ${app.serverError}, other ${app.other}, timeouts ${app.timeouts}; p95 2xx ${ms(app.latencyOk.p95)}; app event-loop delay max ${loopDelay(app)}, health probe max ${ms(app.health.latency.max)}${misses.length ? `; MISSED: ${misses.join(', ')}` : ''}`,
        `bare skyways round trip: ${bare.okPerSecond.toFixed(0)}/s, p95 ${ms(bare.latencyOk.p95)}`,
        targets.filter(Boolean).join('; '),
        verdict.noServerErrors && (verdict.rate?.ok ?? true) && verdict.loop,
      );
    }
  }

  const d = r.dedup;
  if (d) {
    const truth = `ground truth: ${d.truePairs} same-hotel pairs among ${d.listings} listings in ${d.cities.length} cities`;
    row(
      'hotel deduplication precision (pairs put together that are one hotel)',
      `${d.precision.toFixed(4)} (${d.truePositives} of ${d.predictedPairs} pairs)`,
      truth,
      `≥ ${DEDUP_TARGET}`,
      d.precision >= DEDUP_TARGET,
    );
    row(
      'hotel deduplication recall (same-hotel pairs put together)',
      `${d.recall.toFixed(4)} (${d.truePositives} of ${d.truePairs} pairs)`,
      truth,
      `≥ ${DEDUP_TARGET}`,
      d.recall >= DEDUP_TARGET,
    );
  }
  return formatTable(`GDS benchmark${r.postgres ? `, PostgreSQL ${r.postgres}` : ''}`, rows);
}

const cpu = (value: number | undefined): string => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);

function loadRow(what: string, latencyMs: number, concurrency: number, run: LoadRun, extra: Row = {}): Row {
  return {
    latency: `${latencyMs} ms`,
    'at a time': String(concurrency),
    what,
    searches: String(run.searches),
    p50: ms(run.latency.p50),
    p95: ms(run.latency.p95),
    p99: ms(run.latency.p99),
    max: ms(run.latency.max),
    'p95 / latency': times(run.latency.p95 / latencyMs),
    'per second': run.perSecond.toFixed(1),
    'needed for 1.1×': (concurrency / ((SEARCH_TARGET * latencyMs) / 1000)).toFixed(0),
    incomplete: String(run.failures),
    'CPU/search, measuring': cpu(run.platformCpuMs),
    'CPU/search, simulators': cpu(run.simulatorsCpuMs),
    ...extra,
  };
}

/** The measurements behind the summary. */
export function detailTables(r: GdsResults): string[] {
  const tables: string[] = [];
  const t = r.translation;
  if (t) {
    const bare = t.runs.bare.p50;
    tables.push(
      formatTable(
        `Translation of one ${t.itineraries}-itinerary OTA_AirLowFareSearchRS (${t.segments} flight segments, ${t.bytes.toLocaleString('en-US')} bytes; the adapter's cap is ${t.adapterCapBytes.toLocaleString('en-US')}, lifted here), ${t.iterations} interleaved rounds after ${t.warmUp} warm-up`,
        (Object.keys(TRANSLATION_RUNS) as TranslationRun[]).map((name) => {
          const s = t.runs[name];
          return {
            run: TRANSLATION_RUNS[name],
            median: ms(s.p50),
            p95: ms(s.p95),
            min: ms(s.min),
            'itineraries/s (median)': perSecond(t.itineraries, s.p50).replace(' itineraries/s', ''),
            '× bare': times(s.p50 / bare),
          };
        }),
      ),
    );
  }
  const s = r.search;
  if (s) {
    const rows: Row[] = [];
    for (const cell of s.cells) {
      rows.push(
        loadRow('searchFlights', cell.latencyMs, cell.concurrency, cell.platform, {
          offers: `${cell.platform.offers.min}–${cell.platform.offers.max}`,
          load: `${cell.loadAverage[0].toFixed(1)} → ${cell.loadAverage[1].toFixed(1)}`,
        }),
      );
      rows.push(loadRow('bare skyways round trip', cell.latencyMs, cell.concurrency, cell.reference));
    }
    tables.push(
      formatTable(
        `Aggregated flight search (${s.suppliers.join(' + ')}, every operation delayed by the latency; simulators in a child process on the same cores; load average now ${loadavg()[0]!.toFixed(1)})`,
        rows,
      ),
    );
  }
  const l = r.load;
  if (l) tables.push(loadTable(l));
  const d = r.dedup;
  if (d) {
    tables.push(
      formatTable('Hotel deduplication against the simulators’ ground truth (searchHotels, one search per city)', [
        {
          cities: String(d.cities.length),
          listings: String(d.listings),
          properties: String(d.properties),
          'pairs put together': String(d.predictedPairs),
          'same-hotel pairs': String(d.truePairs),
          'false pairs': d.falsePairs.length ? d.falsePairs.slice(0, 5).join(', ') : '0',
          'missed pairs': d.missedPairs.length ? d.missedPairs.slice(0, 5).join(', ') : '0',
          'search per city': `p50 ${ms(d.searchMs.p50)}, max ${ms(d.searchMs.max)}`,
          'searches with warnings': String(d.warnings.length),
        },
      ]),
    );
  }
  return tables;
}

const yesNo = (ok: boolean): string => (ok ? 'yes' : 'NO');

/** " (3 failed: 503 ×3)" when some probes failed. */
function probeFailures(probe: ProbeRun, expected: string): string {
  if (!probe.failures) return '';
  const failed = Object.entries(probe.detail)
    .filter(([key]) => key !== expected)
    .map(([key, n]) => `${key} ×${n}`);
  return ` (${probe.failures} failed: ${failed.join(', ')})`;
}

/** The search API under load: per level, the app's answers beside the bare supplier round trip. */
function loadTable(l: WebLoadResult): string {
  const rows: Row[] = [];
  for (const { concurrency, app, bare } of l.levels) {
    const verdict = loadVerdict(l, app, bare);
    rows.push({
      'at a time': String(concurrency),
      what: 'POST /api/v1/air/offer-requests',
      requests: String(app.requests),
      '2xx': `${app.ok} (${share(app.ok, app.requests)})${app.okIncomplete ? `, ${app.okIncomplete} with a supplier warning` : ''}`,
      '503 overloaded': `${app.overloaded} (${share(app.overloaded, app.requests)})`,
      // Not '429' and '500': integer-like keys would lead the columns.
      '429 limited': String(app.rateLimited),
      '500 error': String(app.serverError),
      other: String(app.other),
      timeouts: String(app.timeouts),
      'p50 / p95 2xx': `${ms(app.latencyOk.p50)} / ${ms(app.latencyOk.p95)}`,
      'p50 / p95 all': `${ms(app.latencyAll.p50)} / ${ms(app.latencyAll.p95)}`,
      'per second (2xx)': app.okPerSecond.toFixed(1),
      'app CPU/search': cpu(app.appCpuMsPerSearch),
      'app loop delay max': loopDelay(app),
      'health max / p99': `${ms(app.health.latency.max)} / ${ms(app.health.latency.p99)}${probeFailures(app.health, '200')}`,
      'edge max / p99': `${ms(app.edge.latency.max)} / ${ms(app.edge.latency.p99)}${probeFailures(app.edge, '405')}`,
      'client loop max': ms(app.clientLoopDelayMaxMs),
      'no 500': yesNo(verdict.noServerErrors),
      [`≥ ${LOAD_RATE_TARGET}× bare at ${LOAD_TARGET_CONCURRENCY}`]: verdict.rate
        ? `${times(verdict.rate.ratio)} ${yesNo(verdict.rate.ok)}`
        : `(${times(app.okPerSecond / bare.okPerSecond)})`,
      [`loop ≤ ${LOOP_DELAY_TARGET_MS} ms`]: yesNo(verdict.loop),
    });
    rows.push({
      'at a time': String(concurrency),
      what: 'bare skyways round trip',
      requests: String(bare.requests),
      '2xx': `${bare.ok} (${share(bare.ok, bare.requests)})`,
      other: String(bare.other + bare.serverError + bare.rateLimited + bare.overloaded),
      timeouts: String(bare.timeouts),
      'p50 / p95 2xx': `${ms(bare.latencyOk.p50)} / ${ms(bare.latencyOk.p95)}`,
      'p50 / p95 all': `${ms(bare.latencyAll.p50)} / ${ms(bare.latencyAll.p95)}`,
      'per second (2xx)': bare.okPerSecond.toFixed(1),
    });
  }
  const limits = Object.entries(l.appSettings)
    .filter(([name]) => name.startsWith('SEARCH_') || name === 'DATABASE_POOL_SIZE')
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
  const notes = [
    `closed-loop workers (a refused request is followed at once by the next: they do not wait out Retry-After), each request bounded by a ${l.timeoutMs / 1000} s client timeout; ${l.warmUpSeconds} s of unmeasured warm-up first`,
    `rate limits set to ${Number(l.appSettings.API_SEARCHES_PER_MINUTE).toLocaleString('en-US')} searches a minute (agency and client) so they stay out of the way; admission gate as configured (${limits})`,
    `app loop delay: the app's own monitorEventLoopDelay (how late its timers run, i.e. the longest stretch of synchronous work), the worst that GET /api/health reported every 100 ms (each answer gives the worst of the last half second); health and edge: the probes' latency as a client meets it, the wait behind every request already on the loop included: GET /api/health every 100 ms over kept-alive connections (it also runs SELECT 1), and TRACE / every 100 ms on a new connection each (refused by the app's HTTP server before Next.js, no database); client loop: the bench process's own event-loop delay`,
    `app CPU: the server process (pid ${l.appPid ?? 'n/a'}: ${l.appCommand?.includes('server.ts') ? 'node running server.ts' : (l.appCommand ?? 'not found')}) from /proc, per 2xx answer; "all": every HTTP answer whatever its status, timeouts left out; per second: 2xx over the level's wall time, from the first request to the last answer`,
    `answers by status and code: ${l.levels
      .map(
        (level) =>
          `${level.concurrency}: ${Object.entries(level.app.detail)
            .map(([key, n]) => `${key} ×${n}`)
            .join(', ')}`,
      )
      .join('; ')}`,
    ...(l.appLog ? [`the app's log: ${l.appLog} (${l.errorLines} lines naming an error, a failure or a warning)`] : []),
  ];
  return `${formatTable(
    `Search API under load (${l.tenantSlug}.localhost, KTM–PKR one adult, both air simulators with no injected latency; load average now ${loadavg()[0]!.toFixed(1)})`,
    rows,
  )}${notes.map((note) => `  ${note}`).join('\n')}\n${l.serverErrorLog.length ? `  the app's log on the first 500s (${l.appLog}):\n${l.serverErrorLog.map((excerpt) => excerpt.replace(/^/gm, '    ')).join('\n')}\n` : ''}`;
}
