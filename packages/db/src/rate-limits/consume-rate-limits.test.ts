import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { consumeRateLimits, forgetBlockedRateLimitKeys } from './consume-rate-limits.ts';

const key = (name: string) => `test:${name}:${randomBytes(4).toString('hex')}`;

describe('rate limit counters', () => {
  afterEach(() => forgetBlockedRateLimitKeys());

  it('allow `limit` hits per window, then refuse until the window ends', async () => {
    const k = key('window');
    const hit = () => consumeRateLimits([{ key: k, limit: 3, windowMs: 400 }]).then(([o]) => o!);
    expect((await hit()).remaining).toBe(2);
    await hit();
    expect(await hit()).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await hit();
    expect(refused.allowed).toBe(false);
    expect(refused.resetsAt.getTime()).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, refused.resetsAt.getTime() - Date.now() + 50));
    expect(await hit()).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('count 40 hits at once exactly: 5 allowed, 35 refused', async () => {
    const k = key('race');
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const [outcome] = await consumeRateLimits([{ key: k, limit: 5, windowMs: 60_000 }]);
        return outcome!.allowed;
      }),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(5);
  });

  it('count one request against several keys in one statement, each with its own limit', async () => {
    const agency = key('agency');
    const client = key('client');
    const request = () =>
      consumeRateLimits([
        { key: agency, limit: 10, windowMs: 60_000 },
        { key: client, limit: 1, windowMs: 60_000 },
      ]);
    expect((await request()).map((o) => o.allowed)).toEqual([true, true]);
    expect((await request()).map((o) => o.allowed)).toEqual([true, false]);
  });

  it('refuse duplicate keys in one request', async () => {
    const k = key('duplicate');
    await expect(
      consumeRateLimits([
        { key: k, limit: 1, windowMs: 1_000 },
        { key: k, limit: 1, windowMs: 1_000 },
      ]),
    ).rejects.toThrow(/distinct/);
  });
});
