import { SearchError } from '@himal/core';
import { describe, expect, it } from 'vitest';
import { errorResponse } from './api-response.ts';

describe('error answers', () => {
  it('tell an overloaded client when to come back: 503 with Retry-After and the JSON error body', async () => {
    const response = errorResponse(
      new SearchError('SEARCH_OVERLOADED', 'too many searches are under way; try again shortly', { retryAfterSeconds: 2 }),
      'req_test',
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({
      error: { code: 'SEARCH_OVERLOADED', message: 'too many searches are under way; try again shortly', request_id: 'req_test' },
    });
  });

  it('hide what went wrong inside behind a request id', async () => {
    const response = errorResponse(new Error('connection string postgresql://secret@db'), 'req_test');
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(JSON.stringify(await response.json())).not.toContain('secret');
  });
});
