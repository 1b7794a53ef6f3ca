import { expect } from '@playwright/test';
import createClient from 'openapi-fetch';
import { requestWithHost, WEB_PORT } from '../../../playwright/hosts.ts';
import type { components, paths } from './generated/api-schema.d.ts';

/**
 * The API of one agency's host, over real HTTP, as its clients call it: `apiClient(slug)` is
 * openapi-fetch typed by the OpenAPI document (generated/api-schema.d.ts, `npm run api:types`), so
 * a test that calls a path, sends a body or reads a field the document does not have fails to
 * compile. `callApi` sends anything at all, for the requests a typed client cannot make (malformed
 * JSON, wrong types, unknown paths).
 */
export type ApiSchemas = components['schemas'];
export type ApiClient = ReturnType<typeof apiClient>;

/**
 * A fetch that reaches the app on localhost with the agency's Host header: the apps tell agencies
 * apart by Host, and Node's fetch replaces any Host header with the URL's (and Node does not
 * resolve *.localhost), so the request goes out through node:http.
 */
function fetchWithHost(host: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const answer = await requestWithHost(WEB_PORT, host, url.pathname + url.search, {
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: request.body ? await request.text() : undefined,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
    }
    return new Response(answer.body || null, { status: answer.status, headers });
  };
}

export function apiClient(slug: string, options: { headers?: Record<string, string> } = {}) {
  return createClient<paths>({
    baseUrl: `http://localhost:${WEB_PORT}`,
    fetch: fetchWithHost(`${slug}.localhost:${WEB_PORT}`),
    headers: options.headers,
  });
}

/** The body of a typed call's answer, once its status is the expected one (else the test fails showing the body). */
export function answered<Data>(result: { data?: Data; error?: unknown; response: Response }, status: number): Data {
  expect(result.response.status, JSON.stringify(result.data ?? result.error)).toBe(status);
  return result.data as Data;
}

/** The error of a typed call's answer, checked for status, code and a request id matching the header. */
export function refused(
  result: { error?: unknown; response: Response },
  status: number,
  code: string,
): ApiSchemas['Error']['error'] {
  expect(result.response.status, JSON.stringify(result.error)).toBe(status);
  expect(result.response.headers.get('content-type')).toContain('application/json');
  const error = (result.error as ApiSchemas['Error']).error;
  expect(error).toMatchObject({ code, message: expect.any(String), request_id: expect.stringMatching(/^req_/) });
  expect(result.response.headers.get('x-request-id')).toBe(error.request_id);
  return error;
}

/** The answer to any request at all (see `callApi`). */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // The API's JSON; tests read it freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

/** Any request, typed or not: a string body is sent as it is, anything else as JSON. */
export async function callApi(
  slug: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const response = await requestWithHost(WEB_PORT, `${slug}.localhost:${WEB_PORT}`, path, {
    method,
    headers: { ...(text !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: text,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text: response.body };
}

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const flightSearch = (
  overrides: Partial<ApiSchemas['AirOfferRequestCreate']> = {},
): ApiSchemas['AirOfferRequestCreate'] => ({
  slices: [{ origin: 'KTM', destination: 'PKR', departure_date: inDays(40) }],
  passengers: [{ type: 'adult' }, { type: 'child', age: 8 }],
  cabin_class: 'economy',
  currency: 'NPR',
  ...overrides,
});

export const hotelSearch = (overrides: Partial<ApiSchemas['HotelSearchCreate']> = {}): ApiSchemas['HotelSearchCreate'] => ({
  destination: { city: 'KTM' },
  check_in_date: inDays(40),
  check_out_date: inDays(43),
  rooms: [{ adults: 2 }],
  currency: 'USD',
  ...overrides,
});

export const insuranceQuote = (
  overrides: Partial<ApiSchemas['InsuranceQuoteCreate']> = {},
): ApiSchemas['InsuranceQuoteCreate'] => ({
  trip: { destination: 'NP', start_date: inDays(40), end_date: inDays(50), total_cost: { amount: '1500.00', currency: 'USD' } },
  travellers: [{ birth_date: '1990-04-02' }],
  currency: 'USD',
  ...overrides,
});
