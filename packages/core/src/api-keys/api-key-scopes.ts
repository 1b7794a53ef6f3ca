/**
 * What an API key may do. Reading and writing orders are apart so that a reporting tool can hold
 * a key that books nothing; departures:write is for agencies that sell their own departures.
 */
export const API_KEY_SCOPES = ['orders:read', 'orders:write', 'departures:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(scope: string): scope is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(scope);
}
