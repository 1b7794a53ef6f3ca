import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { freePort } from '../lib/free-port.ts';
import { RESULTS_DIR } from '../lib/report.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const WEB_DIR = join(ROOT, 'apps', 'web');

export function webAppExists(): boolean {
  return existsSync(join(WEB_DIR, 'app')) || existsSync(join(WEB_DIR, 'src', 'app'));
}

/**
 * Builds apps/web (`npm run build -w @himal/web`) unless a production build is already there: an
 * existing .next may be serving someone's `next start`, so it is rebuilt only when asked.
 */
export function ensureWebBuild(log: (line: string) => void, rebuild = false): void {
  if (!rebuild && existsSync(join(WEB_DIR, '.next', 'BUILD_ID'))) return;
  log(`  ${rebuild ? 'rebuilding apps/web (--rebuild-web)' : 'apps/web has no production build'}: npm run build -w @himal/web`);
  const build = spawnSync('npm', ['run', 'build', '-w', '@himal/web'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  if (build.status !== 0)
    throw new Error(`building apps/web failed:\n${`${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-30).join('\n')}`);
}

export interface WebServer {
  port: number;
  baseUrl: string;
  /** Resident memory of the app's processes (npm, sh, next) in bytes; undefined off Linux. */
  rss: () => number | undefined;
  stop: () => Promise<void>;
}

/** Sums VmRSS over the processes of a process group, from /proc (Linux only). */
function groupRss(pgid: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rssKb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      total += Number(rssKb ?? 0) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/**
 * Starts the production web app (`npm run start -w @himal/web`) on a free port against the bench
 * database and waits for /api/health. Its output goes to bench/results/web-server-<port>.log.
 */
export async function startWebServer(env: NodeJS.ProcessEnv, attempts = 3): Promise<WebServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWebServerOnce(env);
    } catch (error) {
      // A `next build` running at the same moment (another developer, a watcher) leaves .next
      // half-written for a while; try again rather than lose the whole run.
      if (attempt >= attempts) throw error;
      console.warn(`  the web app did not start (${(error as Error).message.split('\n')[0]}); retrying in 15 s`);
      await sleep(15_000);
    }
  }
}

async function startWebServerOnce(env: NodeJS.ProcessEnv): Promise<WebServer> {
  const port = await freePort();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = join(RESULTS_DIR, `web-server-${port}.log`);
  const output = createWriteStream(logFile);
  const child = spawn('npm', ['run', 'start', '-w', '@himal/web'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so npm, sh and next stop together
  });
  child.stdout!.pipe(output);
  child.stderr!.pipe(output);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.warn(`  the web app exited unexpectedly (code ${code}, signal ${signal}); log: ${logFile}`);
  });
  const baseUrl = `http://localhost:${port}`;
  const stop = async () => {
    stopping = true;
    await stopGroup(child);
    output.end();
    rmSync(logFile, { force: true }); // kept only when the app failed
  };
  try {
    await waitForHealth(baseUrl, child, 90_000);
  } catch (error) {
    stopping = true;
    await stopGroup(child);
    throw new Error(`${(error as Error).message} (server log: ${logFile})`);
  }
  return { port, baseUrl, rss: () => groupRss(child.pid!), stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web app exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await request(`${baseUrl}/api/health`, { headersTimeout: 5_000, bodyTimeout: 5_000 });
      await response.body.dump();
      if (response.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the web app did not answer 200 on /api/health within ${timeoutMs / 1000} s`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!killed) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  }
}
