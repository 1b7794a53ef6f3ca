import { describe, expect, it } from 'vitest';
import { normalizeHost, parseHost } from './parse-host.ts';

describe('normalizeHost', () => {
  it.each([
    ['everest.localhost', 'everest.localhost'],
    ['EVEREST.LocalHost', 'everest.localhost'],
    ['everest.localhost.', 'everest.localhost'],
    ['everest.localhost:3000', 'everest.localhost'],
    ['Everest.Localhost.:3000', 'everest.localhost'],
    ['  travel.example.com ', 'travel.example.com'],
  ])('%s -> %s', (raw, expected) => expect(normalizeHost(raw)).toBe(expected));

  it.each([
    ['127.0.0.1'],
    ['127.0.0.1:3000'],
    ['10.1.2.3'],
    ['[::1]'],
    ['[::1]:3000'],
    ['::1'],
    ['2130706433'],
    ['127.1'],
    [''],
    ['evil.com:abc'],
    ['bad_host.localhost'],
    ['-lead.localhost'],
    ['a..b'],
    ['x'.repeat(64) + '.localhost'],
  ])('rejects %j', (raw) => expect(normalizeHost(raw)).toBeNull());

  it('rejects a missing host', () => {
    expect(normalizeHost(null)).toBeNull();
    expect(normalizeHost(undefined)).toBeNull();
  });
});

describe('parseHost on the traveller site', () => {
  const web = (host: string, root = 'localhost') => parseHost(host, root, 'web');

  it('reads a subdomain of the root as a slug', () => {
    expect(web('everest.localhost:3000')).toEqual({ kind: 'tenant-subdomain', slug: 'everest', host: 'everest.localhost' });
    expect(web('EVEREST.himal.travel.', 'himal.travel')).toEqual({
      kind: 'tenant-subdomain',
      slug: 'everest',
      host: 'everest.himal.travel',
    });
  });

  it('treats any other name as a custom domain', () => {
    expect(web('www.everest-travels.com')).toEqual({ kind: 'custom-domain', host: 'www.everest-travels.com' });
  });

  it('never treats the apex, nested subdomains or IP literals as tenants', () => {
    expect(web('localhost:3000').kind).toBe('invalid');
    expect(web('a.everest.localhost').kind).toBe('invalid');
    expect(web('127.0.0.1:3000').kind).toBe('invalid');
    expect(web('[::1]:3000').kind).toBe('invalid');
  });
});

describe('parseHost on the admin panel', () => {
  const admin = (host: string) => parseHost(host, 'localhost', 'admin');

  it('reads <slug>.admin.<root> as an agency panel and admin.<root> as the platform console', () => {
    expect(admin('everest.admin.localhost:3001')).toEqual({
      kind: 'tenant-subdomain',
      slug: 'everest',
      host: 'everest.admin.localhost',
    });
    expect(admin('ADMIN.localhost.:3001')).toEqual({ kind: 'platform-console', host: 'admin.localhost' });
  });

  it('refuses traveller hosts, custom domains and nested names', () => {
    expect(admin('everest.localhost').kind).toBe('invalid');
    expect(admin('admin.everest-travels.com').kind).toBe('invalid');
    expect(admin('x.everest.admin.localhost').kind).toBe('invalid');
    expect(admin('127.0.0.1:3001').kind).toBe('invalid');
  });
});
