import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { applySecurityHeaders } from '../next/security-headers.ts';

/**
 * What is refused before a request reaches Next.js, which would otherwise answer some of these
 * itself, without the platform's headers: an absolute-form target (`GET http://evil.example/`),
 * which Next turned into a 308 to that host; a request with two Host headers (which one names the
 * tenant?); methods no route serves (TRACE, CONNECT, ...), which Next answered with a plain-text 500.
 */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export interface EdgeRefusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

export function refuseAtEdge(request: Pick<IncomingMessage, 'method' | 'url' | 'rawHeaders'>): EdgeRefusal | null {
  const target = request.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//'))
    return { status: 400, code: 'BAD_REQUEST', message: 'the request target must be a path on this host' };
  let hosts = 0;
  for (let i = 0; i < request.rawHeaders.length; i += 2) if (request.rawHeaders[i]!.toLowerCase() === 'host') hosts += 1;
  if (hosts !== 1) return { status: 400, code: 'BAD_REQUEST', message: 'a request names exactly one Host' };
  if (!(ALLOWED_METHODS as readonly string[]).includes(request.method ?? ''))
    return {
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: `${request.method} is not served here`,
      headers: { Allow: ALLOWED_METHODS.join(', ') },
    };
  return null;
}

/** The API's JSON error body under /api/, plain text elsewhere; the platform's security headers on both. */
export function edgeRefusalResponse(refusal: EdgeRefusal, path: string): { status: number; headers: Headers; body: string } {
  const headers = new Headers({ 'Cache-Control': 'no-store', Connection: 'close', ...refusal.headers });
  applySecurityHeaders(headers, { contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", https: false });
  let body: string;
  if (path.startsWith('/api/')) {
    const requestId = `req_${randomBytes(12).toString('base64url')}`;
    headers.set('Content-Type', 'application/json; charset=utf-8');
    headers.set('X-Request-Id', requestId);
    body = JSON.stringify({ error: { code: refusal.code, message: refusal.message, request_id: requestId } });
  } else {
    headers.set('Content-Type', 'text/plain; charset=utf-8');
    body = `${refusal.status} ${refusal.message}\n`;
  }
  return { status: refusal.status, headers, body };
}

/**
 * The address of the client, as this server can know it: the socket's peer, or, behind
 * `trustedProxyHops` proxies of our own (TRUSTED_PROXY_HOPS), the address the outermost of them saw
 * (X-Forwarded-For entries further left were written by the client and prove nothing).
 */
export function clientAddressOf(
  forwardedFor: string | string[] | undefined,
  peer: string | undefined,
  trustedProxyHops: number,
): string {
  const socketAddress = peer ?? 'unknown';
  if (trustedProxyHops <= 0) return socketAddress;
  const chain = [
    ...(Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    socketAddress,
  ];
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!;
}
