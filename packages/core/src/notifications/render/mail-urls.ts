import { NotificationError } from '../notification-error.ts';

/** The URL normalised, when it is an absolute http(s) one; nothing else (javascript:, data:, relative) goes into a mail. */
export function httpUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Links the platform builds (pay, view booking, the agency's site) must be absolute http(s): anything else is a bug upstream. */
export function requireHttpUrl(value: string, what: string): string {
  const url = httpUrl(value);
  if (!url) throw new NotificationError('NOTIFICATION_INPUT_INVALID', `${what} must be an absolute http(s) URL`);
  return url;
}
