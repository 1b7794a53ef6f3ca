import { tenantDb, type Tenant } from '@himal/db';
import { cache } from 'react';
import { brandTheme, type BrandTheme } from '@himal/ui';

/** The agency's theme settings, read from its own schema once per request (React `cache`). */
export const tenantBrand = cache(async (tenant: Tenant): Promise<BrandTheme> => {
  const settings = await tenantDb(tenant)
    .selectFrom('theme_settings')
    .select([
      'primary_color as primaryColor',
      'accent_color as accentColor',
      'background_color as backgroundColor',
      'text_color as textColor',
      'font_family as fontFamily',
      'logo_url as logoUrl',
      'tagline',
    ])
    .where('id', '=', 1)
    .executeTakeFirst();
  return brandTheme(settings ?? null);
});
