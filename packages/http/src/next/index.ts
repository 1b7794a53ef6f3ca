// Next.js server glue shared by apps/web and apps/admin: the tenant proxy and the headers it sets,
// the tenant's brand for a request, health answers.
export { createTenantProxy, HEALTH_PATH, type TenantProxyOptions } from './tenant-proxy.ts';
export { clientAddressFrom, NONCE_HEADER, PLATFORM_CONSOLE_HEADER, TENANT_ID_HEADER } from './request-headers.ts';
export { tenantBrand } from './tenant-brand.ts';
export { healthResponse, type HealthReport } from './health.ts';
