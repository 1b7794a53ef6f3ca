import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * How late this process's event loop runs: Node's own histogram (`monitorEventLoopDelay`), read in
 * half-second windows. One per process, started at first use. Search admission refuses new work
 * while it is high; the health answer reports it, so a probe tells a busy instance from a blocked one.
 */
class EventLoopDelay {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private lastWindowMaxMs = 0;

  constructor() {
    this.histogram.enable();
    setInterval(() => {
      this.lastWindowMaxMs = this.histogram.max / 1e6;
      this.histogram.reset();
    }, 500).unref();
  }

  /** Milliseconds: the worse of the last full window and the current one so far. */
  currentMs(): number {
    return Math.max(this.lastWindowMaxMs, this.histogram.max / 1e6);
  }
}

let monitor: EventLoopDelay | undefined;

/** The event loop's worst delay over the last half second or so, in milliseconds. */
export function eventLoopDelayMs(): number {
  monitor ??= new EventLoopDelay();
  return monitor.currentMs();
}
