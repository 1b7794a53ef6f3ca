import { withTenant, type Tenant } from '@himal/db';
import { isInventoryId } from './departure-ids.ts';
import { lockDeparture, updateDeparture, withdrawWaitingEntries } from './departure-repository.ts';
import { toDeparture, toWaitlistEntry } from './departure-rows.ts';
import { departureNotFound } from './departure-rules.ts';
import type { Departure, WaitlistEntry } from './departure-types.ts';

/**
 * Cancels a departure: it sells no more seats and its waitlist closes (the entries still waiting
 * are withdrawn and returned, so the caller can tell those travellers). Seats already held or
 * booked stay counted until the order engine cancels those orders and releases them. Cancelling
 * twice changes nothing.
 */
export async function cancelDeparture(
  tenant: Pick<Tenant, 'schemaName'>,
  departureId: string,
): Promise<{ departure: Departure; withdrawnEntries: WaitlistEntry[] }> {
  if (!isInventoryId(departureId, 'departure')) throw departureNotFound(departureId);
  return withTenant(tenant, async (trx) => {
    const departure = await lockDeparture(trx, departureId);
    if (!departure) throw departureNotFound(departureId);
    if (departure.status === 'cancelled') return { departure: toDeparture(departure), withdrawnEntries: [] };
    const now = new Date();
    const cancelled = await updateDeparture(trx, departureId, { status: 'cancelled', updated_at: now });
    const withdrawn = await withdrawWaitingEntries(trx, departureId, now);
    return { departure: toDeparture(cancelled), withdrawnEntries: withdrawn.map(toWaitlistEntry) };
  });
}
