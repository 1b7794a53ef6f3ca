import { withTenant, type Tenant } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { isInventoryId } from './departure-ids.ts';
import { findWaitlistEntry, lockDeparture, moveWaitlistEntry } from './departure-repository.ts';
import { toWaitlistEntry } from './departure-rows.ts';
import type { WaitlistEntry } from './departure-types.ts';

/**
 * A traveller leaves a waitlist. The entry's e-mail is the key: an entry of another e-mail is not
 * found, so ids cannot be probed. Withdrawing twice answers the entry; a promoted entry has an
 * order holding its seats, which is cancelled instead (ILLEGAL_TRANSITION here).
 */
export async function withdrawFromWaitlist(
  tenant: Pick<Tenant, 'schemaName'>,
  entryId: string,
  email: string,
): Promise<WaitlistEntry> {
  const notFound = new OrderError('NOT_FOUND', `no waitlist entry ${entryId}`);
  if (!isInventoryId(entryId, 'waitlistEntry')) throw notFound;
  return withTenant(tenant, async (trx) => {
    const entry = await findWaitlistEntry(trx, entryId);
    if (!entry || entry.email !== email.trim().toLowerCase()) throw notFound;
    // Taken in the order promoteWaitlist takes it, so a withdrawal and a promotion never cross.
    await lockDeparture(trx, entry.departure_id);
    const withdrawn = await moveWaitlistEntry(trx, entryId, 'waiting', { status: 'withdrawn', updated_at: new Date() });
    if (withdrawn) return toWaitlistEntry(withdrawn);
    const now = (await findWaitlistEntry(trx, entryId))!;
    if (now.status === 'withdrawn') return toWaitlistEntry(now);
    throw new OrderError(
      'ILLEGAL_TRANSITION',
      `waitlist entry ${entryId} is ${now.status}${now.status === 'promoted' ? ': cancel its order instead' : ''}`,
      {
        status: now.status,
      },
    );
  });
}
