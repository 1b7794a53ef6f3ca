// The data layer's surface. Tenant data is reachable only through functions that take the tenant.
// Development tools (finding or starting a database server, project paths) are @himal/db/dev.
export { databaseUrl, rootDomain } from './config.ts';
export { DbError, type DbErrorCode } from './errors.ts';
export { sharedPool, closeSharedPool, pingDatabase } from './pool.ts';
export { controlDb, disconnectControlDb, type ControlClient } from './control-client.ts';

export { type Tenant, type TenantStatus, type ApiLimits, apiLimitsSchema, RESERVED_SLUGS } from './tenants/tenant.ts';
export {
  tenantDb,
  withTenant,
  type TenantDb,
  type TenantDatabase,
  type TenantTransaction,
  type WithTenantOptions,
} from './tenants/tenant-db.ts';

export type { Surface } from './directory/parse-host.ts';
export { resolveTenantFromHost, findTenantBySlug, findTenantById, type HostResolution } from './directory/resolve-tenant.ts';
export { stopDirectoryListener } from './directory/directory-cache.ts';

export {
  runMigrations,
  type RunMigrationsOptions,
  type RunMigrationsResult,
  type MigrationProgress,
} from './migrations/run-migrations.ts';
export { loadMigrations, type Migration, type MigrationTarget } from './migrations/load-migrations.ts';

export {
  createTenant,
  validateSlug,
  themeInputSchema,
  type CreateTenantInput,
  type CreatedTenant,
  type ThemeInput,
} from './provisioning/create-tenant.ts';
export {
  listTenants,
  suspendTenant,
  resumeTenant,
  deleteTenant,
  addCustomDomain,
  markDomainVerified,
  setTenantApiLimits,
  type TenantSummary,
} from './provisioning/manage-tenants.ts';
export { clientKey } from './rate-limits/client-key.ts';
export {
  consumeRateLimits,
  refundRateLimits,
  forgetBlockedRateLimitKeys,
  type RateLimitHit,
  type RateLimitOutcome,
} from './rate-limits/consume-rate-limits.ts';
