import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * eSewa's ePay v2 signature, written again here because the simulators never import @himal/core
 * (the package sits beside the domain, not on it): HMAC-SHA256 with the merchant's secret key,
 * base64, over `name=value` pairs of the fields `signed_field_names` lists, in that order, joined
 * by commas. Undefined when a listed field is missing, so the caller refuses the message.
 */
export function signEsewaFields(
  fields: Record<string, string | undefined>,
  signedFieldNames: readonly string[],
  secret: string,
): string | undefined {
  const pairs: string[] = [];
  for (const name of signedFieldNames) {
    const value = fields[name];
    if (value === undefined) return undefined;
    pairs.push(`${name}=${value}`);
  }
  return createHmac('sha256', secret).update(pairs.join(','), 'utf8').digest('base64');
}

/** Constant-time comparison, so that a forger learns nothing from how long a refusal takes. */
export function sameSignature(expected: string | undefined, given: string | undefined): boolean {
  if (expected === undefined || given === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
