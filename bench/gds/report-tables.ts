import { loadavg } from 'node:os';
import { formatTable, mib, ms, type Row } from '../lib/report.ts';
import type { GdsResults } from './index.ts';
import type { LoadRun } from './search-overhead.ts';
import { TRANSLATION_RUNS, type TranslationRun } from './translation.ts';

const within = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? 'yes' : 'NO');
const times = (value: number): string => `${value.toFixed(2)}×`;
const perSecond = (itineraries: number, msPerResponse: number): string =>
  `${Math.round(itineraries / (msPerResponse / 1000)).toLocaleString('en-US')} itineraries/s`;

const TRANSLATION_TARGET = 1.5;
const SEARCH_TARGET = 1.1;
const SEARCH_TARGET_CONCURRENCY = 200;
const DEDUP_TARGET = 0.99;

/** The figures against their targets, one row each. */
export function summaryTable(r: GdsResults): string {
  const rows: Row[] = [];
  const row = (measure: string, result: string, reference: string, target: string, ok?: boolean) =>
    rows.push({ measure, result, 'reference (same run)': reference, target, 'within target': within(ok) });

  const t = r.translation;
  if (t) {
    const adapter = t.runs.adapter.p50;
    const bare = t.runs.bare.p50;
    const withAttributes = t.runs.bareWithAttributes.p50;
    row(
      `translate a ${t.itineraries}-itinerary low-fare answer (${mib(t.bytes)}): skyways adapter parse + map`,
      `median ${ms(adapter)} per response, ${perSecond(t.itineraries, adapter)}; ratio ${times(adapter / bare)}`,
      `bare XMLParser.parse: median ${ms(bare)}, ${perSecond(t.itineraries, bare)}`,
      `ratio ≤ ${TRANSLATION_TARGET}`,
      adapter / bare <= TRANSLATION_TARGET,
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
