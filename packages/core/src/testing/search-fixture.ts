import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import type { CreatedTenant, Tenant } from '@himal/db';
import { flushSupplierCalls, resetCircuitBreakers, seedFxRates } from '@himal/gds';
import { simulatorControl, startSimulators, type RunningSimulators } from '@himal/simulators';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { connectTenantToSimulators } from './connect-tenant-to-simulators.ts';

export interface SearchFixture {
  /** The test agency, connected only to this file's simulators. */
  tenant: () => Tenant;
  /** Control URL of one running simulator (fault injection, clock, reset). */
  url: (supplierId: string) => string;
}

/**
 * Registers the hooks every search test file needs: the named simulators on free ports, the FX
 * table, one agency whose own supplier accounts point at them; after each test the simulators and
 * circuit breakers are reset, after the file everything is stopped and removed.
 */
export function useSearchFixture(supplierIds: string[]): SearchFixture {
  let running: RunningSimulators;
  const tenants: CreatedTenant[] = [];

  beforeAll(async () => {
    running = await startSimulators({ ports: 'random', only: supplierIds });
    await seedFxRates();
    tenants.push(await createTestTenant());
    await connectTenantToSimulators(tenants[0]!.tenant.id, running);
  });
  afterEach(async () => {
    resetCircuitBreakers();
    for (const simulator of running.simulators.values()) await simulatorControl.reset(simulator.url);
  });
  afterAll(async () => {
    await running.stop();
    await deleteTestTenants(tenants);
    await flushSupplierCalls();
  });

  return {
    tenant: () => tenants[0]!.tenant,
    url: (supplierId) => running.simulators.get(supplierId)!.url,
  };
}
