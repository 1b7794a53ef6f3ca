import { describe, expect, it } from 'vitest';
import { AdmissionGate, type AdmissionLimits } from './search-admission.ts';

/** A piece of work that runs until it is told to finish. */
function pending() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve('done');
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

const limits = (overrides: Partial<AdmissionLimits> = {}): AdmissionLimits => ({
  maxInFlight: 2,
  maxQueued: 2,
  maxWaitMs: 1_000,
  maxPerAgency: 10,
  maxEventLoopDelayMs: 0,
  ...overrides,
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('search admission', () => {
  it('runs at most maxInFlight at once and admits waiters in order as places free', async () => {
    const gate = new AdmissionGate(limits());
    const jobs = Array.from({ length: 4 }, pending);
    const started: number[] = [];
    const runs = jobs.map((job, i) =>
      gate.run('everest', () => {
        started.push(i);
        return job.work();
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.stats()).toEqual({ inFlight: 2, queued: 2, agencies: 1 });
    jobs[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    jobs[0]!.finish();
    jobs[2]!.finish();
    jobs[3]!.finish();
    await expect(Promise.all(runs)).resolves.toEqual(['done', 'done', 'done', 'done']);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(gate.stats()).toEqual({ inFlight: 0, queued: 0, agencies: 0 });
  });

  it('refuses at once, with a retry delay, when every place and the queue are taken', async () => {
    const gate = new AdmissionGate(limits({ maxQueued: 1 }));
    const jobs = Array.from({ length: 3 }, pending);
    const runs = jobs.map((job) => gate.run('everest', job.work));
    let asked = false;
    await expect(
      gate.run('lumbini', async () => {
        asked = true;
      }),
    ).rejects.toMatchObject({ code: 'SEARCH_OVERLOADED', retryAfterSeconds: 2 });
    expect(asked).toBe(false);
    jobs.forEach((job) => job.finish());
    await Promise.all(runs);
  });

  it('gives up on a waiter after maxWaitMs and frees its place in the queue', async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 1, maxWaitMs: 30 }));
    const running = pending();
    const first = gate.run('everest', running.work);
    const started = performance.now();
    await expect(gate.run('everest', async () => 'late')).rejects.toMatchObject({ code: 'SEARCH_OVERLOADED' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(gate.stats()).toEqual({ inFlight: 1, queued: 0, agencies: 1 });
    running.finish();
    await first;
    expect(gate.stats()).toEqual({ inFlight: 0, queued: 0, agencies: 0 });
  });

  it("keeps one agency's flood from taking every place", async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 4, maxQueued: 4, maxPerAgency: 3 }));
    const flood = Array.from({ length: 3 }, pending);
    const runs = flood.map((job) => gate.run('everest', job.work));
    await expect(gate.run('everest', async () => 'one more')).rejects.toMatchObject({ code: 'SEARCH_OVERLOADED' });
    await expect(gate.run('lumbini', async () => 'served')).resolves.toBe('served');
    flood.forEach((job) => job.finish());
    await Promise.all(runs);
  });

  it('frees the place of work that fails', async () => {
    const gate = new AdmissionGate(limits({ maxInFlight: 1, maxQueued: 0 }));
    const failing = pending();
    const run = gate.run('everest', failing.work);
    failing.fail(new Error('supplier exploded'));
    await expect(run).rejects.toThrow('supplier exploded');
    await expect(gate.run('everest', async () => 'next')).resolves.toBe('next');
    expect(gate.stats()).toEqual({ inFlight: 0, queued: 0, agencies: 0 });
  });

  it('refuses new work while the event loop lags, and takes it again once it does not', async () => {
    const gate = new AdmissionGate(limits({ maxEventLoopDelayMs: 50 }));
    await expect(gate.run('everest', async () => 'calm')).resolves.toBe('calm');
    await new Promise((resolve) => setTimeout(resolve, 50)); // the monitor's first samples
    // Keep the loop busy for 200 ms, as a process that spends its CPU on something else would.
    const busyUntil = performance.now() + 200;
    while (performance.now() < busyUntil);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(gate.run('everest', async () => 'late')).rejects.toMatchObject({ code: 'SEARCH_OVERLOADED' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(gate.run('everest', async () => 'calm again')).resolves.toBe('calm again');
  });
});
