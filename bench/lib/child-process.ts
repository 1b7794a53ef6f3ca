import { spawn } from 'node:child_process';
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

/** Called by the child: hands its result to `runTsChild` in the parent. */
export function reportToParent(result: unknown): void {
  console.log(`${RESULT_MARKER}${JSON.stringify(result)}`);
}
