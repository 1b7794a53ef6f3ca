import { publishedPosition } from '../hotel-world/geography.ts';
import { WORLD_CITIES, WORLD_PROPERTIES, type WorldCityCode, type WorldProperty } from '../hotel-world/properties.ts';
import {
  roomCategoriesOf,
  seededAllotment,
  worldNightlyRateUsdCents,
  type RoomCategory,
  type RoomCategorySpec,
} from '../hotel-world/room-rates.ts';
import { addDays, nepalInstant, stayNights } from '../hotel-world/stay-dates.ts';

/**
 * staylink's catalogue: the world's properties it lists, under its codes and names, with its room
 * types and rate plans, priced in US dollars per stay with Nepal's taxes included.
 */
export const STAYLINK_CURRENCY = 'USD';

export interface StaylinkRoomType {
  code: string;
  name: string;
  description: string;
  spec: RoomCategorySpec;
}

export interface StaylinkHotel {
  code: string;
  name: string;
  cityCode: WorldCityCode;
  cityName: string;
  street: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  stars: number;
  property: WorldProperty;
  roomTypes: StaylinkRoomType[];
}

export interface StaylinkRatePlan {
  code: 'BAR' | 'NRF';
  name: string;
  breakfast: boolean;
  /** Price relative to the best available rate, per mille. */
  pricePerMille: number;
  refundable: boolean;
}

export const STAYLINK_RATE_PLANS: readonly StaylinkRatePlan[] = [
  { code: 'BAR', name: 'Best available rate, breakfast included', breakfast: true, pricePerMille: 1000, refundable: true },
  { code: 'NRF', name: 'Non-refundable, room only', breakfast: false, pricePerMille: 880, refundable: false },
];

const ROOM_TYPES: Record<RoomCategory, { code: string; name: string; description: string }> = {
  standard: { code: 'STD', name: 'Standard Room', description: 'Standard room, one double or two single beds' },
  deluxe: { code: 'DLX', name: 'Deluxe Room', description: 'Deluxe room, king bed or twin beds, city or garden view' },
  suite: { code: 'STE', name: 'Suite', description: 'Suite with separate living room' },
};

export const STAYLINK_HOTELS: readonly StaylinkHotel[] = WORLD_PROPERTIES.flatMap((property) => {
  const listing = property.staylink;
  if (!listing) return [];
  // staylink geocodes from the hotels' own listings: within ~35 m, six decimals.
  const position = publishedPosition(property, `staylink:${property.id}`, 35, 6);
  return [
    {
      code: listing.code,
      name: listing.name,
      cityCode: property.cityCode,
      cityName: WORLD_CITIES[property.cityCode].name,
      street: listing.street ?? property.street,
      postalCode: property.postalCode,
      ...position,
      stars: property.stars,
      property,
      roomTypes: roomCategoriesOf(property).map((spec) => ({ ...ROOM_TYPES[spec.category], spec })),
    },
  ];
});

const HOTELS_BY_CODE = new Map(STAYLINK_HOTELS.map((hotel) => [hotel.code, hotel]));

export function staylinkHotel(code: string): StaylinkHotel | undefined {
  return HOTELS_BY_CODE.get(code);
}

export function staylinkAllotment(hotelCode: string, roomCode: string): number {
  const hotel = HOTELS_BY_CODE.get(hotelCode);
  const room = hotel?.roomTypes.find((r) => r.code === roomCode);
  return hotel && room ? seededAllotment(hotel.property, room.spec, 'staylink') : 0;
}

/** Nepal's 10 % service charge and 13 % VAT on top of it: 24.3 % of the room rate. */
const TAX_PER_TEN_THOUSAND = 2430;

export interface StaylinkNightPrice {
  date: string;
  beforeTaxCents: number;
  afterTaxCents: number;
}

export interface StaylinkStayPrice {
  /** Per night, for one room. */
  nights: StaylinkNightPrice[];
  /** The stay, all rooms. */
  totalBeforeTaxCents: number;
  totalAfterTaxCents: number;
  /** Free cancellation until then (refundable plans only). */
  freeCancellationUntil?: Date;
  /** What cancelling later costs: the first night (refundable) or everything (non-refundable). */
  latePenaltyCents: number;
}

export interface StaylinkPricing {
  driftPeriod: number;
  /** Percent added by an injected price change (0 normally). */
  markupPercent: number;
}

export function priceStaylinkStay(
  hotel: StaylinkHotel,
  roomType: StaylinkRoomType,
  plan: StaylinkRatePlan,
  stay: { checkIn: string; checkOut: string; rooms: number },
  pricing: StaylinkPricing,
): StaylinkStayPrice {
  const nights = stayNights(stay.checkIn, stay.checkOut).map((date) => {
    const world = worldNightlyRateUsdCents(hotel.property, roomType.spec, date, pricing.driftPeriod);
    const planned = Math.round((world * plan.pricePerMille) / 1000);
    const beforeTaxCents = Math.round((planned * (100 + pricing.markupPercent)) / 100);
    return { date, beforeTaxCents, afterTaxCents: beforeTaxCents + Math.round((beforeTaxCents * TAX_PER_TEN_THOUSAND) / 10_000) };
  });
  const totalBeforeTaxCents = stay.rooms * nights.reduce((sum, night) => sum + night.beforeTaxCents, 0);
  const totalAfterTaxCents = stay.rooms * nights.reduce((sum, night) => sum + night.afterTaxCents, 0);
  if (!plan.refundable) return { nights, totalBeforeTaxCents, totalAfterTaxCents, latePenaltyCents: totalAfterTaxCents };
  return {
    nights,
    totalBeforeTaxCents,
    totalAfterTaxCents,
    // Free until noon, Nepal time, two days before arrival; then the first night is charged.
    freeCancellationUntil: nepalInstant(addDays(stay.checkIn, -2), '12:00'),
    latePenaltyCents: stay.rooms * (nights[0]?.afterTaxCents ?? 0),
  };
}
