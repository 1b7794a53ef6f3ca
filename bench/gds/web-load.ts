import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AirSearchRequest } from '@himal/gds';
import { Agent, request } from 'undici';
import { processCpuMs } from '../lib/child-process.ts';
import { RESULTS_DIR } from '../lib/report.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { ensureWebBuild, startWebServer, type WebServer } from '../tenancy/web-server.ts';
import { skywaysRoundTripRequest, type SimulatorEndpoint } from './search-overhead.ts';

/**
 * The search API under load, as a client meets it over HTTP: the production web app (`npm run start
 * -w @himal/web`) against the bench database, its tenant's supplier accounts pointing at the
 * simulators (no injected latency), `POST /api/v1/air/offer-requests` with `Host: <slug>.localhost`
 * from closed-loop workers, 20 to 500 at once, each level for a fixed time. Beside each level, in the
 * same conditions: the bare supplier round trip (the skyways adapter's search request straight to
 * the skyways simulator), which is what one supplier alone can serve on this machine.
 */

/** What one request came to. */
interface Answer {
  /** HTTP status, or no answer: the client's timeout, or a transport error (connection reset, ...). */
  status: number | 'timeout' | 'error';
  ms: number;
  /** The error code of a JSON error body, or the transport error's code. */
  code?: string;
  retryAfter?: string;
  /** A 2xx whose answer carries supplier warnings (a supplier failed, timed out or was skipped). */
  incomplete?: boolean;
  requestId?: string;
  /** What a health answer reports of the app's event loop (its worst delay of the last half second). */
  loopDelayMs?: number;
}

export interface AnswerCounts {
  requests: number;
  ok: number;
  /** 2xx answers carrying a supplier warning (counted in `ok` too). */
  okIncomplete: number;
  /** 503 SEARCH_OVERLOADED with Retry-After: the platform's bounded admission. */
  overloaded: number;
  rateLimited: number;
  serverError: number;
  /** Any other answer (other statuses, a 503 without SEARCH_OVERLOADED and Retry-After) and transport errors. */
  other: number;
  timeouts: number;
  /** Every status and error code seen, e.g. {"201": 900, "503 SEARCH_OVERLOADED": 40, "error ECONNRESET": 1}. */
  detail: Record<string, number>;
}

export interface LoadLevelRun extends AnswerCounts {
  concurrency: number;
  wallMs: number;
  /** Latency of the 2xx answers, and of every HTTP answer whatever its status (timeouts and transport errors left out). */
  latencyOk: Summary;
  latencyAll: Summary;
  /** 2xx answers per second of wall time (from the first request to the last answer). */
  okPerSecond: number;
}

export interface AppLevel extends LoadLevelRun {
  /** CPU of the web app's server process over the level, in ms per 2xx answer, and in total. */
  appCpuMsPerSearch?: number;
  appCpuMs?: number;
  simulatorsCpuMsPerSearch?: number;
  clientCpuMsPerSearch: number;
  /** GET /api/health every 100 ms during the level: its latency, and the event-loop delay each answer reports. */
  health: ProbeRun;
  /**
   * The app's own event-loop delay (its monitorEventLoopDelay, as /api/health reports it: the worst
   * of the last half second): the worst of the level's health answers, which overlap every moment of it.
   */
  appLoopDelayMaxMs?: number;
  /**
   * `TRACE /` every 100 ms, each on a new connection (the answer closes it): refused by the app's HTTP
   * server before Next.js, no database: the loop's delay plus the wait to be accepted.
   */
  edge: ProbeRun;
  /** The bench process's own event-loop delay over the level (it sends the load and the probes). */
  clientLoopDelayMaxMs: number;
  clientLoopDelayP99Ms: number;
  /** x-request-id of the first 500 answers, looked up in the app's log. */
  serverErrorRequestIds: string[];
  loadAverage: [number, number];
}

export interface ProbeRun {
  probes: number;
  /** The largest event-loop delay the health answers reported. */
  reportedLoopDelayMaxMs?: number;
  failures: number;
  /** The probes' answers by status (or timeout / error code), e.g. {"200": 148, "503": 2}. */
  detail: Record<string, number>;
  latency: Summary;
}

export interface BareLevel extends LoadLevelRun {
  simulatorsCpuMsPerRoundTrip?: number;
}

export interface WebLoadResult {
  concurrencies: number[];
  seconds: number;
  warmUpSeconds: number;
  timeoutMs: number;
  tenantSlug: string;
  /** What the web app was started with that bears on the figures (no secrets). */
  appSettings: Record<string, string>;
  appPid?: number;
  appCommand?: string;
  levels: Array<{ concurrency: number; app: AppLevel; bare: BareLevel }>;
  /** What one search of the warm-up answered: its offers and the answer's size. */
  sampleAnswer?: { offers: number; bytes: number };
  /** Where the web app's log was copied, and what it says about the 500 answers (and any other error lines). */
  appLog?: string;
  serverErrorLog: string[];
  errorLines: number;
}

const RATE_LIMIT = '10000000';
const PROBE_EVERY_MS = 100;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The pid of the process listening on `port` (the node running server.ts, not npm or tsx's launcher), from /proc. */
export function listeningPid(port: number): number | undefined {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== '0A') continue; // 0A: LISTEN
      if (fields[1]!.endsWith(`:${hexPort}`)) inodes.add(fields[9]!);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // not ours, or gone
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // closed while we looked
      }
    }
  }
  return undefined;
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return undefined;
  }
}

function emptyCounts(): AnswerCounts {
  return {
    requests: 0,
    ok: 0,
    okIncomplete: 0,
    overloaded: 0,
    rateLimited: 0,
    serverError: 0,
    other: 0,
    timeouts: 0,
    detail: {},
  };
}

function count(counts: AnswerCounts, answer: Answer): void {
  counts.requests++;
  const key =
    typeof answer.status === 'number'
      ? `${answer.status}${answer.code ? ` ${answer.code}` : ''}`
      : `${answer.status} ${answer.code ?? ''}`.trim();
  counts.detail[key] = (counts.detail[key] ?? 0) + 1;
  const { status } = answer;
  if (status === 'timeout') counts.timeouts++;
  else if (status === 'error') counts.other++;
  else if (status >= 200 && status < 300) {
    counts.ok++;
    if (answer.incomplete) counts.okIncomplete++;
  } else if (status === 503 && answer.code === 'SEARCH_OVERLOADED' && answer.retryAfter) counts.overloaded++;
  else if (status === 429) counts.rateLimited++;
  else if (status === 500) counts.serverError++;
  else counts.other++;
}

/**
 * `concurrency` workers, each sending its next request as soon as its last one is answered (a
 * refusal included: they do not wait out Retry-After), until `durationMs` has passed; requests
 * under way then are awaited (each is bounded by the client's timeout) and counted.
 */
async function closedLoop(
  concurrency: number,
  durationMs: number,
  send: () => Promise<Answer>,
): Promise<{ answers: Answer[]; wallMs: number }> {
  const answers: Answer[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) answers.push(await send());
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { answers, wallMs: performance.now() - started };
}

function toLevelRun(concurrency: number, answers: Answer[], wallMs: number): LoadLevelRun {
  const counts = emptyCounts();
  for (const answer of answers) count(counts, answer);
  const answered = answers.filter((answer) => typeof answer.status === 'number');
  const ok = answered.filter((answer) => (answer.status as number) >= 200 && (answer.status as number) < 300);
  return {
    concurrency,
    wallMs,
    ...counts,
    latencyOk: summarize(ok.map((answer) => answer.ms)),
    latencyAll: summarize(answered.map((answer) => answer.ms)),
    okPerSecond: counts.ok / (wallMs / 1000),
  };
}

/** One HTTP exchange with undici, bounded as a whole by `timeoutMs`; `read` looks at the answer. */
async function exchange(
  url: string,
  options: { dispatcher: Agent; method: 'GET' | 'POST' | 'TRACE'; headers: Record<string, string>; body?: string },
  timeoutMs: number,
  read: (status: number, body: string, headers: Record<string, string | string[] | undefined>) => Partial<Answer> = () => ({}),
): Promise<Answer> {
  const signal = AbortSignal.timeout(timeoutMs);
  const begun = performance.now();
  try {
    const response = await request(url, {
      ...options,
      signal,
      // The signal bounds the whole exchange; these only keep undici's own (300 s) out of the way.
      headersTimeout: timeoutMs + 1_000,
      bodyTimeout: timeoutMs + 1_000,
    });
    const body = await response.body.text();
    return { status: response.statusCode, ms: performance.now() - begun, ...read(response.statusCode, body, response.headers) };
  } catch (error) {
    if (signal.aborted) return { status: 'timeout', ms: performance.now() - begun };
    const code = (error as { code?: string }).code ?? (error as Error).name;
    return { status: 'error', ms: performance.now() - begun, code };
  }
}

/** Probes sent every `everyMs` whether or not the last one was answered, so a stall shows on every probe it holds up. */
function startProbe(everyMs: number, probe: () => Promise<Answer>, ok: (answer: Answer) => boolean) {
  const samples: number[] = [];
  let reportedMax: number | undefined;
  let failures = 0;
  const detail: Record<string, number> = {};
  const inFlight = new Set<Promise<void>>();
  const fire = () => {
    const sent = probe().then((answer) => {
      samples.push(answer.ms);
      if (answer.loopDelayMs !== undefined) reportedMax = Math.max(reportedMax ?? 0, answer.loopDelayMs);
      if (!ok(answer)) failures++;
      const key = `${answer.status}${answer.code ? ` ${answer.code}` : ''}`;
      detail[key] = (detail[key] ?? 0) + 1;
      inFlight.delete(sent);
    });
    inFlight.add(sent);
  };
  const timer = setInterval(fire, everyMs);
  return async (): Promise<ProbeRun> => {
    clearInterval(timer);
    await Promise.all(inFlight);
    return { probes: samples.length, reportedLoopDelayMaxMs: reportedMax, failures, detail, latency: summarize(samples) };
  };
}

/** The "[api] <request id> failed" lines of the app's log for these request ids, each with the lines of its stack that follow. */
function logExcerpts(log: string, requestIds: string[], linesAfter = 12): string[] {
  const lines = log.split('\n');
  const excerpts: string[] = [];
  for (const id of requestIds) {
    const at = lines.findIndex((line) => line.includes(id));
    if (at !== -1) excerpts.push(lines.slice(at, at + 1 + linesAfter).join('\n'));
  }
  return excerpts;
}

export async function measureWebLoad(options: {
  tenantSlug: string;
  simulators: SimulatorEndpoint[];
  simulatorsPid: number;
  databaseUrl: string;
  concurrencies: number[];
  seconds: number;
  warmUpSeconds: number;
  timeoutMs: number;
  rebuildWeb?: boolean;
  log: (line: string) => void;
}): Promise<WebLoadResult> {
  const { log, simulatorsPid, timeoutMs } = options;
  const skyways = options.simulators.find((simulator) => simulator.id === 'skyways');
  if (!skyways) throw new Error('the load bench needs the skyways simulator');
  ensureWebBuild(log, options.rebuildWeb);

  // What the app needs to run in production mode; rate limits out of the way, the admission gate as configured.
  const appSettings: Record<string, string> = {
    NODE_ENV: 'production',
    ROOT_DOMAIN: 'localhost',
    API_SEARCHES_PER_MINUTE: RATE_LIMIT,
    API_CLIENT_SEARCHES_PER_MINUTE: RATE_LIMIT,
  };
  for (const name of [
    'SEARCH_MAX_IN_FLIGHT',
    'SEARCH_MAX_QUEUED',
    'SEARCH_MAX_WAIT_MS',
    'SEARCH_MAX_PER_AGENCY',
    'DATABASE_POOL_SIZE',
  ])
    appSettings[name] = process.env[name] ?? 'default';
  if (!process.env.SUPPLIER_CREDENTIALS_KEY)
    throw new Error('the load bench needs SUPPLIER_CREDENTIALS_KEY set before the accounts are sealed');
  const server: WebServer = await startWebServer({
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    ROOT_DOMAIN: 'localhost',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    SUPPLIER_CREDENTIALS_KEY: process.env.SUPPLIER_CREDENTIALS_KEY,
    API_SEARCHES_PER_MINUTE: RATE_LIMIT,
    API_CLIENT_SEARCHES_PER_MINUTE: RATE_LIMIT,
    HIMAL_APP_NAME: 'himal-web-bench-gds',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    // e.g. BENCH_APP_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/app-profile' to profile the app alone
    ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}),
  });
  const appLogSource = join(RESULTS_DIR, `web-server-${server.port}.log`);
  const appLog = join(RESULTS_DIR, 'gds-web-server-latest.log');
  const appPid = listeningPid(server.port);
  const appCommand = appPid === undefined ? undefined : commandOf(appPid);
  log(
    `  web app on ${server.baseUrl}, server process ${appPid ?? 'not found'}${appCommand ? ` (${appCommand.slice(0, 80)})` : ''}; rate limits set to ${Number(RATE_LIMIT).toLocaleString('en-US')} searches a minute (agency and client) so they stay out of the way`,
  );

  const port = server.port;
  const searchUrl = `${server.baseUrl}/api/v1/air/offer-requests`;
  const searchHeaders = {
    host: `${options.tenantSlug}.localhost:${port}`,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  const departureDate = day(40);
  const searchBody = JSON.stringify({
    slices: [{ origin: 'KTM', destination: 'PKR', departure_date: departureDate }],
    passengers: [{ type: 'adult' }],
    currency: 'NPR',
  });
  const bareRequest: AirSearchRequest = {
    slices: [{ origin: 'KTM', destination: 'PKR', departureDate }],
    passengers: [{ type: 'adult' }],
    cabinClass: 'economy',
    currency: 'NPR',
  };

  const readSearch = (status: number, body: string, headers: Record<string, string | string[] | undefined>): Partial<Answer> => {
    const requestId = headers['x-request-id'];
    const retryAfter = headers['retry-after'];
    const answer: Partial<Answer> = {
      requestId: typeof requestId === 'string' ? requestId : undefined,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
    };
    if (status >= 200 && status < 300) {
      if (!result.sampleAnswer)
        result.sampleAnswer = {
          offers: (JSON.parse(body) as { data: { offers: unknown[] } }).data.offers.length,
          bytes: Buffer.byteLength(body),
        };
      // The answer ends with `"warnings":[...]}}`; an empty list is a search every supplier answered.
      answer.incomplete = !/"warnings":\[\]\}\}\s*$/.test(body);
    } else {
      try {
        answer.code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
      } catch {
        answer.code = 'not JSON';
      }
    }
    return answer;
  };
  const searchOnce = (dispatcher: Agent) =>
    exchange(searchUrl, { dispatcher, method: 'POST', headers: searchHeaders, body: searchBody }, timeoutMs, readSearch);
  const bareOnce = (dispatcher: Agent) => {
    const { url, ...init } = skywaysRoundTripRequest(skyways.endpoint, bareRequest);
    return exchange(url, { dispatcher, ...init }, timeoutMs);
  };
  const agentFor = (concurrency: number) => new Agent({ connections: concurrency, pipelining: 1, keepAliveTimeout: 4_000 });
  // Apart, so that the health probe keeps its connections (the edge probe's answer closes each of its own).
  const healthAgent = new Agent({ connections: 8, pipelining: 1, keepAliveTimeout: 4_000 });
  const edgeAgent = new Agent({ connections: 8, pipelining: 1 });

  const levels: WebLoadResult['levels'] = [];
  const result: WebLoadResult = {
    concurrencies: options.concurrencies,
    seconds: options.seconds,
    warmUpSeconds: options.warmUpSeconds,
    timeoutMs,
    tenantSlug: options.tenantSlug,
    appSettings,
    appPid,
    appCommand,
    levels,
    serverErrorLog: [],
    errorLines: 0,
  };
  try {
    // Warm-up, unmeasured: JIT, keep-alive connections, the database pool, himalayan-gds sessions.
    if (options.warmUpSeconds > 0) {
      const warmConcurrency = Math.min(20, Math.max(...options.concurrencies));
      log(`  warm-up: ${options.warmUpSeconds} s of searches, ${warmConcurrency} at a time, and of bare round trips`);
      const warmAgent = agentFor(warmConcurrency);
      const warm = await closedLoop(warmConcurrency, options.warmUpSeconds * 1000, () => searchOnce(warmAgent));
      const warmRun = toLevelRun(warmConcurrency, warm.answers, warm.wallMs);
      if (warmRun.ok === 0)
        throw new Error(`no search answered 2xx in the warm-up (${JSON.stringify(warmRun.detail)}); web app log: ${appLog}`);
      await closedLoop(warmConcurrency, Math.min(3, options.warmUpSeconds) * 1000, () => bareOnce(warmAgent));
      if (result.sampleAnswer)
        log(`  a search answers ${result.sampleAnswer.offers} offers in ${(result.sampleAnswer.bytes / 1024).toFixed(0)} KiB`);
      await warmAgent.close();
    }
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    for (const concurrency of options.concurrencies) {
      await sleep(1_000); // the last level's connections and writes settle
      const load = loadavg()[0]!;
      const agent = agentFor(concurrency);
      const appBefore = appPid === undefined ? undefined : processCpuMs(appPid);
      const simulatorsBefore = processCpuMs(simulatorsPid);
      const clientBefore = process.cpuUsage();
      loopDelay.reset();
      loopDelay.enable();
      const stopHealth = startProbe(
        PROBE_EVERY_MS,
        () =>
          exchange(
            `${server.baseUrl}/api/health`,
            { dispatcher: healthAgent, method: 'GET', headers: {} },
            timeoutMs,
            (_, body) => {
              try {
                return { loopDelayMs: (JSON.parse(body) as { eventLoop?: { delayMaxMs?: number } }).eventLoop?.delayMaxMs };
              } catch {
                return {};
              }
            },
          ),
        (answer) => answer.status === 200,
      );
      const stopEdge = startProbe(
        PROBE_EVERY_MS,
        () => exchange(`${server.baseUrl}/`, { dispatcher: edgeAgent, method: 'TRACE', headers: {} }, timeoutMs),
        (answer) => answer.status === 405,
      );
      const run = await closedLoop(concurrency, options.seconds * 1000, () => searchOnce(agent));
      const [health, edge] = [await stopHealth(), await stopEdge()];
      loopDelay.disable();
      const appAfter = appPid === undefined ? undefined : processCpuMs(appPid);
      const simulatorsAfter = processCpuMs(simulatorsPid);
      const client = process.cpuUsage(clientBefore);
      await agent.close();
      const levelRun = toLevelRun(concurrency, run.answers, run.wallMs);
      const perOk = (cpuMs: number | undefined) => (cpuMs === undefined || levelRun.ok === 0 ? undefined : cpuMs / levelRun.ok);
      const appCpuMs = appBefore === undefined || appAfter === undefined ? undefined : appAfter - appBefore;
      const app: AppLevel = {
        ...levelRun,
        appCpuMs,
        appCpuMsPerSearch: perOk(appCpuMs),
        simulatorsCpuMsPerSearch:
          simulatorsBefore === undefined || simulatorsAfter === undefined ? undefined : perOk(simulatorsAfter - simulatorsBefore),
        clientCpuMsPerSearch: perOk((client.user + client.system) / 1000) ?? Number.NaN,
        health,
        appLoopDelayMaxMs: health.reportedLoopDelayMaxMs,
        edge,
        clientLoopDelayMaxMs: loopDelay.max / 1e6,
        clientLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        serverErrorRequestIds: run.answers
          .filter((answer) => answer.status === 500 && answer.requestId)
          .slice(0, 5)
          .map((answer) => answer.requestId!),
        loadAverage: [load, loadavg()[0]!],
      };

      await sleep(1_000);
      const bareAgent = agentFor(concurrency);
      const bareSimulatorsBefore = processCpuMs(simulatorsPid);
      const bareAnswers = await closedLoop(concurrency, options.seconds * 1000, () => bareOnce(bareAgent));
      const bareSimulatorsAfter = processCpuMs(simulatorsPid);
      await bareAgent.close();
      const bareRun = toLevelRun(concurrency, bareAnswers.answers, bareAnswers.wallMs);
      const bare: BareLevel = {
        ...bareRun,
        simulatorsCpuMsPerRoundTrip:
          bareSimulatorsBefore === undefined || bareSimulatorsAfter === undefined || bareRun.ok === 0
            ? undefined
            : (bareSimulatorsAfter - bareSimulatorsBefore) / bareRun.ok,
      };
      levels.push({ concurrency, app, bare });
      const share = (part: number) => `${((100 * part) / Math.max(1, app.requests)).toFixed(0)}%`;
      log(
        `  ${concurrency} at a time: ${app.requests} requests, ${share(app.ok)} 2xx, ${share(app.overloaded)} 503, ${app.rateLimited} 429, ${app.serverError} 500, ${app.other} other, ${app.timeouts} timeouts; ${app.okPerSecond.toFixed(0)} searches/s (bare round trip ${bare.okPerSecond.toFixed(0)}/s); app event-loop delay max ${health.reportedLoopDelayMaxMs?.toFixed(0) ?? 'not reported'} ms, health probe max ${health.latency.max.toFixed(0)} ms`,
      );
    }
  } finally {
    await Promise.all([healthAgent.close(), edgeAgent.close()]).catch(() => undefined);
    // web-server.ts removes the app's log when it stops (it keeps it only when the app failed): a copy stays.
    if (existsSync(appLogSource)) {
      copyFileSync(appLogSource, appLog);
      result.appLog = appLog;
      const text = readFileSync(appLog, 'utf8');
      result.errorLines = text.split('\n').filter((line) => /error|failed|warn/i.test(line)).length;
      result.serverErrorLog = logExcerpts(
        text,
        levels.flatMap((level) => level.app.serverErrorRequestIds),
      );
    }
    await server.stop();
  }
  return result;
}
