/** What `bench/run.ts` expects of `bench/<area>/index.ts`. */
export interface BenchArea {
  /** Runs the area's benchmarks with the command-line options left after the area names. */
  runBench(args: string[]): Promise<void>;
}
