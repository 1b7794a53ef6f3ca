import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { requestWithHost, WEB_PORT } from '../../../playwright/hosts.ts';

/** Requests no browser sends but anyone can: each gets a proper status, the platform's headers, and JSON under /api/. */
interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are (node:http would fix them up) and reads the answer until the server closes. */
function rawRequest(text: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(WEB_PORT, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = answer.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(text.replaceAll('\n', '\r\n'));
  });
}

function expectPlatformHeaders(answer: { headers: Record<string, string | string[] | undefined> }) {
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['x-frame-options']).toBe('DENY');
  expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

test.describe('the edges of HTTP', () => {
  test('an absolute-form target is refused, never redirected to the host it names', async () => {
    const answer = await rawRequest('GET http://evil.example/ HTTP/1.1\nHost: everest.localhost\nConnection: close\n\n');
    expect(answer.status).toBe(400);
    expect(answer.headers.location).toBeUndefined();
    expect(answer.body).not.toContain('evil.example');
    expectPlatformHeaders(answer);
  });

  test('a request with two Host headers is refused', async () => {
    const answer = await rawRequest('GET / HTTP/1.1\nHost: everest.localhost\nHost: lumbini.localhost\nConnection: close\n\n');
    expect(answer.status).toBe(400);
    expectPlatformHeaders(answer);
  });

  test('TRACE is not allowed, with the usual headers on a page and the JSON error body under /api/', async () => {
    const page = await rawRequest('TRACE / HTTP/1.1\nHost: everest.localhost\nConnection: close\n\n');
    expect(page.status).toBe(405);
    expect(page.headers.allow).toContain('GET');
    expectPlatformHeaders(page);
    const api = await rawRequest('TRACE /api/v1/air/offer-requests HTTP/1.1\nHost: everest.localhost\nConnection: close\n\n');
    expect(api.status).toBe(405);
    expect(api.headers['content-type']).toContain('application/json');
    expect(JSON.parse(api.body).error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', request_id: expect.stringMatching(/^req_/) });
  });

  test('a method a route does not serve is a 405 with Allow and the JSON error body', async () => {
    const answer = await requestWithHost(WEB_PORT, 'everest.localhost', '/api/v1/air/offer-requests', { method: 'DELETE' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
    expect(JSON.parse(answer.body).error).toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
      request_id: expect.stringMatching(/^req_/),
    });
  });

  test('the API on a host no agency answers is JSON, not the site page', async () => {
    const answer = await requestWithHost(WEB_PORT, 'nowhere.localhost', '/api/v1/offers/off_x');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(JSON.parse(answer.body).error).toMatchObject({ code: 'TENANT_NOT_FOUND', request_id: expect.stringMatching(/^req_/) });
    expectPlatformHeaders(answer);
  });
});
