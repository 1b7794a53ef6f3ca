import { isIP } from 'node:net';

/** Which app a request reached: the traveller site or the admin panel. */
export type Surface = 'web' | 'admin';

export type ParsedHost =
  | { kind: 'tenant-subdomain'; slug: string; host: string }
  | { kind: 'custom-domain'; host: string }
  | { kind: 'platform-console'; host: string }
  | { kind: 'invalid'; reason: string };

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Lowercases, drops the port and a trailing dot. Returns null for anything that is not a DNS name:
 * IP literals (v4, v6, bracketed) are never tenants.
 */
export function normalizeHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return null; // [::1]:3000
  const colon = host.lastIndexOf(':');
  if (colon !== -1) {
    if (host.indexOf(':') !== colon) return null; // bare IPv6
    const port = host.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port)) return null;
    host = host.slice(0, colon);
  }
  host = host.replace(/\.$/, '');
  if (isIP(host) !== 0) return null;
  if (/^\d+$/.test(host.replaceAll('.', ''))) return null; // 2130706433, 127.1
  return HOSTNAME.test(host) ? host : null;
}

/**
 * Where a Host points, without any database lookup:
 * web:   `<slug>.<root>` or a custom domain;
 * admin: `<slug>.admin.<root>` (agency panel) or `admin.<root>` (platform console).
 */
export function parseHost(raw: string | null | undefined, root: string, surface: Surface): ParsedHost {
  const host = normalizeHost(raw);
  if (!host) return { kind: 'invalid', reason: 'not a hostname' };
  const rootSuffix = `.${root}`;
  if (surface === 'admin') {
    const adminRoot = `admin.${root}`;
    if (host === adminRoot) return { kind: 'platform-console', host };
    if (host.endsWith(`.${adminRoot}`)) {
      const slug = host.slice(0, -(adminRoot.length + 1));
      return slug.includes('.') ? { kind: 'invalid', reason: 'nested subdomain' } : { kind: 'tenant-subdomain', slug, host };
    }
    return { kind: 'invalid', reason: 'not an admin host' };
  }
  if (host === root) return { kind: 'invalid', reason: 'the apex is not a tenant' };
  if (host.endsWith(rootSuffix)) {
    const slug = host.slice(0, -rootSuffix.length);
    return slug.includes('.') ? { kind: 'invalid', reason: 'nested subdomain' } : { kind: 'tenant-subdomain', slug, host };
  }
  return { kind: 'custom-domain', host };
}
