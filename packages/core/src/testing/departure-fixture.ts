import { randomBytes } from 'node:crypto';
import { withTenant, type CreatedTenant, type Tenant, type TenantTransaction } from '@himal/db';
import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { createDeparture } from '../departures/create-departure.ts';
import { createTrip } from '../departures/create-trip.ts';
import type { Departure, TripWithItinerary, WaitlistEntry } from '../departures/departure-types.ts';
import { endPromotion } from '../departures/end-promotion.ts';
import { holdSeats } from '../departures/hold-seats.ts';
import type { ItineraryDay } from '../departures/itinerary-days.ts';
import type { HoldSeatsForEntry } from '../departures/promote-waitlist.ts';
import { releaseHeldSeats } from '../departures/release-seats.ts';
import { newBookingReference } from '../orders/booking-reference.ts';

/** Tests of the agency's own inventory: a throwaway agency, trips, departures, and a stand-in order engine. */

/** Registers a throwaway agency for the file. */
export function useDepartureTenant(): () => Tenant {
  const created: CreatedTenant[] = [];
  beforeAll(async () => {
    created.push(await createTestTenant());
  });
  afterAll(() => deleteTestTenants(created));
  return () => created[0]!.tenant;
}

/** YYYY-MM-DD, `days` from today (UTC). */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function sampleDays(count: number, label = 'Day'): ItineraryDay[] {
  return Array.from({ length: count }, (_, i) => ({
    day: i + 1,
    title: `${label} ${i + 1}`,
    description: `Walk on, ${label.toLowerCase()} ${i + 1}.`,
    altitudeMetres: 1400 + i * 400,
    accommodation: 'Teahouse',
    stage: { from: `Camp ${i}`, to: `Camp ${i + 1}`, distanceKm: 12.5 },
  }));
}

export function makeTrip(tenant: Tenant, days = 3): Promise<TripWithItinerary> {
  const slug = `trek-${randomBytes(4).toString('hex')}`;
  return createTrip(tenant, { slug, name: `Trek ${slug}`, summary: 'A walk in the hills', days: sampleDays(days) });
}

/** A trip and one departure of it, `startsIn` days from today. */
export async function makeDeparture(
  tenant: Tenant,
  options: { capacity?: number; startsIn?: number; priceMinor?: number; days?: number } = {},
): Promise<{ trip: TripWithItinerary; departure: Departure }> {
  const trip = await makeTrip(tenant, options.days ?? 3);
  const departure = await createDeparture(tenant, {
    tripId: trip.id,
    startsOn: inDays(options.startsIn ?? 30),
    capacity: options.capacity ?? 10,
    price: { amountMinor: options.priceMinor ?? 150_000_00, currency: 'NPR' },
  });
  return { trip, departure };
}

/** The departure's seat counts as stored. */
export function seatsOf(tenant: Tenant, departureId: string) {
  return withTenant(tenant, (trx) =>
    trx
      .selectFrom('departures')
      .select(['capacity', 'held_seats', 'booked_seats', 'status'])
      .where('id', '=', departureId)
      .executeTakeFirstOrThrow(),
  );
}

/**
 * What the order engine's holdSeatsForEntry does, cut to the bone: take the seats with holdSeats and
 * write a held order and its item in the same transaction. Returns the order id and deadline.
 */
export const holdSeatsInTestOrder: HoldSeatsForEntry = async (trx, entry) => {
  const hold = await holdSeats(trx, entry.departureId, entry.seats);
  const orderId = `ord_${randomBytes(12).toString('hex')}`;
  const paymentRequiredBy = new Date(Date.now() + 86_400_000);
  const total = String(hold.price.amountMinor * entry.seats);
  await trx
    .insertInto('orders')
    .values({
      id: orderId,
      booking_reference: newBookingReference(),
      type: 'hold',
      status: 'held',
      total_minor: total,
      currency: hold.price.currency,
      contact_email: entry.email,
      contact_phone: entry.traveller.phone ?? '+977 1 4000000',
      language: entry.language,
      access_token_hash: randomBytes(32).toString('hex'),
      payment_required_by: paymentRequiredBy,
      waitlist_entry_id: entry.id,
    })
    .execute();
  await trx
    .insertInto('order_items')
    .values({
      id: `itm_${randomBytes(12).toString('hex')}`,
      order_id: orderId,
      product: 'departure',
      status: 'held',
      supplier_id: 'agency',
      departure_id: hold.departureId,
      itinerary_version_id: hold.itineraryVersionId,
      seats: entry.seats,
      total_minor: total,
      supplier_total_minor: total,
      supplier_currency: hold.price.currency,
      description: `${hold.tripName}, ${hold.startsOn}`,
      starts_on: hold.startsOn,
      ends_on: hold.endsOn,
    })
    .execute();
  return { orderId, paymentRequiredBy };
};

/** What the engine's hold expiry does to a promoted order left unpaid: expire it, free its seats, end the promotion. */
export async function lapsePromotion(trx: TenantTransaction, entry: WaitlistEntry): Promise<void> {
  await trx.updateTable('orders').set({ status: 'expired' }).where('id', '=', entry.orderId!).execute();
  await trx.updateTable('order_items').set({ status: 'expired' }).where('order_id', '=', entry.orderId!).execute();
  await releaseHeldSeats(trx, entry.departureId, entry.seats);
  await endPromotion(trx, entry.id, 'lapsed');
}
