import type { HostResolution, Tenant } from '@himal/db';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { createTenantProxy } from './tenant-proxy.ts';

const everest: Tenant = {
  id: '0123456789abcdef',
  slug: 'everest',
  name: 'Everest Travels',
  status: 'active',
  schemaName: 't_0123456789abcdef',
};

function proxyAnswering(resolution: HostResolution | Error) {
  const resolveHost = vi.fn(async () => {
    if (resolution instanceof Error) throw resolution;
    return resolution;
  });
  return { proxy: createTenantProxy({ surface: 'web', resolveHost }), resolveHost };
}

function request(path: string, headers: Record<string, string>) {
  return new NextRequest(`http://localhost:3000${path}`, { headers });
}

/** What NextResponse.next({ request: { headers } }) forwards to the app: the override list and values. */
function forwarded(response: Response): Map<string, string> {
  const names = (response.headers.get('x-middleware-override-headers') ?? '').split(',').filter(Boolean);
  return new Map(names.map((name) => [name, response.headers.get(`x-middleware-request-${name}`) ?? '']));
}

describe('createTenantProxy', () => {
  it('forwards the resolved tenant and drops client-sent x-himal-* headers', async () => {
    const { proxy } = proxyAnswering({ kind: 'tenant', tenant: everest, host: 'everest.localhost' });
    const response = await proxy(
      request('/', {
        host: 'everest.localhost:3000',
        'x-himal-tenant-id': 'forged',
        'x-himal-platform-console': '1',
        'x-forwarded-host': 'evil.example',
      }),
    );
    const headers = forwarded(response);
    expect(headers.get('x-himal-tenant-id')).toBe(everest.id);
    expect(headers.has('x-himal-platform-console')).toBe(false);
    expect(headers.get('x-forwarded-host')).toBe('everest.localhost:3000');
    expect(headers.get('x-forwarded-proto')).toBe('http');
  });

  it('puts the same nonce in the CSP of the request and the response', async () => {
    const { proxy } = proxyAnswering({ kind: 'tenant', tenant: everest, host: 'everest.localhost' });
    const response = await proxy(request('/', { host: 'everest.localhost:3000' }));
    const csp = response.headers.get('content-security-policy')!;
    const nonce = forwarded(response).get('x-nonce')!;
    expect(csp).toContain(`'nonce-${nonce}'`);
    expect(forwarded(response).get('content-security-policy')).toBe(csp);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('over https forwards the protocol, upgrades insecure requests and sends HSTS', async () => {
    const { proxy } = proxyAnswering({ kind: 'tenant', tenant: everest, host: 'everest.example.com' });
    const response = await proxy(new NextRequest('https://everest.example.com/', { headers: { host: 'everest.example.com' } }));
    expect(forwarded(response).get('x-forwarded-proto')).toBe('https');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+$/);
  });

  it('answers an unknown host with a 404 page, a suspended tenant with a 503 and Retry-After', async () => {
    const notFound = await proxyAnswering({ kind: 'not-found', reason: 'no such tenant' }).proxy(
      request('/', { host: 'x.localhost' }),
    );
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toContain('text/html');

    const suspended = await proxyAnswering({ kind: 'suspended', tenant: everest, host: 'everest.localhost' }).proxy(
      request('/', { host: 'everest.localhost' }),
    );
    expect(suspended.status).toBe(503);
    expect(suspended.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await suspended.text()).not.toContain('Everest');
  });

  it('answers 503 when the directory cannot be reached', async () => {
    const { proxy } = proxyAnswering(new Error('connection refused'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await proxy(request('/', { host: 'everest.localhost' }))).status).toBe(503);
  });

  it('lets /api/health through on any host without asking the directory', async () => {
    const { proxy, resolveHost } = proxyAnswering({ kind: 'not-found', reason: 'not a hostname' });
    const response = await proxy(request('/api/health', { host: '127.0.0.1:3000', 'x-himal-tenant-id': 'forged' }));
    expect(response.status).toBe(200);
    expect(resolveHost).not.toHaveBeenCalled();
    expect(forwarded(response).has('x-himal-tenant-id')).toBe(false);
  });

  it('marks the platform console for the admin app', async () => {
    const resolveHost = vi.fn(async (): Promise<HostResolution> => ({ kind: 'platform-console', host: 'admin.localhost' }));
    const proxy = createTenantProxy({ surface: 'admin', resolveHost });
    const response = await proxy(request('/', { host: 'admin.localhost:3001' }));
    expect(forwarded(response).get('x-himal-platform-console')).toBe('1');
    expect(forwarded(response).has('x-himal-tenant-id')).toBe(false);
    expect(resolveHost).toHaveBeenCalledWith('admin.localhost:3001', 'admin');
  });
});
