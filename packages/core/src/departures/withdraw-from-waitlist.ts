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
 *
 * Under strict FIFO a party that did not fit may have been holding up those behind it, so
 * `promotionDue` says the departure has free seats: the caller runs promoteWaitlist.
 */
export async function withdrawFromWaitlist(
  tenant: Pick<Tenant, 'schemaName'>,
  entryId: string,
  email: string,
): Promise<{ entry: WaitlistEntry; promotionDue: boolean }> {
  const notFound = new OrderError('NOT_FOUND', `no waitlist entry ${entryId}`);
  if (!isInventoryId(entryId, 'waitlistEntry')) throw notFound;
  return withTenant(tenant, async (trx) => {
    const entry = await findWaitlistEntry(trx, entryId);
    if (!entry || entry.email !== email.trim().toLowerCase()) throw notFound;
    // Taken in the order promoteWaitlist takes it, so a withdrawal and a promotion never cross.
    const departure = (await lockDeparture(trx, entry.departure_id))!;
    const withdrawn = await moveWaitlistEntry(trx, entryId, 'waiting', { status: 'withdrawn', updated_at: new Date() });
    if (withdrawn) {
      const free = departure.capacity - departure.held_seats - departure.booked_seats;
      return { entry: toWaitlistEntry(withdrawn), promotionDue: departure.status === 'scheduled' && free > 0 };
    }
    const current = (await findWaitlistEntry(trx, entryId))!;
    if (current.status === 'withdrawn') return { entry: toWaitlistEntry(current), promotionDue: false };
    throw new OrderError(
      'ILLEGAL_TRANSITION',
      `waitlist entry ${entryId} is ${current.status}${current.status === 'promoted' ? ': cancel its order instead' : ''}`,
      { status: current.status },
    );
  });
}
