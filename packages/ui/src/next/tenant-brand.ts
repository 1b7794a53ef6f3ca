import { withTenant, type Tenant } from '@himal/db';
import { cache } from 'react';
import { brandTheme, type BrandTheme } from '../theme/brand-theme.ts';

/** The agency's theme settings, read from its own schema once per request (React `cache`). */
export const tenantBrand = cache(async (tenant: Tenant): Promise<BrandTheme> => {
  const settings = await withTenant(tenant, (tx) => tx.themeSettings.findUnique({ where: { id: 1 } }));
  return brandTheme(settings);
});
