import { tenantBrand } from '@himal/http/next';
import { brandTheme, PLATFORM_BRAND, type BrandTheme } from '@himal/ui';
import type { AdminRealm } from './current-realm.ts';

export const PLATFORM_NAME = 'Himal';

/** How a realm presents itself: an agency in its own colours, the console in Himal's. */
export async function realmIdentity(realm: AdminRealm): Promise<{ name: string; panel: string; brand: BrandTheme }> {
  if (realm.kind === 'platform') return { name: PLATFORM_NAME, panel: 'Platform console', brand: brandTheme(PLATFORM_BRAND) };
  return { name: realm.tenant.name, panel: 'Agency admin', brand: await tenantBrand(realm.tenant) };
}
