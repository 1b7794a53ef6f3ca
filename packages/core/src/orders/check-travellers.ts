import type { Money } from '@himal/gds';
import type { SearchOffer } from '../search/search-offer.ts';
import { fieldPath, type OrderFieldError } from './order-errors.ts';
import { passengerTypeOn, type CreateOrderRequest } from './order-request.ts';

/** One item of an order being made, priced. */
export interface PlannedItem {
  index: number;
  product: 'air' | 'hotel' | 'insurance' | 'departure';
  offer?: SearchOffer;
  departureId?: string;
  seats?: number;
  total: Money;
  supplierTotal: Money;
  description: string;
  startsOn: string;
  endsOn: string;
}

const PASSENGER_WORDS = {
  adult: 'an adult (12 or over)',
  child: 'a child (2 to 11)',
  infant_without_seat: 'an infant (under 2)',
};

/**
 * The rules that need the items: travellers fit what each offer was priced for (as many, and of
 * the passenger type their age on the last day of travel makes them), departures have a seat per
 * traveller and a passport for each, passports stay valid to the end of the trip, and every item
 * is in the order's currency.
 */
export function checkTravellers(request: CreateOrderRequest, items: PlannedItem[], currency: string): OrderFieldError[] {
  const fields: OrderFieldError[] = [];
  const lastDay = items.reduce((last, item) => (item.endsOn > last ? item.endsOn : last), '');
  for (const item of items) {
    if (item.total.currency !== currency)
      fields.push({
        path: fieldPath(['items', item.index]),
        message: `is priced in ${item.total.currency}; the order is paid in ${currency}`,
      });
    if (item.product === 'air' && item.offer?.product === 'air') {
      const priced = item.offer.air.passengers.map((passenger) => passenger.type).sort();
      if (priced.length !== request.travellers.length) {
        fields.push({
          path: fieldPath(['travellers']),
          message: `the flight was priced for ${priced.length} passenger${priced.length === 1 ? '' : 's'}, not ${request.travellers.length}`,
        });
        continue;
      }
      const remaining = [...priced];
      request.travellers.forEach((traveller, index) => {
        const type = passengerTypeOn(traveller.dateOfBirth, item.endsOn);
        const at = remaining.indexOf(type);
        if (at >= 0) remaining.splice(at, 1);
        else
          fields.push({
            path: fieldPath(['travellers', index, 'dateOfBirth']),
            message: `makes this traveller ${PASSENGER_WORDS[type]} on the last flight (${item.endsOn}), which the fare was not priced for`,
          });
      });
    }
    if (item.product === 'departure') {
      if (item.seats !== request.travellers.length)
        fields.push({
          path: fieldPath(['items', item.index, 'seats']),
          message: `one seat per traveller: ${request.travellers.length} travellers, ${item.seats} seats`,
        });
      request.travellers.forEach((traveller, index) => {
        if (!traveller.passport)
          fields.push({
            path: fieldPath(['travellers', index, 'passport']),
            message: 'is required for treks and tours (permits are issued on it)',
          });
        if (!traveller.nationality)
          fields.push({ path: fieldPath(['travellers', index, 'nationality']), message: 'is required for treks and tours' });
      });
    }
  }
  request.travellers.forEach((traveller, index) => {
    if (traveller.passport && traveller.passport.expiresOn < lastDay)
      fields.push({
        path: fieldPath(['travellers', index, 'passport', 'expiresOn']),
        message: `expires before the trip ends (${lastDay})`,
      });
  });
  return fields;
}
