import { inspect } from 'node:util';

/**
 * How the platform reaches eSewa, read from the environment. Nothing defaults: with none of the
 * variables set, eSewa is simply not offered; with some set and others missing the process says
 * which are missing, since a half-configured payment method fails in front of a traveller. The
 * refund URL is optional because ePay v2 has no refund API of its own (see esewa-provider.ts):
 * without it, refunds are refused rather than pretended. The secret key is never printed:
 * console.log, util.inspect and JSON.stringify show "[redacted]".
 */
export interface EsewaProviderConfig {
  /** Where the traveller's browser posts the payment form: https://rc-epay.esewa.com.np/api/epay/main/v2/form (UAT). */
  formUrl: string;
  /** eSewa's status check: https://rc.esewa.com.np/api/epay/transaction/status/ (UAT). */
  statusUrl: string;
  /** The merchant's refund channel, a contract of this platform's (the local eSewa serves it). */
  refundUrl?: string;
  /** The merchant's product code (EPAYTEST in UAT). */
  productCode: string;
  /** The merchant's ePay v2 secret key. */
  secretKey: string;
  /** Per call to eSewa; default 10 s. */
  timeoutMs?: number;
}

export const ESEWA_ENV = {
  productCode: 'ESEWA_PRODUCT_CODE',
  secretKey: 'ESEWA_SECRET_KEY',
  formUrl: 'ESEWA_FORM_URL',
  statusUrl: 'ESEWA_STATUS_URL',
  refundUrl: 'ESEWA_REFUND_URL',
} as const;

const REQUIRED = ['productCode', 'secretKey', 'formUrl', 'statusUrl'] as const;

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL`);
  return value;
}

/** A copy of the config whose secret does not show when the object is logged or serialised. */
export function redactedEsewaConfig(config: EsewaProviderConfig): EsewaProviderConfig {
  const shown = () => ({ ...config, secretKey: '[redacted]' });
  return Object.defineProperties(
    { ...config },
    {
      toJSON: { value: shown, enumerable: false },
      [inspect.custom]: { value: () => shown(), enumerable: false },
    },
  );
}

export function esewaConfigFromEnv(env: Record<string, string | undefined> = process.env): EsewaProviderConfig | undefined {
  const value = (key: keyof typeof ESEWA_ENV) => env[ESEWA_ENV[key]]?.trim() || undefined;
  const missing = REQUIRED.filter((key) => !value(key));
  if (missing.length === REQUIRED.length) return undefined;
  if (missing.length > 0)
    throw new Error(
      `eSewa is half configured: set ${missing.map((key) => ESEWA_ENV[key]).join(', ')} (or none of the ESEWA_* variables)`,
    );
  const refundUrl = value('refundUrl');
  return redactedEsewaConfig({
    productCode: value('productCode')!,
    secretKey: value('secretKey')!,
    formUrl: httpUrl(ESEWA_ENV.formUrl, value('formUrl')!),
    statusUrl: httpUrl(ESEWA_ENV.statusUrl, value('statusUrl')!),
    ...(refundUrl ? { refundUrl: httpUrl(ESEWA_ENV.refundUrl, refundUrl) } : {}),
  });
}
