import { forgetBlockedRateLimitKeys } from '@himal/db';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { admitSignInAttempt, recordSuccessfulSignIn, SIGN_IN_LIMITS } from './sign-in-throttle.ts';

const realm = () => `tenant:${randomBytes(8).toString('hex')}`;
const attempt = (overrides: Partial<{ realm: string; email: string; client: string }> = {}) => ({
  realm: 'tenant:0000000000000000',
  email: 'owner@agency.test',
  client: '198.51.100.1',
  ...overrides,
});

describe('sign-in throttling', () => {
  afterEach(() => forgetBlockedRateLimitKeys());

  it("refuses a client after 5 attempts on one account, but not the account's owner elsewhere", async () => {
    const guessed = attempt({ realm: realm() });
    for (let i = 0; i < 5; i++) expect((await admitSignInAttempt(guessed)).admitted).toBe(true);
    const refused = await admitSignInAttempt(guessed);
    expect(refused.admitted).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(SIGN_IN_LIMITS.windowMs - 60_000);
    expect((await admitSignInAttempt({ ...guessed, client: '203.0.113.50' })).admitted).toBe(true);
    // The same email in another realm is another account.
    expect((await admitSignInAttempt({ ...guessed, realm: realm() })).admitted).toBe(true);
  });

  it('lets exactly 5 of 40 parallel attempts through', async () => {
    const guessed = attempt({ realm: realm(), client: '198.51.100.40' });
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => admitSignInAttempt(guessed)));
    expect(outcomes.filter((o) => o.admitted)).toHaveLength(5);
  });

  it('limits one client spraying many accounts', async () => {
    const sprayer = '198.51.100.77';
    const r = realm();
    const outcomes = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perClient + 5; i++)
      outcomes.push((await admitSignInAttempt({ realm: r, email: `user${i}@agency.test`, client: sprayer })).admitted);
    expect(outcomes.filter(Boolean)).toHaveLength(SIGN_IN_LIMITS.perClient);
    expect((await admitSignInAttempt({ realm: r, email: 'user0@agency.test', client: '198.51.100.78' })).admitted).toBe(true);
  });

  it('forgets the attempts of a successful sign-in', async () => {
    const owner = attempt({ realm: realm(), client: '198.51.100.90' });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await admitSignInAttempt(owner)).admitted).toBe(true);
      await recordSuccessfulSignIn(owner);
    }
    expect((await admitSignInAttempt(owner)).admitted).toBe(true);
  });
});
