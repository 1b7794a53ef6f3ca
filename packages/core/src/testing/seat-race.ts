import { withTenant, type Tenant } from '@himal/db';
import { holdSeats } from '../departures/hold-seats.ts';
import { isOrderError } from '../orders/order-errors.ts';

export interface SeatRaceResult {
  attempts: number;
  held: number;
  exhausted: number;
  /** Anything but INVENTORY_EXHAUSTED (should be none). */
  otherErrors: string[];
  /** The most attempts that were inside their hold statement at the same moment. */
  maxInFlight: number;
  /** Seat counts read while the race ran. */
  samples: number;
  /** The most held + booked was ever above capacity (0 or less when never), and the smallest count seen. */
  worstExcess: number;
  minCount: number;
  elapsedMs: number;
}

/**
 * `attempts` transactions started at once, each in its own withTenant, each holding `seats` of the
 * departure (the pool decides how many run at the same moment), while another loop keeps reading
 * the departure's counts. Each attempt pauses inside its transaction after the hold, so winners
 * keep their row lock a little while and losers pile up behind it.
 */
export async function raceForSeats(tenant: Tenant, departureId: string, attempts: number, seats = 1): Promise<SeatRaceResult> {
  let running = true;
  let samples = 0;
  let worstExcess = Number.NEGATIVE_INFINITY;
  let minCount = Number.POSITIVE_INFINITY;
  // One connection of its own for the whole race (taken before the attempts queue up for theirs):
  // in READ COMMITTED each of its statements sees what has been committed by then.
  let monitorReady!: () => void;
  const ready = new Promise<void>((resolve) => (monitorReady = resolve));
  const monitor = withTenant(tenant, async (trx) => {
    monitorReady();
    while (running) {
      const row = await trx
        .selectFrom('departures')
        .select(['capacity', 'held_seats', 'booked_seats'])
        .where('id', '=', departureId)
        .executeTakeFirstOrThrow();
      samples += 1;
      worstExcess = Math.max(worstExcess, row.held_seats + row.booked_seats - row.capacity);
      minCount = Math.min(minCount, row.held_seats, row.booked_seats);
    }
  });
  await ready;

  let inFlight = 0;
  let maxInFlight = 0;
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: attempts }, () =>
      withTenant(tenant, async (trx) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const hold = await holdSeats(trx, departureId, seats).finally(() => (inFlight -= 1));
        await new Promise((resolve) => setTimeout(resolve, 5));
        return hold;
      }),
    ),
  );
  const elapsedMs = Math.round(performance.now() - started);
  running = false;
  await monitor;

  const otherErrors: string[] = [];
  let exhausted = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') continue;
    if (isOrderError(outcome.reason) && outcome.reason.code === 'INVENTORY_EXHAUSTED') exhausted += 1;
    else otherErrors.push(String(outcome.reason));
  }
  return {
    attempts,
    held: outcomes.filter((o) => o.status === 'fulfilled').length,
    exhausted,
    otherErrors,
    maxInFlight,
    samples,
    worstExcess,
    minCount,
    elapsedMs,
  };
}
