/**
 * npm run bench -- [area ...] [--options of the area]
 *
 * Each area is a folder `bench/<area>/` whose `index.ts` exports `runBench(args)`; adding an area is
 * adding a folder. With no area named, every area runs. Benchmarks print figures beside a reference
 * measured in the same run and write them as JSON to bench/results/; they never fail on a figure.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchArea } from './lib/bench-area.ts';

const BENCH_DIR = import.meta.dirname;

function availableAreas(): string[] {
  return readdirSync(BENCH_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BENCH_DIR, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const areas = availableAreas();
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`usage: npm run bench -- [${areas.join('|')}] [area options]\nareas: ${areas.join(', ')}`);
    return;
  }
  // Leading words name areas; everything from the first option on belongs to the areas.
  const firstOption = argv.findIndex((arg) => arg.startsWith('-'));
  const named = firstOption === -1 ? argv : argv.slice(0, firstOption);
  const options = firstOption === -1 ? [] : argv.slice(firstOption);
  const unknown = named.find((name) => !areas.includes(name));
  if (unknown) {
    console.error(`unknown bench area ${JSON.stringify(unknown)}; areas: ${areas.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  for (const area of named.length > 0 ? named : areas) {
    const module = (await import(pathToFileURL(join(BENCH_DIR, area, 'index.ts')).href)) as BenchArea;
    await module.runBench(options);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
