/** Environment read in one place. Defaults are the local ones from docs/architecture.md. */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@localhost:5432/himal';

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** The apex every tenant subdomain hangs from: `everest.<root>`, `everest.admin.<root>`. */
export function rootDomain(): string {
  return (process.env.ROOT_DOMAIN ?? 'localhost').toLowerCase().replace(/\.$/, '');
}
