import type { TenantTransaction } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { isInventoryId } from './departure-ids.ts';
import { findWaitlistEntry, moveWaitlistEntry } from './departure-repository.ts';
import { toWaitlistEntry } from './departure-rows.ts';
import type { WaitlistEntry } from './departure-types.ts';

/**
 * A promotion ends: its order was paid (booked) or lapsed unpaid (lapsed), in the transaction of
 * that order change. A lapsed promotion's seats come back through the order's own release, and the
 * next promoteWaitlist passes them on. Jobs are retried, so ending a promotion again the same way
 * answers the entry as it is; any other change of a finished entry is ILLEGAL_TRANSITION.
 */
export async function endPromotion(
  trx: TenantTransaction,
  entryId: string,
  outcome: 'booked' | 'lapsed',
  options: { now?: Date } = {},
): Promise<WaitlistEntry> {
  const notFound = new OrderError('NOT_FOUND', `no waitlist entry ${entryId}`);
  if (!isInventoryId(entryId, 'waitlistEntry')) throw notFound;
  const ended = await moveWaitlistEntry(trx, entryId, 'promoted', { status: outcome, updated_at: options.now ?? new Date() });
  if (ended) return toWaitlistEntry(ended);
  const entry = await findWaitlistEntry(trx, entryId);
  if (!entry) throw notFound;
  if (entry.status === outcome) return toWaitlistEntry(entry);
  throw new OrderError('ILLEGAL_TRANSITION', `waitlist entry ${entryId} is ${entry.status}, not promoted`, {
    status: entry.status,
  });
}
