import { NONCE_HEADER } from '@himal/http/next';
import { BrandStyle } from '@himal/ui';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { currentRealm } from '../lib/current-realm.ts';
import { realmIdentity } from '../lib/realm-brand.ts';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const identity = await realmIdentity(await currentRealm());
  return { title: `${identity.panel} · ${identity.name}`, robots: { index: false, follow: false } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const identity = await realmIdentity(await currentRealm());
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en">
      <head>
        <BrandStyle theme={identity.brand} nonce={nonce} />
      </head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
