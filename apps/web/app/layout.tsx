import { NONCE_HEADER, tenantBrand } from '@himal/http/next';
import { BrandStyle } from '@himal/ui';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { requestTenant } from '../lib/current-tenant.ts';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const tenant = await requestTenant();
  if (!tenant) return { title: 'Travel' };
  const brand = await tenantBrand(tenant);
  return { title: tenant.name, description: brand.tagline ?? `Flights, hotels and travel insurance with ${tenant.name}.` };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const tenant = await requestTenant();
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en">
      <head>{tenant && <BrandStyle theme={await tenantBrand(tenant)} nonce={nonce} />}</head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
