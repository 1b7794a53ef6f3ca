import { createHash, randomBytes } from 'node:crypto';
import type { Tenant } from '@himal/db';
import { rootDomain } from '@himal/db';
import type { SupplierBookingOptions } from '@himal/gds';
import type { PaymentProvider, PaymentProviderId } from '../payments/payment-provider.ts';
import { paymentProviders } from '../payments/payment-providers.ts';
import type { PolicyContext } from './product-policies.ts';

/** What every booking step may be given instead of the process defaults (tests, benchmarks). */
export interface BookingOptions {
  /** Who acts: traveller, api-key:<id>, provider:<id>, job:<name>. */
  actor?: string;
  now?: () => Date;
  suppliers?: Omit<SupplierBookingOptions, 'tenantId'>;
  providers?: Partial<Record<PaymentProviderId, PaymentProvider>>;
}

export function policyContext(tenant: Pick<Tenant, 'id'>, options: BookingOptions): PolicyContext {
  return { supplierOptions: { ...options.suppliers, tenantId: tenant.id }, now: options.now?.() ?? new Date() };
}

export function providersOf(options: BookingOptions): Partial<Record<PaymentProviderId, PaymentProvider>> {
  return options.providers ?? paymentProviders();
}

/**
 * The agency's traveller site, where providers send travellers back after paying:
 * SITE_URL_TEMPLATE (default `http://{slug}.{root}:3000`), `{slug}` and `{root}` filled in.
 */
export function tenantSiteUrl(tenant: Pick<Tenant, 'slug'>): string {
  const template = process.env.SITE_URL_TEMPLATE ?? `http://{slug}.{root}:${process.env.WEB_PORT ?? '3000'}`;
  return template.replace('{slug}', tenant.slug).replace('{root}', rootDomain());
}

/** An order's access token: shown to the traveller once; only its SHA-256 is kept. */
export function newAccessToken(): { token: string; hash: string } {
  const token = `oat_${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashAccessToken(token) };
}

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
