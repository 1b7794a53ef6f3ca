import { decimalToMinor } from '../../money/money.ts';
import type { HotelOffer, HotelProperty, SupplierHotelPrice } from '../../products/hotel.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, childText, pathOf } from '../../xml/xml-navigation.ts';
import { encodeOfferRef } from './offer-ref.ts';
import { STAYLINK_SUPPLIER_ID } from './supplier-id.ts';

/**
 * OTA_HotelAvailRS to offers: one per RoomRate (room type x rate plan) of each RoomStay. Written
 * for staylink and proven on the published OpenTravel samples, so it takes what the schema allows:
 * the hotel in BasicPropertyInfo, in a HotelStay pointing at the RoomStay, or implied by the
 * request; a total per RoomRate or per RoomStay (per stay, taxes in when AmountAfterTax is there), or
 * only nightly Base rates (per night). A room rate it cannot price or place is counted, not guessed.
 */
export const AVAIL_RESPONSE_ARRAYS = [
  'RoomStay',
  'RoomType',
  'RatePlan',
  'RoomRate',
  'Rate',
  'GuestCount',
  'CancelPenalty',
  'HotelStay',
  'Award',
  'AddressLine',
  'Warning',
  'Error',
];

export interface AvailMappingContext {
  checkIn: string;
  checkOut: string;
  rooms: Array<{ adults: number; childAges: number[] }>;
  /** The hotel asked about, for answers that leave BasicPropertyInfo out (a recheck of one hotel). */
  hotel?: HotelProperty;
}

export interface AvailMapping {
  offers: HotelOffer[];
  /** Room rates left out: no hotel, no amount or currency, or nothing to pay. */
  unpriced: number;
}

function numberOf(value: string | undefined): number | undefined {
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function readProperty(info: XmlNode | undefined): HotelProperty | undefined {
  const code = attributeOf(info, 'HotelCode');
  if (!info || !code) return undefined;
  const address = childOf(info, 'Address');
  const addressParts = [
    ...childrenOf(address, 'AddressLine').map((line) => String(line['#text'] ?? '').trim()),
    childText(address, 'CityName'),
    childText(address, 'PostalCode'),
  ];
  const position = childOf(info, 'Position');
  return {
    supplierHotelCode: code,
    name: attributeOf(info, 'HotelName') ?? code,
    address: addressParts.filter(Boolean).join(', ') || undefined,
    cityCode: attributeOf(info, 'HotelCityCode'),
    latitude: numberOf(attributeOf(position, 'Latitude')),
    longitude: numberOf(attributeOf(position, 'Longitude')),
    starRating: numberOf(attributeOf(childOf(info, 'Award'), 'Rating')),
  };
}

/** A HotelStay names the RoomStays it holds by RPH (RoomStayRPH is a space-separated list). */
function hotelsByRoomStayRph(root: XmlNode): Map<string, HotelProperty> {
  const hotels = new Map<string, HotelProperty>();
  for (const stay of childrenOf(childOf(root, 'HotelStays'), 'HotelStay')) {
    const property = readProperty(childOf(stay, 'BasicPropertyInfo'));
    if (!property) continue;
    for (const rph of (attributeOf(stay, 'RoomStayRPH') ?? '').split(/\s+/).filter(Boolean)) hotels.set(rph, property);
  }
  return hotels;
}

interface PlanTerms {
  name?: string;
  board?: string;
  refundable?: boolean;
  cancellationDeadline?: string;
  available?: number;
}

function cancellationTerms(penalties: XmlNode | undefined): Pick<PlanTerms, 'refundable' | 'cancellationDeadline'> {
  const penalty = childOf(penalties, 'CancelPenalty');
  if (!penalty) return {};
  const nonRefundable = attributeOf(penalty, 'NonRefundable');
  return {
    refundable: nonRefundable === undefined ? undefined : nonRefundable !== 'true' && nonRefundable !== '1',
    cancellationDeadline: attributeOf(childOf(penalty, 'Deadline'), 'AbsoluteDeadline'),
  };
}

function planTerms(plan: XmlNode): PlanTerms {
  const breakfast = attributeOf(childOf(plan, 'MealsIncluded'), 'Breakfast');
  return {
    name: attributeOf(plan, 'RatePlanName'),
    board: breakfast === undefined ? undefined : breakfast === 'true' || breakfast === '1' ? 'breakfast' : 'room_only',
    available: numberOf(attributeOf(plan, 'AvailableQuantity')),
    ...cancellationTerms(childOf(plan, 'CancelPenalties')),
  };
}

function priceOf(
  total: XmlNode | undefined,
  basis: SupplierHotelPrice['basis'],
  fallbackCurrency?: string,
): SupplierHotelPrice | undefined {
  const afterTax = attributeOf(total, 'AmountAfterTax');
  const amount = afterTax ?? attributeOf(total, 'AmountBeforeTax');
  const currency = attributeOf(total, 'CurrencyCode') ?? fallbackCurrency;
  if (!amount || !currency || !/^[A-Z]{3}$/.test(currency)) return undefined;
  try {
    const taxes = attributeOf(childOf(total, 'Taxes'), 'Amount');
    return {
      amount: { amountMinor: decimalToMinor(amount, currency, { round: true }), currency },
      basis,
      taxesIncluded: afterTax !== undefined,
      ...(afterTax !== undefined && taxes
        ? { taxes: { amountMinor: decimalToMinor(taxes, currency, { round: true }), currency } }
        : {}),
    };
  } catch {
    return undefined;
  }
}

function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / 86_400_000);
}

export function mapHotelAvailRS(root: XmlNode, context: AvailMappingContext): AvailMapping {
  const offers: HotelOffer[] = [];
  let unpriced = 0;
  const hotelStays = hotelsByRoomStayRph(root);

  for (const roomStay of childrenOf(childOf(root, 'RoomStays'), 'RoomStay')) {
    const roomRates = childrenOf(childOf(roomStay, 'RoomRates'), 'RoomRate');
    const hotel =
      readProperty(childOf(roomStay, 'BasicPropertyInfo')) ?? hotelStays.get(attributeOf(roomStay, 'RPH') ?? '') ?? context.hotel;
    if (!hotel) {
      unpriced += roomRates.length;
      continue;
    }
    const roomTypes = childrenOf(childOf(roomStay, 'RoomTypes'), 'RoomType');
    const ratePlans = childrenOf(childOf(roomStay, 'RatePlans'), 'RatePlan');
    const checkIn = attributeOf(childOf(roomStay, 'TimeSpan'), 'Start') ?? context.checkIn;
    const checkOut = attributeOf(childOf(roomStay, 'TimeSpan'), 'End') ?? context.checkOut;
    const stayTerms = cancellationTerms(childOf(roomStay, 'CancelPenalties'));

    for (const roomRate of roomRates) {
      const roomTypeCode =
        attributeOf(roomRate, 'RoomTypeCode') ??
        (roomTypes.length === 1 ? attributeOf(roomTypes[0], 'RoomTypeCode') : undefined) ??
        'ROOM';
      const roomType =
        roomTypes.find((type) => attributeOf(type, 'RoomTypeCode') === roomTypeCode) ??
        (roomTypes.length === 1 ? roomTypes[0] : undefined);
      const planCode = attributeOf(roomRate, 'RatePlanCode') ?? attributeOf(roomRate, 'RatePlanID');
      const plan =
        ratePlans.find(
          (candidate) =>
            planCode !== undefined &&
            (attributeOf(candidate, 'RatePlanCode') ?? attributeOf(candidate, 'RatePlanID')) === planCode,
        ) ?? (ratePlans.length === 1 ? ratePlans[0] : undefined);
      const ratePlanCode = planCode ?? attributeOf(plan, 'RatePlanCode') ?? attributeOf(plan, 'RatePlanID') ?? 'RATE';
      const terms = plan ? planTerms(plan) : {};

      const firstRate = childrenOf(childOf(roomRate, 'Rates'), 'Rate')[0];
      const base = childOf(firstRate, 'Base');
      const stayTotal = childOf(roomRate, 'Total') ?? (roomRates.length === 1 ? childOf(roomStay, 'Total') : undefined);
      const price = stayTotal ? priceOf(stayTotal, 'per_stay') : priceOf(base, 'per_night');
      if (!price || price.amount.amountMinor <= 0) {
        unpriced += 1;
        continue;
      }
      const roomName =
        attributeOf(roomType, 'RoomType') ??
        attributeOf(childOf(roomType, 'RoomDescription'), 'Name') ??
        childText(childOf(roomType, 'RoomDescription'), 'Text') ??
        childText(pathOf(firstRate, 'RateDescription'), 'Text') ??
        roomTypeCode;
      offers.push({
        supplierId: STAYLINK_SUPPLIER_ID,
        supplierOfferRef: encodeOfferRef({
          hotelCode: hotel.supplierHotelCode,
          roomTypeCode,
          ratePlanCode,
          checkIn,
          checkOut,
          rooms: context.rooms,
        }),
        hotel,
        room: {
          name: terms.name ? `${roomName} (${terms.name})` : roomName,
          board: terms.board,
          refundable: terms.refundable ?? stayTerms.refundable,
          cancellationDeadline: terms.cancellationDeadline ?? stayTerms.cancellationDeadline,
        },
        checkIn,
        checkOut,
        nights: nightsBetween(checkIn, checkOut),
        price,
        roomsRemaining: terms.available,
      });
    }
  }
  return { offers, unpriced };
}
