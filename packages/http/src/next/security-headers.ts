/** Response headers every page and API answer carries, whichever tenant it is for. */
export function applySecurityHeaders(headers: Headers, options: { contentSecurityPolicy?: string; https: boolean }): void {
  if (options.contentSecurityPolicy) headers.set('Content-Security-Policy', options.contentSecurityPolicy);
  headers.set('X-Frame-Options', 'DENY');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  // Per host, without includeSubDomains: a custom domain's other subdomains are the agency's business.
  if (options.https) headers.set('Strict-Transport-Security', 'max-age=63072000');
}
