import { describe, expect, it } from 'vitest';
import { clientAddressOf, edgeRefusalResponse, refuseAtEdge } from './http-edge.ts';

const request = (method: string, url: string, rawHeaders = ['Host', 'everest.localhost']) => ({ method, url, rawHeaders });

describe('the HTTP edge', () => {
  it('lets ordinary requests through', () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
      expect(refuseAtEdge(request(method, '/api/v1/offers/off_x?x=1'))).toBeNull();
  });

  it('refuses targets that are not a path on this host', () => {
    for (const url of ['http://evil.example/', 'https://everest.localhost/', '*', '//evil.example/', ''])
      expect(refuseAtEdge(request('GET', url)), url).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('refuses a request that names two hosts, whatever their case', () => {
    const twoHosts = ['Host', 'everest.localhost', 'host', 'lumbini.localhost'];
    expect(refuseAtEdge(request('GET', '/', twoHosts))).toMatchObject({ status: 400 });
  });

  it('refuses methods no route serves, saying which are', () => {
    for (const method of ['TRACE', 'TRACK', 'CONNECT', 'PROPFIND'])
      expect(refuseAtEdge(request(method, '/'))).toMatchObject({
        status: 405,
        headers: { Allow: expect.stringContaining('GET') },
      });
  });

  it('answers the API with its JSON error body and pages with text, both with the security headers', () => {
    const refusal = refuseAtEdge(request('TRACE', '/'))!;
    const api = edgeRefusalResponse(refusal, '/api/v1/air/offer-requests');
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(api.body).error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', request_id: api.headers.get('x-request-id') });
    const page = edgeRefusalResponse(refusal, '/');
    expect(page.headers.get('content-type')).toContain('text/plain');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it("takes the client's address from the socket, or from the hop its own proxies vouch for", () => {
    expect(clientAddressOf('203.0.113.9', '127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddressOf(undefined, '10.0.0.5', 1)).toBe('10.0.0.5');
    expect(clientAddressOf('203.0.113.9', '10.0.0.5', 1)).toBe('203.0.113.9');
    // A client that writes its own X-Forwarded-For only moves entries the proxy did not write.
    expect(clientAddressOf('1.2.3.4, 203.0.113.9', '10.0.0.5', 1)).toBe('203.0.113.9');
    expect(clientAddressOf('1.2.3.4, 203.0.113.9, 10.0.0.4', '10.0.0.5', 2)).toBe('203.0.113.9');
    expect(clientAddressOf(['1.2.3.4', '203.0.113.9'], '10.0.0.5', 1)).toBe('203.0.113.9');
  });
});
