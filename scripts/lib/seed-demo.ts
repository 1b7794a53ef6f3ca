import { ensurePlatformUser, hashPassword } from '@himal/auth';
import { createTenant, findTenantBySlug, type CreateTenantInput } from '@himal/db';

/** The demo agencies `npm start` creates, each with one admin; their passwords are for local use only. */
export const DEMO_TENANTS: ReadonlyArray<Omit<CreateTenantInput, 'adminPasswordHash'> & { adminPassword: string }> = [
  {
    slug: 'everest',
    name: 'Everest Travels',
    adminEmail: 'admin@everest.test',
    adminName: 'Pemba Sherpa',
    adminPassword: 'everest-admin-2026',
    theme: {
      tagline: 'Treks, flights and stays across the Himalaya',
      primaryColor: '#1d4ed8',
      accentColor: '#f97316',
      backgroundColor: '#f8fafc',
      textColor: '#0f172a',
      logoUrl: null,
    },
  },
  {
    slug: 'lumbini',
    name: 'Lumbini Tours',
    adminEmail: 'admin@lumbini.test',
    adminName: 'Sita Tharu',
    adminPassword: 'lumbini-admin-2026',
    theme: {
      tagline: 'Pilgrimages and heritage journeys in the Terai',
      primaryColor: '#b91c1c',
      accentColor: '#eab308',
      backgroundColor: '#fffbeb',
      textColor: '#1c1917',
      logoUrl: null,
    },
  },
];

export const DEMO_PLATFORM_OPERATOR = {
  email: 'operator@himal.test',
  name: 'Platform Operator',
  password: 'himal-operator-2026',
  role: 'owner' as const,
};

/** Creates whatever of the demo data is missing; leaves existing tenants and users as they are. */
export async function seedDemoData(): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const { adminPassword, ...demo } of DEMO_TENANTS) {
    if (await findTenantBySlug(demo.slug as string)) continue;
    await createTenant({ ...demo, adminPasswordHash: await hashPassword(adminPassword) });
    created.push(demo.slug as string);
  }
  const operator = await ensurePlatformUser(DEMO_PLATFORM_OPERATOR);
  if (operator.created) created.push(DEMO_PLATFORM_OPERATOR.email);
  return { created };
}
