import { closeSharedPool, disconnectControlDb, type CreatedTenant } from '@himal/db';
import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { upsertSupplierAccount } from '@himal/gds';
import { SIMULATED_SUPPLIERS, simulatorControl, startSimulators, type RunningSimulators } from '@himal/simulators';
import { expect, test } from '@playwright/test';
import { answered, apiClient, flightSearch, hotelSearch, insuranceQuote } from './search-api-client.ts';

/**
 * A failing supplier never fails a search. Faults go to simulators of this spec's own (started here,
 * on free ports) that only this spec's agency is connected to, so no other test sees them.
 */
let running: RunningSimulators;
let agency: CreatedTenant;

test.beforeAll(async () => {
  agency = await createTestTenant();
  running = await startSimulators({ ports: 'random' });
  for (const supplier of SIMULATED_SUPPLIERS) {
    const simulator = running.simulators.get(supplier.supplierId)!;
    await upsertSupplierAccount({
      supplierId: supplier.supplierId,
      scope: agency.tenant.id,
      endpoint: simulator.endpoint,
      credentials: supplier.credentials,
      products: supplier.products,
    });
  }
});

test.afterAll(async () => {
  await running.stop();
  await deleteTestTenants([agency]);
  await disconnectControlDb();
  await closeSharedPool();
});

test("a hotel supplier down: the other supplier's hotels, and a warning naming the one that failed", async () => {
  const staylink = running.simulators.get('staylink')!;
  await simulatorControl.addFault(staylink.url, { operation: '*', kind: 'http-status', status: 503 });
  const { data } = answered(await apiClient(agency.tenant.slug).POST('/api/v1/hotels/searches', { body: hotelSearch() }), 201);
  expect(data.offers.length).toBeGreaterThan(0);
  for (const offer of data.offers) expect(offer.sources).toEqual(['roomrack']);
  expect(data.warnings).toEqual([{ supplier: 'staylink', code: 'SUPPLIER_UNAVAILABLE', message: 'staylink answered HTTP 503' }]);
  await simulatorControl.clearFaults(staylink.url);
});

test("an air supplier sending broken XML: the other supplier's flights, and a warning", async () => {
  const skyways = running.simulators.get('skyways')!;
  await simulatorControl.addFault(skyways.url, { operation: '*', kind: 'malformed' });
  const { data } = answered(
    await apiClient(agency.tenant.slug).POST('/api/v1/air/offer-requests', { body: flightSearch() }),
    201,
  );
  expect(data.offers.length).toBeGreaterThan(0);
  for (const offer of data.offers) expect(offer.supplier).toBe('himalayan-gds');
  expect(data.warnings).toEqual([expect.objectContaining({ supplier: 'skyways', code: 'SUPPLIER_BAD_RESPONSE' })]);
  await simulatorControl.clearFaults(skyways.url);
});

test('a supplier answering 503 adds a warning naming it, and the search still answers', async () => {
  const safetrip = running.simulators.get('safetrip')!;
  await simulatorControl.addFault(safetrip.url, { operation: '*', kind: 'http-status', status: 503 });
  const api = apiClient(agency.tenant.slug);
  const { data } = answered(await api.POST('/api/v1/insurance/quotes', { body: insuranceQuote() }), 201);
  expect(data.warnings).toEqual([{ supplier: 'safetrip', code: 'SUPPLIER_UNAVAILABLE', message: 'safetrip answered HTTP 503' }]);
  for (const secret of Object.values(SIMULATED_SUPPLIERS.find((s) => s.supplierId === 'safetrip')!.credentials))
    expect(JSON.stringify(data)).not.toContain(secret);
  await simulatorControl.clearFaults(safetrip.url);

  const recovered = answered(await api.POST('/api/v1/insurance/quotes', { body: insuranceQuote() }), 201);
  expect(recovered.data.warnings).toEqual([]);
  expect(recovered.data.offers.length).toBeGreaterThan(0);
});
