import { request as httpRequest } from 'node:http';

/** Ports of the apps under test; scripts/test.ts moves them off the developer's 3000/3001. */
export const WEB_PORT = Number(process.env.WEB_PORT ?? 3000);
export const ADMIN_PORT = Number(process.env.ADMIN_PORT ?? 3001);

export function travellerSiteUrl(slug: string, path = '/'): string {
  return `http://${slug}.localhost:${WEB_PORT}${path}`;
}

export function agencyPanelUrl(slug: string, path = '/'): string {
  return `http://${slug}.admin.localhost:${ADMIN_PORT}${path}`;
}

export function platformConsoleUrl(path = '/'): string {
  return `http://admin.localhost:${ADMIN_PORT}${path}`;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request to `localhost:port` with any Host header. Node's fetch replaces the Host with the
 * URL's, so this uses node:http; and Node does not resolve *.localhost, so the URL stays localhost.
 */
export function requestWithHost(
  port: number,
  host: string,
  path = '/',
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: 'localhost', port, path, method: options.method ?? 'GET', headers: { ...options.headers, host } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
