import { cityOf, type AirSearchRequest, type HotelSearchRequest, type InsuranceQuoteRequest } from '@himal/gds';
import type { AirOfferRequestBody } from './schemas/air.ts';
import type { HotelSearchBody } from './schemas/hotels.ts';
import { ageOn, type InsuranceQuoteBody } from './schemas/insurance.ts';

/** Validated wire bodies (snake_case) to the platform's request types (camelCase). */
export function toAirSearchRequest(body: AirOfferRequestBody): AirSearchRequest {
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
    cabinClass: body.cabin_class,
    ...(body.currency ? { currency: body.currency } : {}),
    ...(body.max_connections !== undefined ? { maxConnections: body.max_connections } : {}),
  };
}

const DEFAULT_RADIUS_KM = 5;

export function toHotelSearchRequest(body: HotelSearchBody): HotelSearchRequest {
  const { city, latitude, longitude, radius_km } = body.destination;
  return {
    // Suppliers search by city: an airport code (PHH) stands for its city (PKR).
    ...(city ? { cityCode: cityOf(city)?.code ?? city } : {}),
    ...(latitude !== undefined && longitude !== undefined
      ? { near: { latitude, longitude, radiusKm: radius_km ?? DEFAULT_RADIUS_KM } }
      : {}),
    checkIn: body.check_in_date,
    checkOut: body.check_out_date,
    rooms: body.rooms.map((room) => ({ adults: room.adults, childAges: room.child_ages })),
    ...(body.currency ? { currency: body.currency } : {}),
  };
}

export function toInsuranceQuoteRequest(body: InsuranceQuoteBody): InsuranceQuoteRequest {
  return {
    tripCost: body.trip.total_cost,
    departureDate: body.trip.start_date,
    returnDate: body.trip.end_date,
    destinationCountry: body.trip.destination,
    residenceCountry: body.residence_country,
    travellers: body.travellers.map((traveller) => ({ age: ageOn(traveller.birth_date, body.trip.start_date) })),
    adventureActivities: body.adventure_activities,
  };
}
