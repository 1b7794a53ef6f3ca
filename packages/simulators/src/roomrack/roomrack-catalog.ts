import { hashSeed } from '../harness/simulator-clock.ts';
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
 * roomrack's catalogue: the properties it contracts under its own codes, spellings and addresses,
 * its room types and rate plans, priced per room and night in Nepalese rupees with taxes apart.
 * Its contracts differ from staylink's: each property is a few percent cheaper or dearer there.
 */
export const ROOMRACK_CURRENCY = 'NPR';
/** roomrack's contract rate: rupees per US dollar. */
const NPR_PER_USD_PER_MILLE = 133_500;

export type Board = 'RO' | 'BB' | 'HB' | 'FB';

export interface RoomrackRoomType {
  code: string;
  name: string;
  spec: RoomCategorySpec;
}

export interface RoomrackTax {
  code: string;
  name: string;
  /** Percent with two decimals ("13.00"), or an amount per room-night in paisa. */
  percent?: string;
  amountPaisa?: number;
  /** Codes of taxes this percent is charged on top of (VAT on the service charge). */
  onTopOf?: string[];
}

export interface RoomrackProperty {
  code: string;
  name: string;
  cityCode: WorldCityCode;
  cityName: string;
  address: string;
  latitude: number;
  longitude: number;
  stars: number;
  property: WorldProperty;
  roomTypes: RoomrackRoomType[];
  taxes: RoomrackTax[];
  /** Board of the flexible rate: breakfast in town, full board at the jungle lodges. */
  flexibleBoard: Board;
  /** roomrack's contract against the world's rack rate, per mille. */
  contractPerMille: number;
}

export interface RoomrackRatePlan {
  code: 'FLEX' | 'NONREF';
  refundable: boolean;
  /** Price relative to the flexible rate, per mille. */
  pricePerMille: number;
}

export const ROOMRACK_RATE_PLANS: readonly RoomrackRatePlan[] = [
  { code: 'FLEX', refundable: true, pricePerMille: 1000 },
  { code: 'NONREF', refundable: false, pricePerMille: 900 },
];

const ROOM_TYPES: Record<RoomCategory, { code: string; name: string }> = {
  standard: { code: 'SDBL', name: 'Standard Double' },
  deluxe: { code: 'DLXV', name: 'Deluxe Room with View' },
  suite: { code: 'JSTE', name: 'Junior Suite' },
};

const SERVICE_CHARGE: RoomrackTax = { code: 'SC', name: 'Service charge', percent: '10.00' };
const VAT: RoomrackTax = { code: 'VAT', name: 'Value added tax', percent: '13.00', onTopOf: ['SC'] };

/**
 * Kathmandu and Pokhara add a tourist service fee per room-night; Lukla's lodges are not VAT
 * registered, so they charge the service charge only.
 */
function taxesIn(cityCode: WorldCityCode): RoomrackTax[] {
  if (cityCode === 'LUA') return [SERVICE_CHARGE];
  if (cityCode === 'KTM' || cityCode === 'PKR')
    return [SERVICE_CHARGE, VAT, { code: 'TSF', name: 'Tourist service fee', amountPaisa: 15_000 }];
  return [SERVICE_CHARGE, VAT];
}

export const ROOMRACK_PROPERTIES: readonly RoomrackProperty[] = WORLD_PROPERTIES.flatMap((property) => {
  const listing = property.roomrack;
  if (!listing) return [];
  const city = WORLD_CITIES[property.cityCode];
  // roomrack geocodes from street addresses: up to ~90 m off, five decimals.
  const position = publishedPosition(property, `roomrack:${property.id}`, 90, 5);
  return [
    {
      code: listing.code,
      name: listing.name,
      cityCode: property.cityCode,
      cityName: city.roomrackName,
      address: `${listing.street ?? property.street}, ${city.roomrackName}-${property.postalCode}, Nepal`,
      ...position,
      stars: property.stars,
      property,
      roomTypes: roomCategoriesOf(property).map((spec) => ({ ...ROOM_TYPES[spec.category], spec })),
      taxes: taxesIn(property.cityCode),
      flexibleBoard: property.cityCode === 'BHR' && property.stars >= 4 ? 'FB' : 'BB',
      contractPerMille: 940 + (hashSeed(`roomrack:contract:${property.id}`) % 121),
    },
  ];
});

const PROPERTIES_BY_CODE = new Map(ROOMRACK_PROPERTIES.map((property) => [property.code, property]));

export function roomrackProperty(code: string): RoomrackProperty | undefined {
  return PROPERTIES_BY_CODE.get(code);
}

export function roomrackAllotment(propertyCode: string, roomCode: string): number {
  const property = PROPERTIES_BY_CODE.get(propertyCode);
  const room = property?.roomTypes.find((candidate) => candidate.code === roomCode);
  return property && room ? seededAllotment(property.property, room.spec, 'roomrack') : 0;
}

export function boardOf(property: RoomrackProperty, plan: RoomrackRatePlan): Board {
  return plan.refundable ? property.flexibleBoard : 'RO';
}

export interface RoomrackPricing {
  driftPeriod: number;
  markupPercent: number;
}

/**
 * roomrack quotes one rate per room and night for the whole stay: the world's nightly rates
 * averaged over the stay, converted at its contract rate and rounded to whole rupees (in paisa).
 */
export function roomrackPerNightPaisa(
  property: RoomrackProperty,
  roomType: RoomrackRoomType,
  plan: RoomrackRatePlan,
  stay: { checkIn: string; checkOut: string },
  pricing: RoomrackPricing,
): number {
  const nights = stayNights(stay.checkIn, stay.checkOut);
  const usdCents = nights.reduce(
    (sum, date) => sum + worldNightlyRateUsdCents(property.property, roomType.spec, date, pricing.driftPeriod),
    0,
  );
  const nprPaisa = (usdCents * NPR_PER_USD_PER_MILLE) / 1000 / nights.length;
  const contracted =
    (nprPaisa * property.contractPerMille * plan.pricePerMille * (100 + pricing.markupPercent)) / (1000 * 1000 * 100);
  return Math.round(contracted / 100) * 100;
}

/** Taxes of one room-night, in paisa, each rounded half up as roomrack rounds them. */
export function roomrackTaxesPaisa(taxes: readonly RoomrackTax[], perNightPaisa: number): Array<{ code: string; paisa: number }> {
  const charged: Array<{ code: string; paisa: number }> = [];
  for (const tax of taxes) {
    if (tax.amountPaisa !== undefined) {
      charged.push({ code: tax.code, paisa: tax.amountPaisa });
      continue;
    }
    const base =
      perNightPaisa +
      charged.filter((earlier) => tax.onTopOf?.includes(earlier.code)).reduce((sum, earlier) => sum + earlier.paisa, 0);
    const basisPoints = Math.round(Number(tax.percent ?? '0') * 100);
    charged.push({ code: tax.code, paisa: Math.round((base * basisPoints) / 10_000) });
  }
  return charged;
}

export interface RoomrackStayPrice {
  perNightPaisa: number;
  taxesPerNight: Array<{ code: string; paisa: number }>;
  nights: number;
  rooms: number;
  totalPaisa: number;
  freeCancellationUntil?: Date;
  penaltyPaisa: number;
}

/** The whole booking: (rate + taxes) per room-night, times rooms and nights; its cancellation terms. */
export function priceRoomrackStay(
  property: RoomrackProperty,
  roomType: RoomrackRoomType,
  plan: RoomrackRatePlan,
  stay: { checkIn: string; checkOut: string; rooms: number },
  pricing: RoomrackPricing,
): RoomrackStayPrice {
  const perNightPaisa = roomrackPerNightPaisa(property, roomType, plan, stay, pricing);
  const taxesPerNight = roomrackTaxesPaisa(property.taxes, perNightPaisa);
  const roomNightPaisa = perNightPaisa + taxesPerNight.reduce((sum, tax) => sum + tax.paisa, 0);
  const nights = stayNights(stay.checkIn, stay.checkOut).length;
  const totalPaisa = roomNightPaisa * stay.rooms * nights;
  if (!plan.refundable) return { perNightPaisa, taxesPerNight, nights, rooms: stay.rooms, totalPaisa, penaltyPaisa: totalPaisa };
  return {
    perNightPaisa,
    taxesPerNight,
    nights,
    rooms: stay.rooms,
    totalPaisa,
    // Free until 14:00 Nepal time three days before arrival; then one night of every room.
    freeCancellationUntil: nepalInstant(addDays(stay.checkIn, -3), '14:00'),
    penaltyPaisa: roomNightPaisa * stay.rooms,
  };
}
