import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { flushSupplierCalls } from '@himal/gds';
import { createHimalayanGdsAdapter } from '@himal/gds/suppliers/himalayan-gds';
import { simulatorControl, startSimulator, type RunningSimulator } from '../../harness/simulator-server.ts';
import type { FaultSpec } from '../../harness/fault-plan.ts';
import { createHimalayanGdsSimulator } from '../../himalayan-gds/himalayan-gds-simulator.ts';
import { connectionTo, CONTACT, oneWay, PLATFORM_OFFICE, travellersFor } from './himalayan-gds-test-kit.ts';

const SEARCH = 'Fare_MasterPricerTravelBoardSearch';

describe('himalayan-gds adapter under faults', () => {
  let sim: RunningSimulator;
  const adapter = createHimalayanGdsAdapter();
  const connection = () => connectionTo(sim);
  const search = (timeoutMs = 2_000) => adapter.search(connection(), oneWay('KTM', 'PKR'), { timeoutMs });
  const opened = async () => (await simulatorControl.state<{ sessions: { opened: number } }>(sim.url)).sessions.opened;

  beforeAll(async () => {
    sim = await startSimulator(createHimalayanGdsSimulator());
  });
  beforeEach(async () => {
    await simulatorControl.reset(sim.url);
  });
  afterAll(async () => {
    await adapter.close();
    await sim.close();
    await flushSupplierCalls();
  });

  it.each([
    [{ kind: 'http-status', status: 503 }, 'SUPPLIER_UNAVAILABLE'],
    [{ kind: 'http-status', status: 429 }, 'SUPPLIER_RATE_LIMITED'],
    [{ kind: 'timeout' }, 'SUPPLIER_TIMEOUT'],
    [{ kind: 'truncated' }, 'SUPPLIER_BAD_RESPONSE'],
    [{ kind: 'malformed' }, 'SUPPLIER_BAD_RESPONSE'],
    [{ kind: 'unsafe-xml' }, 'SUPPLIER_UNSAFE_XML'],
    [{ kind: 'soap-fault', code: 'soap:Server', message: 'Internal system error' }, 'SUPPLIER_FAULT'],
  ] as const)('surfaces %j as %s, and the next search works on a fresh session', async (fault, code) => {
    await search();
    await simulatorControl.addFault(sim.url, { operation: SEARCH, times: 1, ...fault } as FaultSpec);
    await expect(search(500)).rejects.toMatchObject({ code, supplierId: 'himalayan-gds' });
    // What happened to that message is unknown, so its session (and its sequence number) is not used again.
    const before = await opened();
    expect((await search()).offers.length).toBeGreaterThan(0);
    expect(await opened()).toBe(before + 1);
  });

  it('keeps the code and text of a business error from the body', async () => {
    await simulatorControl.addFault(sim.url, {
      operation: SEARCH,
      kind: 'business-error',
      code: '118',
      message: 'SYSTEM UNABLE TO PROCESS',
      times: 1,
    });
    await expect(search()).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '118',
      supplierText: 'SYSTEM UNABLE TO PROCESS',
      retryable: false,
    });
    // A business error leaves the session in order: the next search reuses it.
    const before = await opened();
    await search();
    expect(await opened()).toBe(before);
  });

  it('maps the GDS codes that mean more than a business error', async () => {
    const { offers } = await search();
    await simulatorControl.addFault(sim.url, {
      operation: 'PNR_AddMultiElements',
      kind: 'business-error',
      code: '288',
      message: 'UNABLE TO SATISFY - NOT ENOUGH SEATS',
      times: 1,
    });
    await expect(
      adapter.book(connection(), { offer: offers[0]!, passengers: travellersFor(offers[0]!), contact: CONTACT }),
    ).rejects.toMatchObject({ code: 'INVENTORY_EXHAUSTED', supplierCode: '288' });
  });

  it('returns partial results with the warning that says so', async () => {
    const complete = await search();
    await simulatorControl.addFault(sim.url, { operation: SEARCH, kind: 'warning', times: 1 });
    const partial = await search();
    expect(partial.offers.length).toBeGreaterThan(0);
    expect(partial.offers.length).toBeLessThan(complete.offers.length);
    expect(partial.warnings).toEqual([
      { supplierId: 'himalayan-gds', code: '3020', message: 'PARTIAL RESULTS - SOME CARRIERS DID NOT RESPOND' },
    ]);
  });

  it('re-authenticates once, transparently, when the GDS says the session expired', async () => {
    await search();
    await simulatorControl.addFault(sim.url, { operation: SEARCH, kind: 'session-expired', times: 1 });
    expect((await search()).offers.length).toBeGreaterThan(0);
    expect(await opened()).toBe(2);
  });

  it('gives up with SUPPLIER_SESSION_EXPIRED when the fresh session expires too', async () => {
    await simulatorControl.addFault(sim.url, { operation: SEARCH, kind: 'session-expired', times: 2 });
    await expect(search()).rejects.toMatchObject({ code: 'SUPPLIER_SESSION_EXPIRED', supplierCode: '95', retryable: true });
  });

  it('says a wrong password is an authentication failure, without repeating any credential', async () => {
    const wrong = { ...connection(), credentials: { ...PLATFORM_OFFICE, password: 'not-the-password' } };
    const error: unknown = await adapter.search(wrong, oneWay('KTM', 'PKR')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SUPPLIER_AUTH_FAILED', supplierCode: '16001', retryable: false });
    expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toMatch(
      /not-the-password|himalayan-local-secret/,
    );
    const unconfigured = { ...connection(), credentials: { officeId: 'KTMHM2100', username: 'himal' } };
    await expect(adapter.search(unconfigured, oneWay('KTM', 'PKR'))).rejects.toMatchObject({ code: 'SUPPLIER_NOT_CONFIGURED' });
  });

  it('keeps within the time it is given, across authentication and the message', async () => {
    await simulatorControl.addFault(sim.url, { operation: '*', kind: 'latency', delayMs: 300 });
    const started = performance.now();
    await expect(adapter.search(connection(), oneWay('KTM', 'PKR'), { timeoutMs: 450 })).rejects.toMatchObject({
      code: 'SUPPLIER_TIMEOUT',
    });
    expect(performance.now() - started).toBeLessThan(700);
  });
});
