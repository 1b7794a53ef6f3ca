import type { Tenant } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { deleteKeysCreatedBefore } from './idempotency-key-repository.ts';

/** Clients may retry with a key for a day (as Stripe promises), so no key younger than that is purged. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Deleted per statement, so a purge never holds many row locks or one long statement. */
const PURGE_BATCH = 5_000;

/** Deletes the agency's idempotency keys created before `olderThan` (a day ago at the latest); how many. */
export async function purgeIdempotencyKeys(
  tenant: Pick<Tenant, 'schemaName'>,
  { olderThan }: { olderThan: Date },
): Promise<number> {
  if (olderThan.getTime() > Date.now() - IDEMPOTENCY_KEY_RETENTION_MS) {
    throw new OrderError('INVALID_REQUEST', 'idempotency keys are kept for at least 24 hours', {
      fields: [{ path: 'olderThan', message: 'must be at least 24 hours ago' }],
    });
  }
  let purged = 0;
  for (;;) {
    const deleted = await deleteKeysCreatedBefore(tenant, olderThan, PURGE_BATCH);
    purged += deleted;
    if (deleted < PURGE_BATCH) return purged;
  }
}
