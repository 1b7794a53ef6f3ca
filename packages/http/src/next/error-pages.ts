import { randomBytes } from 'node:crypto';
import { errorPageContentSecurityPolicy, newNonce } from './content-security-policy.ts';
import { applySecurityHeaders } from './security-headers.ts';

export type ErrorPageKind = 'unknown-host' | 'suspended' | 'unavailable';

const PAGES: Record<ErrorPageKind, { status: number; code: string; title: string; message: string; retryAfterSeconds?: number }> =
  {
    'unknown-host': {
      status: 404,
      code: 'TENANT_NOT_FOUND',
      title: 'Site not found',
      message: 'There is no travel site at this address. Check the link, or ask the agency for its current address.',
    },
    suspended: {
      status: 503,
      code: 'TENANT_SUSPENDED',
      title: 'Temporarily unavailable',
      message: 'This travel site is not available at the moment. Please try again later.',
      retryAfterSeconds: 3600,
    },
    unavailable: {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      title: 'Temporarily unavailable',
      message: 'We could not reach our systems just now. Please try again in a moment.',
      retryAfterSeconds: 30,
    },
  };

const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f8fafc; color: #0f172a;
         font: 16px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 32rem; padding: 2rem; text-align: center; }
  .code { font-size: .875rem; font-weight: 600; letter-spacing: .08em; color: #0f766e; }
  h1 { margin: .5rem 0 1rem; font-size: 1.875rem; line-height: 1.2; }
  p { margin: 0; color: #475569; }`;

/**
 * The proxy answers unknown hosts and unavailable tenants itself, before any app code runs, with a
 * self-contained page (no tenant branding: there is no tenant to brand it with).
 */
export function errorPageResponse(kind: ErrorPageKind, options: { https: boolean }): Response {
  const page = PAGES[kind];
  const nonce = newNonce();
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
<div class="code">${page.status}</div>
<h1>${page.title}</h1>
<p>${page.message}</p>
</main>
</body>
</html>
`;
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  if (page.retryAfterSeconds) headers.set('Retry-After', String(page.retryAfterSeconds));
  applySecurityHeaders(headers, { contentSecurityPolicy: errorPageContentSecurityPolicy(nonce), https: options.https });
  return new Response(html, { status: page.status, headers });
}

/** The same answers for API clients: the API's JSON error body, with a request id. */
export function apiErrorResponse(kind: ErrorPageKind, options: { https: boolean }): Response {
  const page = PAGES[kind];
  const requestId = `req_${randomBytes(12).toString('base64url')}`;
  const headers = new Headers({
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Request-Id': requestId,
  });
  if (page.retryAfterSeconds) headers.set('Retry-After', String(page.retryAfterSeconds));
  applySecurityHeaders(headers, { contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", https: options.https });
  const body = { error: { code: page.code, message: page.message, request_id: requestId } };
  return new Response(JSON.stringify(body), { status: page.status, headers });
}
