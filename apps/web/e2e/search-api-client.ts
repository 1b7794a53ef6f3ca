import { requestWithHost, WEB_PORT } from '../../../playwright/hosts.ts';

/** Calls to the search API of one agency's host, over real HTTP, as any client would make them. */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // The API's JSON; tests read it freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

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

export const flightSearch = (overrides: Record<string, unknown> = {}) => ({
  slices: [{ origin: 'KTM', destination: 'PKR', departure_date: inDays(40) }],
  passengers: [{ type: 'adult' }, { type: 'child', age: 8 }],
  cabin_class: 'economy',
  currency: 'NPR',
  ...overrides,
});

export const hotelSearch = (overrides: Record<string, unknown> = {}) => ({
  destination: { city: 'KTM' },
  check_in_date: inDays(40),
  check_out_date: inDays(43),
  rooms: [{ adults: 2 }],
  currency: 'USD',
  ...overrides,
});

export const insuranceQuote = (overrides: Record<string, unknown> = {}) => ({
  trip: { destination: 'NP', start_date: inDays(40), end_date: inDays(50), total_cost: { amount: '1500.00', currency: 'USD' } },
  travellers: [{ birth_date: '1990-04-02' }],
  currency: 'USD',
  ...overrides,
});
