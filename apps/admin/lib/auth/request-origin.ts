import { headers } from 'next/headers';

/** Whether this request came over https, as proxy.ts recorded it in X-Forwarded-Proto. */
export async function isSecureRequest(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}
