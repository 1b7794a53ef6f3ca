import { afterEach, describe, expect, it } from 'vitest';
import {
  directoryAnswerTtlMs,
  directoryCache,
  directoryEpoch,
  invalidateDirectory,
  invalidateTenantAnswers,
} from './directory-cache.ts';

describe('the directory cache', () => {
  afterEach(() => invalidateDirectory());

  it("drops only the changed tenant's answers and the cached unknown hosts on its notice", () => {
    const a = { id: 'aaaaaaaaaaaaaaaa', slug: 'a' };
    const b = { id: 'bbbbbbbbbbbbbbbb', slug: 'b' };
    directoryCache.set('slug:a', { value: a });
    directoryCache.set('id:aaaaaaaaaaaaaaaa', { value: a });
    directoryCache.set('slug:b', { value: b });
    directoryCache.set('slug:nobody', { value: null });
    invalidateTenantAnswers(a.id);
    expect([...directoryCache.keys()]).toEqual(['slug:b']);
  });

  it('keeps no answer whose lookup overlapped a notice', () => {
    const before = directoryEpoch();
    expect(directoryAnswerTtlMs(before)).toBeGreaterThan(0);
    invalidateTenantAnswers('aaaaaaaaaaaaaaaa');
    expect(directoryAnswerTtlMs(before)).toBe(0);
    expect(directoryAnswerTtlMs(directoryEpoch())).toBeGreaterThan(0);
  });
});
