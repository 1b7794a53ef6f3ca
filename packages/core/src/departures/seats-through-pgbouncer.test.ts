import { closeSharedPool, databaseUrl, withTenant } from '@himal/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// PgBouncer's test starter is not on @himal/db/testing's surface (yet); packages/db's own tests use it the same way.
import { startPgBouncer, type PgBouncer } from '../../../db/src/testing/pgbouncer.ts';
import { makeDeparture, seatsOf, useDepartureTenant } from '../testing/departure-fixture.ts';
import { raceForSeats } from '../testing/seat-race.ts';
import { bookHeldSeats } from './book-held-seats.ts';
import { holdSeats } from './hold-seats.ts';

/**
 * The same race for the last seat through PgBouncer in transaction mode, as production runs behind
 * docker/: the shared pool (20 client connections) points at a PgBouncer with 6 server
 * connections (one of them the monitor's), so the attempts queue in PgBouncer and take turns on
 * the same server connections, several inside PostgreSQL at once.
 * Nothing the seat statements need is session state: one conditional UPDATE in the transaction.
 */
const SERVER_CONNECTIONS = 6;
const tenant = useDepartureTenant();
let bouncer: PgBouncer;
let departureId: string;
const before = { url: process.env.DATABASE_URL, poolSize: process.env.DATABASE_POOL_SIZE };

beforeAll(async () => {
  // Made on the direct connection, before the pool moves to PgBouncer.
  const { departure } = await makeDeparture(tenant(), { capacity: 30 });
  departureId = departure.id;
  await withTenant(tenant(), async (trx) => {
    await holdSeats(trx, departureId, 29);
    await bookHeldSeats(trx, departureId, 20);
  });
  bouncer = await startPgBouncer(databaseUrl(), SERVER_CONNECTIONS);
  process.env.DATABASE_URL = bouncer.url;
  process.env.DATABASE_POOL_SIZE = '20';
  await closeSharedPool();
});

afterAll(async () => {
  await closeSharedPool();
  process.env.DATABASE_URL = before.url;
  if (before.poolSize === undefined) delete process.env.DATABASE_POOL_SIZE;
  else process.env.DATABASE_POOL_SIZE = before.poolSize;
  await bouncer?.stop();
});

describe('the last seat through PgBouncer in transaction mode', () => {
  it('goes to exactly one of 200 attempts; the rest are INVENTORY_EXHAUSTED', async () => {
    expect(databaseUrl()).toBe(bouncer.url);
    const race = await raceForSeats(tenant(), departureId, 200);
    expect(race.otherErrors).toEqual([]);
    expect(race).toMatchObject({ held: 1, exhausted: 199 });
    // At most the server connections less the monitor's are inside PostgreSQL at once.
    expect(race.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(race.maxInFlight).toBeLessThanOrEqual(SERVER_CONNECTIONS - 1);
    expect(race.worstExcess).toBeLessThanOrEqual(0);
    expect(race.minCount).toBeGreaterThanOrEqual(0);
    expect(await seatsOf(tenant(), departureId)).toMatchObject({ capacity: 30, held_seats: 10, booked_seats: 20 });
  });
});
