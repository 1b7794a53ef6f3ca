import { isSearchError } from '@himal/core';
import { ageOn, type AirSearchInput, type HotelSearchInput, type InsuranceQuoteInput } from '@himal/gds';
import { ApiError } from './api-error.ts';
import type { AirOfferRequestBody } from './schemas/air.ts';
import type { HotelSearchBody } from './schemas/hotels.ts';
import type { InsuranceQuoteBody } from './schemas/insurance.ts';
import { fieldPath, snakeCase } from './validation.ts';

/**
 * Wire bodies (snake_case) to the product requests of @himal/gds (camelCase), which the services
 * hold to every rule of their product; and back, the path of a field a service refused to the
 * field of the body it came from.
 */
export function toAirSearchRequest(body: AirOfferRequestBody): AirSearchInput {
  return {
    slices: body.slices.map((slice) => ({
      origin: slice.origin,
      destination: slice.destination,
      departureDate: slice.departure_date,
    })),
    passengers: body.passengers.map((passenger) => ({
      type: passenger.type,
      ...(passenger.age !== undefined ? { age: passenger.age } : {}),
    })),
    ...(body.cabin_class ? { cabinClass: body.cabin_class } : {}),
    ...(body.currency ? { currency: body.currency } : {}),
    ...(body.max_connections !== undefined ? { maxConnections: body.max_connections } : {}),
  };
}

export function toHotelSearchRequest(body: HotelSearchBody): HotelSearchInput {
  const { city, latitude, longitude, radius_km } = body.destination;
  const point = latitude !== undefined || longitude !== undefined;
  return {
    ...(city ? { cityCode: city } : {}),
    // A point with one coordinate is passed on as it is: the product's rules name the missing one.
    ...(point ? { near: { latitude, longitude, radiusKm: radius_km } as HotelSearchInput['near'] } : {}),
    checkIn: body.check_in_date,
    checkOut: body.check_out_date,
    rooms: body.rooms.map((room) => ({ adults: room.adults, ...(room.child_ages ? { childAges: room.child_ages } : {}) })),
    ...(body.currency ? { currency: body.currency } : {}),
  };
}

export function toInsuranceQuoteRequest(body: InsuranceQuoteBody): InsuranceQuoteInput {
  return {
    tripCost: body.trip.total_cost,
    departureDate: body.trip.start_date,
    returnDate: body.trip.end_date,
    destinationCountry: body.trip.destination,
    ...(body.residence_country ? { residenceCountry: body.residence_country } : {}),
    travellers: body.travellers.map((traveller) => ({ age: ageOn(traveller.birth_date, body.trip.start_date) })),
    ...(body.adventure_activities !== undefined ? { adventureActivities: body.adventure_activities } : {}),
  };
}

/** A product request's field path, where its wire name is not its snake_case ('*' stands for any index). */
type Renames = Array<[product: string[], wire: string[]]>;

const HOTEL_FIELDS: Renames = [
  [[], ['destination']],
  [['cityCode'], ['destination', 'city']],
  [['near'], ['destination']],
  [['checkIn'], ['check_in_date']],
  [['checkOut'], ['check_out_date']],
];

const INSURANCE_FIELDS: Renames = [
  [['tripCost'], ['trip', 'total_cost']],
  [['departureDate'], ['trip', 'start_date']],
  [['returnDate'], ['trip', 'end_date']],
  [['destinationCountry'], ['trip', 'destination']],
  [
    ['travellers', '*', 'age'],
    ['travellers', '*', 'birth_date'],
  ],
];

function wirePath(path: PropertyKey[], renames: Renames): PropertyKey[] {
  const matches = (pattern: string[]) =>
    pattern.length <= path.length && pattern.every((part, i) => (part === '*' ? typeof path[i] === 'number' : part === path[i]));
  // The longest pattern that matches; an empty one only when the path is empty (the request as a whole).
  const rename = renames
    .filter(([pattern]) => (pattern.length === 0 ? path.length === 0 : matches(pattern)))
    .sort((a, b) => b[0].length - a[0].length)[0];
  const head = rename ? rename[1].map((part, i) => (part === '*' ? path[i]! : part)) : [];
  const rest = path.slice(rename ? rename[0].length : 0);
  return [...head, ...rest.map((part) => (typeof part === 'string' ? snakeCase(part) : part))];
}

/**
 * Runs a service on a body's request; a request the service refuses for breaking its product's
 * rules is answered 422 VALIDATION_FAILED naming the body's own fields, like a malformed body.
 */
async function refusedByWireName<T>(renames: Renames, service: () => Promise<T>): Promise<T> {
  try {
    return await service();
  } catch (error) {
    if (!isSearchError(error) || error.code !== 'INVALID_REQUEST') throw error;
    const fields = (error.fields ?? []).map((field) => ({
      path: fieldPath(wirePath(field.path, renames)),
      message: field.message,
    }));
    throw new ApiError(
      422,
      'VALIDATION_FAILED',
      `the request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}`,
      fields,
    );
  }
}

export const withAirBodyFields = <T>(service: () => Promise<T>) => refusedByWireName([], service);
export const withHotelBodyFields = <T>(service: () => Promise<T>) => refusedByWireName(HOTEL_FIELDS, service);
export const withInsuranceBodyFields = <T>(service: () => Promise<T>) => refusedByWireName(INSURANCE_FIELDS, service);
