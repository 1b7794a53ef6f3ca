// API keys of an agency: created with scopes, shown once, stored as a hash, revocable.
export { API_KEY_SCOPES, isApiKeyScope, type ApiKeyScope } from './api-key-scopes.ts';
export { createApiKey, type CreatedApiKey } from './create-api-key.ts';
export { listApiKeys } from './list-api-keys.ts';
export { revokeApiKey } from './revoke-api-key.ts';
export { authenticateApiKey, type AuthenticatedApiKey } from './authenticate-api-key.ts';
export type { ApiKey } from './api-key-repository.ts';
