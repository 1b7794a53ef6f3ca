import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSupplierCalls } from '@himal/gds';
import { createHimalayanGdsAdapter, type HimalayanGdsAdapter } from '@himal/gds/suppliers/himalayan-gds';
import { simulatorControl, startSimulator, type RunningSimulator } from '../../harness/simulator-server.ts';
import { createHimalayanGdsSimulator } from '../../himalayan-gds/himalayan-gds-simulator.ts';
import { connectionTo, oneWay, OTHER_AGENCY_OFFICE } from './himalayan-gds-test-kit.ts';

interface Sessions {
  sessions: { active: number; opened: number };
}

describe('himalayan-gds sessions', () => {
  let sim: RunningSimulator;
  const adapters: HimalayanGdsAdapter[] = [];
  const sessions = async () => (await simulatorControl.state<Sessions>(sim.url)).sessions;
  const adapterWith = (options: Parameters<typeof createHimalayanGdsAdapter>[0] = {}) => {
    const adapter = createHimalayanGdsAdapter(options);
    adapters.push(adapter);
    return adapter;
  };
  const search = (adapter: HimalayanGdsAdapter, connection = connectionTo(sim)) =>
    adapter.search(connection, oneWay('KTM', 'PKR'));

  beforeAll(async () => {
    sim = await startSimulator(createHimalayanGdsSimulator());
  });
  beforeEach(async () => {
    await simulatorControl.reset(sim.url);
  });
  afterAll(async () => {
    await Promise.all(adapters.map((adapter) => adapter.close()));
    await sim.close();
    await flushSupplierCalls();
  });

  it('authenticates once and carries on in the same session, sequence number by sequence number', async () => {
    const adapter = adapterWith();
    for (let i = 0; i < 4; i += 1) await search(adapter);
    expect(await sessions()).toEqual({ active: 1, opened: 1 });
    expect(adapter.idleSessions(connectionTo(sim))).toBe(1);
  });

  it('gives concurrent operations a session each and pools them all afterwards', async () => {
    const adapter = adapterWith();
    await Promise.all(Array.from({ length: 5 }, () => search(adapter)));
    expect(await sessions()).toEqual({ active: 5, opened: 5 });
    await Promise.all(Array.from({ length: 5 }, () => search(adapter)));
    expect(await sessions()).toEqual({ active: 5, opened: 5 });
  });

  it('keeps sessions apart per office', async () => {
    const adapter = adapterWith();
    await search(adapter);
    await search(adapter, connectionTo(sim, OTHER_AGENCY_OFFICE));
    expect(await sessions()).toMatchObject({ opened: 2 });
    expect(adapter.idleSessions(connectionTo(sim))).toBe(1);
    expect(adapter.idleSessions(connectionTo(sim, OTHER_AGENCY_OFFICE))).toBe(1);
  });

  it('opens a new session when the GDS has ended an idle one', async () => {
    const adapter = adapterWith();
    await search(adapter);
    await simulatorControl.advanceClock(sim.url, 16 * 60_000);
    expect((await search(adapter)).offers.length).toBeGreaterThan(0);
    expect(await sessions()).toEqual({ active: 1, opened: 2 });
  });

  it('does not reuse a session idle past its own limit', async () => {
    const adapter = adapterWith({ idleLimitMs: 0 });
    await search(adapter);
    await search(adapter);
    expect((await sessions()).opened).toBe(2);
  });

  it('signs out what a full pool cannot keep, and everything when closed', async () => {
    const adapter = adapterWith({ maxIdlePerConnection: 2 });
    await Promise.all(Array.from({ length: 4 }, () => search(adapter)));
    await vi.waitFor(async () => expect(await sessions()).toEqual({ active: 2, opened: 4 }));
    await adapter.close();
    expect(await sessions()).toEqual({ active: 0, opened: 4 });
    expect(adapter.idleSessions(connectionTo(sim))).toBe(0);
  });
});
