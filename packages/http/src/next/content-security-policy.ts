import { randomBytes } from 'node:crypto';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The policy for app pages, after Next's nonce pattern: Next reads the nonce from this header on the
 * request and stamps it on its own scripts and styles. No inline `style` attributes are allowed, so
 * per-tenant colours arrive in a nonce'd `<style>` element. Logos may live on any https host.
 */
export function pageContentSecurityPolicy(nonce: string, options: { https: boolean; development: boolean }): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? ` 'unsafe-eval'` : ''}`,
    // `next dev` needs eval (React's debugging) and un-nonced inline styles (Next's dev overlay);
    // production builds need neither. A nonce would make browsers ignore 'unsafe-inline', so dev has none.
    options.development ? `style-src 'self' 'unsafe-inline'` : `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' blob: data: https:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    // Only over https: on a plain-http origin it would rewrite the page's own assets to https.
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The policy for the proxy's own error pages: nothing but their one inline stylesheet. */
export function errorPageContentSecurityPolicy(nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src 'nonce-${nonce}'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
