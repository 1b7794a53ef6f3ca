import { createHash } from 'node:crypto';

/**
 * What makes two requests under one Idempotency-Key "the same request": the method, the path and
 * the body as data, so a client that re-serialises its body (other key order, other whitespace)
 * still gets its first answer, and one that changes anything gets IDEMPOTENCY_KEY_REUSED.
 */
export function fingerprintRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

/** JSON with every object's keys sorted; no body at all is the empty string. */
function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) =>
      inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : inner,
    ) ?? ''
  );
}
