import { parseRequest } from '@himal/core';
import {
  ageOn,
  airSearchRequestSchema,
  earliestTravelDate,
  hotelSearchRequestSchema,
  insuranceQuoteRequestSchema,
} from '@himal/gds';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.ts';
import * as api from '../index.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * What the API answers a body with, as a route does it: the wire format first, then the product's
 * rules as the service holds the request to them (parseRequest), named by the body's fields.
 */
const products = {
  air: {
    body: api.airOfferRequestBody,
    toRequest: api.toAirSearchRequest,
    rules: airSearchRequestSchema,
    named: api.withAirBodyFields,
  },
  hotel: {
    body: api.hotelSearchBody,
    toRequest: api.toHotelSearchRequest,
    rules: hotelSearchRequestSchema,
    named: api.withHotelBodyFields,
  },
  insurance: {
    body: api.insuranceQuoteBody,
    toRequest: api.toInsuranceQuoteRequest,
    rules: insuranceQuoteRequestSchema,
    named: api.withInsuranceBodyFields,
  },
};

async function fieldsOf(product: keyof typeof products, input: unknown) {
  const { body, toRequest, rules, named } = products[product];
  try {
    const parsed = api.parseInput(body, input);
    await named(async () => parseRequest(rules, (toRequest as (body: unknown) => unknown)(parsed), product));
  } catch (error) {
    if (error instanceof ApiError) return error.fields;
    throw error;
  }
  return [];
}

/** The product request a body stands for, defaults applied, as the service works with it. */
function requestOf<P extends keyof typeof products>(product: P, input: unknown) {
  const { body, toRequest, rules } = products[product];
  return parseRequest(rules, (toRequest as (body: unknown) => unknown)(api.parseInput(body, input)), product) as ReturnType<
    (typeof products)[P]['rules']['parse']
  >;
}

const flight = {
  slices: [
    { origin: 'KTM', destination: 'PKR', departure_date: inDays(30) },
    { origin: 'PKR', destination: 'KTM', departure_date: inDays(33) },
  ],
  passengers: [{ type: 'adult' }, { type: 'child', age: 8 }],
  currency: 'NPR',
};

describe('air offer request bodies', () => {
  it('map to the platform request', async () => {
    expect(requestOf('air', flight)).toEqual({
      slices: [
        { origin: 'KTM', destination: 'PKR', departureDate: inDays(30) },
        { origin: 'PKR', destination: 'KTM', departureDate: inDays(33) },
      ],
      passengers: [{ type: 'adult' }, { type: 'child', age: 8 }],
      cabinClass: 'economy',
      currency: 'NPR',
    });
  });

  it('name every bad field', async () => {
    expect(await fieldsOf('air', {})).toEqual([
      { path: 'slices', message: 'is required' },
      { path: 'passengers', message: 'is required' },
    ]);
    expect(
      await fieldsOf('air', {
        slices: [
          { origin: 'KTM', destination: 'ZZZ', departure_date: inDays(-3) },
          { origin: 'LHR', destination: 'LGW', departure_date: inDays(1) },
        ],
        passengers: [{ type: 'adult' }],
      }),
    ).toEqual([
      { path: 'slices[0].destination', message: 'not an airport or city we know' },
      { path: 'slices[0].departure_date', message: 'must not be in the past' },
      { path: 'slices[1].destination', message: 'must be another city than the origin' },
    ]);
  });

  it('refuse a return before the departure', async () => {
    const back = { ...flight, slices: [flight.slices[0], { ...flight.slices[1], departure_date: inDays(29) }] };
    expect(await fieldsOf('air', back)).toEqual([
      { path: 'slices[1].departure_date', message: 'must not be before the previous slice departs' },
    ]);
  });

  it('take 1 to 9 passengers with at least one adult, and ages that fit', async () => {
    expect(await fieldsOf('air', { ...flight, passengers: [] })).toEqual([
      { path: 'passengers', message: 'at least one passenger' },
    ]);
    expect(await fieldsOf('air', { ...flight, passengers: Array(10).fill({ type: 'adult' }) })).toEqual([
      { path: 'passengers', message: 'at most 9 passengers' },
    ]);
    expect(await fieldsOf('air', { ...flight, passengers: [{ type: 'child' }] })).toEqual([
      { path: 'passengers', message: 'at least one adult' },
    ]);
    expect(
      await fieldsOf('air', {
        ...flight,
        passengers: [{ type: 'adult' }, { type: 'infant_without_seat' }, { type: 'infant_without_seat' }],
      }),
    ).toHaveLength(1);
    expect(await fieldsOf('air', { ...flight, passengers: [{ type: 'adult' }, { type: 'child', age: 15 }] })).toEqual([
      { path: 'passengers[1].age', message: 'does not fit a passenger of type child' },
    ]);
  });

  it('accept today wherever it is still today, and nothing more than a year ahead', async () => {
    const today = { ...flight, slices: [{ ...flight.slices[0], departure_date: earliestTravelDate() }] };
    expect(await fieldsOf('air', today)).toEqual([]);
    const far = { ...flight, slices: [{ ...flight.slices[0], departure_date: inDays(400) }] };
    expect(await fieldsOf('air', far)).toEqual([{ path: 'slices[0].departure_date', message: 'must be within 365 days' }]);
  });
});

describe('hotel search bodies', () => {
  const stay = {
    destination: { city: 'KTM' },
    check_in_date: inDays(30),
    check_out_date: inDays(33),
    rooms: [{ adults: 2 }],
    currency: 'USD',
  };

  it('map to the platform request, an airport standing for its city', async () => {
    expect(requestOf('hotel', { ...stay, destination: { city: 'PHH' } })).toEqual({
      cityCode: 'PKR',
      checkIn: inDays(30),
      checkOut: inDays(33),
      rooms: [{ adults: 2, childAges: [] }],
      currency: 'USD',
    });
    expect(requestOf('hotel', { ...stay, destination: { latitude: 27.7, longitude: 85.3 } }).near).toEqual({
      latitude: 27.7,
      longitude: 85.3,
      radiusKm: 5,
    });
  });

  it('refuse stays that end before they start, unknown cities and too many guests', async () => {
    expect(await fieldsOf('hotel', { ...stay, check_out_date: inDays(30) })).toEqual([
      { path: 'check_out_date', message: 'must be after the check-in date' },
    ]);
    expect(await fieldsOf('hotel', { ...stay, destination: { city: 'QQQ' } })).toEqual([
      { path: 'destination.city', message: 'not a city we know' },
    ]);
    expect(await fieldsOf('hotel', { ...stay, destination: {} })).toEqual([
      { path: 'destination', message: 'give a city or a point to search near' },
    ]);
    expect(await fieldsOf('hotel', { ...stay, rooms: [{ adults: 5 }, { adults: 5 }] })).toEqual([
      { path: 'rooms', message: 'at most 9 guests in one search' },
    ]);
    expect(await fieldsOf('hotel', { ...stay, rooms: [] })).toEqual([{ path: 'rooms', message: 'at least one room' }]);
  });
});

describe('insurance quote bodies', () => {
  const quote = {
    trip: { destination: 'NP', start_date: inDays(30), end_date: inDays(40), total_cost: { amount: '1500.00', currency: 'USD' } },
    travellers: [{ birth_date: '1990-04-02' }],
    currency: 'USD',
  };

  it('map to the platform request with ages on the day the trip starts', async () => {
    const request = requestOf('insurance', quote);
    expect(request).toMatchObject({
      tripCost: { amount: '1500.00', currency: 'USD' },
      destinationCountry: 'NP',
      residenceCountry: 'NP',
      adventureActivities: false,
    });
    expect(request.travellers[0]!.age).toBe(ageOn('1990-04-02', inDays(30)));
  });

  it('refuse a trip cost with more decimals than its currency has, and accept trailing zeros', async () => {
    const cost = (amount: string, currency: string) => ({ ...quote, trip: { ...quote.trip, total_cost: { amount, currency } } });
    expect(await fieldsOf('insurance', cost('100.125', 'NPR'))).toEqual([
      { path: 'trip.total_cost.amount', message: 'NPR has 2 decimals' },
    ]);
    expect(await fieldsOf('insurance', cost('1500.5', 'JPY'))).toEqual([
      { path: 'trip.total_cost.amount', message: 'JPY has 0 decimals' },
    ]);
    expect(await fieldsOf('insurance', cost('10.125', 'KWD'))).toEqual([]);
    expect(await fieldsOf('insurance', cost('100.120', 'NPR'))).toEqual([]);
    expect(await fieldsOf('insurance', cost('1500', 'JPY'))).toEqual([]);
  });

  it('count ages in whole years', async () => {
    expect(ageOn('1990-04-02', '2027-04-01')).toBe(36);
    expect(ageOn('1990-04-02', '2027-04-02')).toBe(37);
  });

  it('refuse a trip that ends before it starts, no travellers or a traveller born in the future', async () => {
    expect(await fieldsOf('insurance', { ...quote, trip: { ...quote.trip, end_date: inDays(20) } })).toEqual([
      { path: 'trip.end_date', message: 'must not be before the departure date' },
    ]);
    expect(await fieldsOf('insurance', { ...quote, travellers: [] })).toEqual([
      { path: 'travellers', message: 'at least one traveller' },
    ]);
    expect(await fieldsOf('insurance', { ...quote, travellers: [{ birth_date: inDays(3) }] })).toEqual([
      { path: 'travellers[0].birth_date', message: 'must be in the past' },
    ]);
  });
});
