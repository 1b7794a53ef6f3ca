import { withTenant, type Tenant, type TenantTransaction } from '@himal/db';
import { holdSeats, promoteWaitlist, type WaitlistEntry } from '../departures/index.ts';
import { newAccessToken, type BookingOptions } from './booking-options.ts';
import { newItemId, newOrderId } from './order-ids.ts';
import { markOrderHeld } from './mark-order-held.ts';
import { bookingSettings, insertOrder, uniqueBookingReference } from './order-repository.ts';
import { notifyTraveller } from './notify-traveller.ts';
import { recordCreation, recordTransition } from './record-transition.ts';

/**
 * The promote-waitlist job: freed seats of a departure go to its waitlist in order of arrival. Each
 * promoted traveller gets a held order for their seats with the agency's promotion deadline, and a
 * mail with how to pay; a promotion that lapses unpaid gives its seats to the next in line.
 */
export async function promoteDepartureWaitlist(tenant: Tenant, departureId: string, options: BookingOptions = {}) {
  return withTenant(tenant, (trx) =>
    promoteWaitlist(trx, departureId, (inner, entry) => holdForPromotion(inner, tenant, entry, options)),
  );
}

async function holdForPromotion(trx: TenantTransaction, tenant: Tenant, entry: WaitlistEntry, options: BookingOptions) {
  const actor = 'job:promote-waitlist';
  const now = options.now?.() ?? new Date();
  const settings = await bookingSettings(trx);
  const orderId = newOrderId();
  const itemId = newItemId();
  const seats = await holdSeats(trx, entry.departureId, entry.seats);
  const total = seats.price.amountMinor * entry.seats;
  await insertOrder(
    trx,
    {
      id: orderId,
      booking_reference: await uniqueBookingReference(trx),
      type: 'hold',
      total_minor: String(total),
      currency: seats.price.currency,
      contact_email: entry.email,
      contact_phone: entry.traveller.phone ?? '',
      language: entry.language,
      access_token_hash: newAccessToken().hash,
      waitlist_entry_id: entry.id,
    },
    [
      {
        id: itemId,
        order_id: orderId,
        product: 'departure',
        supplier_id: 'agency',
        departure_id: entry.departureId,
        itinerary_version_id: seats.itineraryVersionId,
        seats: entry.seats,
        total_minor: String(total),
        supplier_total_minor: String(total),
        supplier_currency: seats.price.currency,
        description: `${seats.tripName}, ${seats.startsOn}`,
        starts_on: seats.startsOn,
        ends_on: seats.endsOn,
      },
    ],
    [
      {
        order_id: orderId,
        position: 0,
        type: 'traveller',
        given_name: entry.traveller.givenName,
        family_name: entry.traveller.familyName,
        date_of_birth: entry.traveller.dateOfBirth ?? '',
      },
    ],
  );
  const paymentRequiredBy = new Date(now.getTime() + settings.promotion_hold_minutes * 60_000);
  await recordCreation(trx, {
    subject: 'order',
    id: orderId,
    orderId,
    state: 'pending',
    actor,
    reason: `waitlist entry ${entry.id}`,
  });
  await recordTransition(trx, { subject: 'item', id: itemId, orderId, from: 'pending', to: 'held', actor });
  await markOrderHeld(trx, tenant, orderId, paymentRequiredBy, actor);
  await notifyTraveller(trx, tenant, orderId, 'waitlist-promotion');
  return { orderId, paymentRequiredBy };
}
