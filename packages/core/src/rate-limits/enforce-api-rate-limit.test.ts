import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientKey } from '@himal/db';
import { enforceApiRateLimit, RateLimitedError } from './enforce-api-rate-limit.ts';

const agency = (apiLimits: Record<string, number>) => ({ id: randomBytes(8).toString('hex'), apiLimits });
const refusal = (promise: Promise<void>) =>
  promise.then(
    () => null,
    (error: unknown) => error as RateLimitedError,
  );

describe('API rate limits', () => {
  it("refuse one client past its limit with a Retry-After, and leave the agency's other clients alone", async () => {
    const everest = agency({ clientSearchesPerMinute: 3 });
    for (let i = 0; i < 3; i++) await enforceApiRateLimit(everest, '198.51.100.7', 'search');
    const refused = await refusal(enforceApiRateLimit(everest, '198.51.100.7', 'search'));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', scope: 'client' });
    expect(refused!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(enforceApiRateLimit(everest, '198.51.100.8', 'search')).resolves.toBeUndefined();
    // Reads are counted apart from searches.
    await expect(enforceApiRateLimit(everest, '198.51.100.7', 'read')).resolves.toBeUndefined();
  });

  it('refuse an agency past its own limit across clients, and no other agency', async () => {
    const everest = agency({ searchesPerMinute: 4 });
    const lumbini = agency({ searchesPerMinute: 4 });
    for (let i = 0; i < 4; i++) await enforceApiRateLimit(everest, `198.51.100.${i}`, 'search');
    expect(await refusal(enforceApiRateLimit(everest, '198.51.100.99', 'search'))).toMatchObject({ scope: 'agency' });
    await expect(enforceApiRateLimit(lumbini, '198.51.100.99', 'search')).resolves.toBeUndefined();
  });

  it('count a flood of parallel requests exactly', async () => {
    const everest = agency({ clientSearchesPerMinute: 10 });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => refusal(enforceApiRateLimit(everest, '203.0.113.1', 'search'))),
    );
    expect(results.filter((r) => r === null)).toHaveLength(10);
  });

  it('count an IPv6 client by its /64, and an IPv4-mapped address as IPv4', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(clientKey('203.0.113.5')).toBe('203.0.113.5');
  });
});
