import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.ts';

describe('SignInThrottle', () => {
  it('refuses an account after 5 failures within the window, until the window passes', () => {
    const throttle = new SignInThrottle(5, 60_000);
    const start = 1_000_000;
    for (let i = 0; i < 4; i++) throttle.recordFailure('tenant:a:x@y.test', start + i * 1_000);
    expect(throttle.retryAfterMs('tenant:a:x@y.test', start + 4_000)).toBe(0);
    throttle.recordFailure('tenant:a:x@y.test', start + 4_000);
    expect(throttle.retryAfterMs('tenant:a:x@y.test', start + 5_000)).toBe(55_000);
    expect(throttle.retryAfterMs('tenant:b:x@y.test', start + 5_000)).toBe(0); // another realm is another account
    expect(throttle.retryAfterMs('tenant:a:x@y.test', start + 60_001)).toBe(0);
  });

  it('forgets failures after a successful sign-in', () => {
    const throttle = new SignInThrottle(2, 60_000);
    throttle.recordFailure('k', 0);
    throttle.recordSuccess('k');
    throttle.recordFailure('k', 1);
    expect(throttle.retryAfterMs('k', 2)).toBe(0);
  });

  it('keeps its memory bounded', () => {
    const throttle = new SignInThrottle(5, 60_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) throttle.recordFailure(key, 0);
    for (let i = 0; i < 5; i++) throttle.recordFailure('d', i);
    expect(throttle.retryAfterMs('d', 10)).toBeGreaterThan(0);
  });
});
