/**
 * npm start: everything Himal needs on one machine, in order: PostgreSQL (DATABASE_URL, else
 * localhost:5432, else an embedded server in .data/), migrations, demo agencies, the supplier
 * simulators (with the platform's supplier accounts and FX rates pointed at them), both apps.
 */
import { closeSharedPool, disconnectControlDb, rootDomain, runMigrations, stopDirectoryListener } from '@himal/db';
import { connectHimalDatabase } from '@himal/db/dev';
import { seedFxRates } from '@himal/gds';
import { SIMULATED_SUPPLIERS, seedSimulatorAccounts, startSimulators } from '@himal/simulators';
import { buildApps } from './lib/build-apps.ts';
import { appEnvironment, localSessionSecret, localSupplierCredentialsKey } from './lib/environment.ts';
import { npm, startService, stopService, waitForHealthy } from './lib/processes.ts';
import { DEMO_PLATFORM_OPERATOR, DEMO_TENANTS, seedDemoData } from './lib/seed-demo.ts';

const WEB_PORT = Number(process.env.WEB_PORT ?? 3000);
const ADMIN_PORT = Number(process.env.ADMIN_PORT ?? 3001);

const { url, server } = await connectHimalDatabase();
console.log(`database: ${server.source} (${new URL(url).host}${new URL(url).pathname})`);

const migrated = await runMigrations({
  onProgress: (p) => p.total > 0 && p.done === p.total && console.log(`migrations: ${p.done} tenant schemas brought up to date`),
});
if (migrated.failures.length > 0) {
  for (const failure of migrated.failures) console.error(`migration failed for ${failure.schemaName}: ${failure.error}`);
  process.exit(1);
}
const seeded = await seedDemoData();
if (seeded.created.length) console.log(`demo data created: ${seeded.created.join(', ')}`);
// Accounts are sealed here with the key the apps will open them with.
process.env.SUPPLIER_CREDENTIALS_KEY = localSupplierCredentialsKey();
const simulators = await startSimulators();
await seedSimulatorAccounts(simulators);
const ratesAdded = await seedFxRates();
if (ratesAdded) console.log(`FX rates seeded: ${ratesAdded}`);
await stopDirectoryListener();
await disconnectControlDb();
await closeSharedPool();

await buildApps();

const env = appEnvironment(url, localSessionSecret());
const services = [
  startService('web', npm, ['run', 'start', '-w', '@himal/web'], {
    env: { ...env, PORT: String(WEB_PORT) },
  }),
  startService('admin', npm, ['run', 'start', '-w', '@himal/admin'], {
    env: { ...env, PORT: String(ADMIN_PORT) },
  }),
];

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all(services.map((service) => stopService(service)));
    await simulators.stop().catch(() => undefined);
    await server.stop().catch(() => undefined);
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
for (const service of services) {
  service.on('exit', (code) => {
    if (!stopping) {
      console.error(`a service exited (code ${code}); stopping`);
      void shutdown(1);
    }
  });
}

try {
  await Promise.all([
    waitForHealthy(`http://localhost:${WEB_PORT}/api/health`),
    waitForHealthy(`http://localhost:${ADMIN_PORT}/api/health`),
  ]);
} catch (error) {
  console.error((error as Error).message);
  await shutdown(1);
}

const root = rootDomain();
console.log(`
Himal is running.
  Traveller sites   ${DEMO_TENANTS.map((t) => `http://${t.slug}.${root}:${WEB_PORT}`).join('   ')}
  Agency panels     ${DEMO_TENANTS.map((t) => `http://${t.slug}.admin.${root}:${ADMIN_PORT}`).join('   ')}
  Platform console  http://admin.${root}:${ADMIN_PORT}
  Health            http://localhost:${WEB_PORT}/api/health   http://localhost:${ADMIN_PORT}/api/health
  Search API        http://${DEMO_TENANTS[0]!.slug}.${root}:${WEB_PORT}/api/v1/openapi.json

Supplier simulators (SOAP; fault injection at <url>/_control/faults):
${SIMULATED_SUPPLIERS.filter((s) => simulators.simulators.has(s.supplierId))
  .map(
    (s) => `  ${s.supplierId.padEnd(17)} ${simulators.simulators.get(s.supplierId)!.endpoint}?wsdl   (${s.products.join(', ')})`,
  )
  .join('\n')}

Demo sign-ins (local only):
${DEMO_TENANTS.map((t) => `  ${t.name.padEnd(17)} ${t.adminEmail} / ${t.adminPassword}`).join('\n')}
  ${'Platform operator'.padEnd(17)} ${DEMO_PLATFORM_OPERATOR.email} / ${DEMO_PLATFORM_OPERATOR.password}

Ctrl-C stops everything.`);
