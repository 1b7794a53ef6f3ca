import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RESULT_MARKER = 'BENCH_RESULT ';
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Runs a TypeScript file in a fresh Node process (through tsx) and returns the JSON it reports with
 * `reportToParent`. A fresh process gives a measurement its own heap and its own module state (e.g.
 * an env var read at module load). Its other output is passed through, indented.
 */
export function runTsChild<T>(file: string, options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', file], {
      cwd: ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let result: T | undefined;
    let stderr = '';
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(RESULT_MARKER)) result = JSON.parse(line.slice(RESULT_MARKER.length)) as T;
        else if (line.trim()) console.log(`    ${line}`);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`${file} exited with ${code}${result === undefined ? ' without a result' : ''}\n${stderr.trim()}`));
    });
  });
}

export interface TsService<T> {
  /** What the child reported once it was ready. */
  ready: T;
  pid: number;
  /** CPU time (user + system) the child has used so far, in ms; undefined off Linux. */
  cpuMs: () => number | undefined;
  /** SIGTERM, then SIGKILL after 10 s; resolves once it has exited. */
  stop: () => Promise<void>;
}

/**
 * Starts a TypeScript file as a long-running service in its own Node process (e.g. servers a
 * benchmark talks to, so their CPU is not counted in the measuring process) and resolves once it
 * reports ready with `reportToParent`. It keeps running until `stop()`; it should exit when its
 * stdin closes, so it does not outlive a parent that died.
 */
export function startTsService<T>(
  file: string,
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<TsService<T>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', file], {
      cwd: ROOT,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let ready = false;
    let stderr = '';
    let buffered = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!ready && line.startsWith(RESULT_MARKER)) {
          ready = true;
          resolve({
            ready: JSON.parse(line.slice(RESULT_MARKER.length)) as T,
            pid: child.pid!,
            cpuMs: () => processCpuMs(child.pid!),
            stop,
          });
        } else if (line.trim()) console.log(`    ${line}`);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (ready) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!ready) reject(new Error(`${file} exited (${code ?? signal}) before it was ready\n${stderr.trim()}`));
    });
  });
}

/** CPU time (user + system) of a process from /proc, in ms (Linux counts it in 1/100 s). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state(0) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(11) stime(12)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Called by the child: hands its result to `runTsChild` in the parent. */
export function reportToParent(result: unknown): void {
  console.log(`${RESULT_MARKER}${JSON.stringify(result)}`);
}
