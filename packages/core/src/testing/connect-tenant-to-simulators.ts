import { upsertSupplierAccount } from '@himal/gds';
import { SIMULATED_SUPPLIERS, type RunningSimulators } from '@himal/simulators';

/**
 * Tests: the tenant's own supplier accounts (scope = its id) pointed at running simulators, so a
 * test's searches reach its simulators whatever platform accounts other tests leave behind.
 */
export async function connectTenantToSimulators(tenantId: string, running: RunningSimulators): Promise<void> {
  for (const supplier of SIMULATED_SUPPLIERS) {
    const simulator = running.simulators.get(supplier.supplierId);
    if (!simulator) continue;
    await upsertSupplierAccount({
      supplierId: supplier.supplierId,
      scope: tenantId,
      endpoint: simulator.endpoint,
      credentials: supplier.credentials,
      products: supplier.products,
    });
  }
}
