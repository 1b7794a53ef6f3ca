import type pg from 'pg';
import { DIRECTORY_CHANNEL } from '../directory/directory-cache.ts';

/**
 * Tells every process that the directory changed. NOTIFY is delivered at commit, so listeners never
 * re-read the old state; the caller clears its own process's cache after the commit as well.
 */
export async function notifyDirectoryChange(client: pg.ClientBase, tenantId: string): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [DIRECTORY_CHANNEL, tenantId]);
}
