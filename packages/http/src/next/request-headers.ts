/**
 * Headers `proxy.ts` hands to the app. Every incoming header with the `x-himal-` prefix is dropped
 * first, so the app can trust these to come from the proxy and never from the client.
 */
export const HIMAL_HEADER_PREFIX = 'x-himal-';
/** The id of the tenant the Host resolved to (traveller site and agency panel). */
export const TENANT_ID_HEADER = 'x-himal-tenant-id';
/** Present when the Host is the platform console (admin.<root>). */
export const PLATFORM_CONSOLE_HEADER = 'x-himal-platform-console';
/** The per-request CSP nonce, read by layouts that render inline `<style>`/`<script>`. */
export const NONCE_HEADER = 'x-nonce';

export function withoutHimalHeaders(incoming: Headers): Headers {
  const headers = new Headers(incoming);
  for (const name of [...headers.keys()]) {
    if (name.startsWith(HIMAL_HEADER_PREFIX) || name === NONCE_HEADER) headers.delete(name);
  }
  return headers;
}

/**
 * The client's address as the server in front of the app wrote it into X-Forwarded-For
 * (packages/http/src/server: the socket's peer, or what its trusted proxies saw); 'unknown' without.
 */
export function clientAddressFrom(forwardedFor: unknown): string {
  return (typeof forwardedFor === 'string' ? forwardedFor.split(',')[0]?.trim() : undefined) || 'unknown';
}
