import { minorToDecimal } from '@himal/gds';
import { attributeOf, childOf, childrenOf, type XmlNode } from '@himal/gds/xml';
import { distanceKm } from '../hotel-world/geography.ts';
import { nepalDate, stayNights, stayProblem, toNepalIso } from '../hotel-world/stay-dates.ts';
import {
  STAYLINK_CURRENCY,
  STAYLINK_HOTELS,
  STAYLINK_RATE_PLANS,
  priceStaylinkStay,
  staylinkHotel,
  type StaylinkHotel,
  type StaylinkRatePlan,
  type StaylinkRoomType,
  type StaylinkStayPrice,
} from './staylink-catalog.ts';
import { ERR, EWT, OtaRequestError, otaSuccess, type OtaIssue } from './ota-replies.ts';
import type { OtaRequest, StaylinkState } from './staylink-state.ts';

/** OTA_HotelAvailRQ: by hotel code(s), city code or a point and radius; answered per stay, taxes in. */
/** Where one Criterion looks: hotel codes, a city, or a circle around a position (none: anywhere). */
export interface AvailPlace {
  hotelCodes: string[];
  cityCode?: string;
  near?: { latitude: number; longitude: number; radiusKm: number };
}

export interface AvailQuery {
  /** One per Criterion staylink can honour; hotels matching any of them are answered. */
  places: AvailPlace[];
  checkIn: string;
  checkOut: string;
  /** Guests in each room requested. */
  roomOccupancies: number[];
  roomTypeCode?: string;
  ratePlanCodes: string[];
}

export const AVAIL_REQUEST_ARRAYS = [
  'AvailRequestSegment',
  'Criterion',
  'HotelRef',
  'RoomStayCandidate',
  'GuestCount',
  'RatePlanCandidate',
];

function radiusKm(radius: XmlNode | undefined): number {
  const distance = Number(attributeOf(radius, 'Distance') ?? 'NaN');
  if (!Number.isFinite(distance)) return 10;
  const measure = (attributeOf(radius, 'DistanceMeasure') ?? 'Kilometers').toLowerCase();
  if (measure.startsWith('mile')) return distance * 1.609344;
  if (measure.startsWith('meter') || measure.startsWith('metre')) return distance / 1000;
  return distance;
}

/**
 * The end of a stay given as Start and Duration: OpenTravel's DurationType is an xs:duration (P3D)
 * or a night count (P3N). Undefined for a duration that is not a whole number of days or nights.
 */
function endOfStay(start: string, duration: string | undefined): string | undefined {
  const nights = /^P(\d{1,3})[DN]$/.exec(duration ?? '')?.[1];
  if (!nights || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return undefined;
  const end = new Date(`${start}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + Number(nights));
  return end.toISOString().slice(0, 10);
}

/** What a Criterion may hold that staylink searches by (or reads elsewhere: dates, rooms, rates). */
const UNDERSTOOD = new Set(['HotelRef', 'Position', 'Radius', 'StayDateRange', 'RoomStayCandidates', 'RatePlanCandidates']);
/** Places staylink cannot find: it keeps no street addresses or points of interest to search. */
const UNRESOLVABLE_PLACES = ['Address', 'RefPoint', 'CodeRef'];

const STAYLINK_ROOM_TYPE_CODES = new Set(STAYLINK_HOTELS.flatMap((hotel) => hotel.roomTypes.map((roomType) => roomType.code)));

/**
 * One Criterion as staylink honours it, or nothing with a Warning when it names a place staylink
 * cannot find (answering every hotel instead would be answering another question). Other elements
 * it does not search by are named in a Warning, so a client knows its results are broader.
 */
function placeOf(criterion: XmlNode, warnings: OtaIssue[]): AvailPlace[] {
  const elements = Object.keys(criterion).filter((key) => !key.startsWith('@_') && key !== '#text');
  const unresolvable = elements.filter((name) => UNRESOLVABLE_PLACES.includes(name));
  const hotelRefs = childrenOf(criterion, 'HotelRef');
  const position = childOf(criterion, 'Position');
  if (unresolvable.length && hotelRefs.length === 0 && !position) {
    warnings.push({
      type: EWT.bizRule,
      code: ERR.unableToProcess,
      shortText: `Cannot search by ${unresolvable.join(', ')}`,
      text: `staylink cannot search by ${unresolvable.join(' or ')}: give a HotelRef (hotel or city code) or a Position with a Radius`,
    });
    return [];
  }
  const ignored = elements.filter((name) => !UNDERSTOOD.has(name) && !unresolvable.includes(name));
  if (ignored.length)
    warnings.push({
      type: EWT.advisory,
      shortText: `Not searched by: ${ignored.join(', ')}`.slice(0, 64),
      text: `staylink does not search by ${ignored.join(', ')}; the results are not narrowed by it`,
    });
  const latitude = Number(attributeOf(position, 'Latitude') ?? 'NaN');
  const longitude = Number(attributeOf(position, 'Longitude') ?? 'NaN');
  return [
    {
      hotelCodes: hotelRefs.flatMap((ref) => attributeOf(ref, 'HotelCode') ?? []),
      cityCode: hotelRefs.map((ref) => attributeOf(ref, 'HotelCityCode')).find(Boolean),
      near:
        Number.isFinite(latitude) && Number.isFinite(longitude)
          ? { latitude, longitude, radiusKm: radiusKm(childOf(criterion, 'Radius')) }
          : undefined,
    },
  ];
}

export function readAvailQuery(request: OtaRequest): AvailQuery {
  const segment = childOf(childOf(request.message, 'AvailRequestSegments'), 'AvailRequestSegment');
  const criterion = childOf(childOf(segment, 'HotelSearchCriteria'), 'Criterion');
  // Stay dates and rooms may sit in the criterion (2011B) or on the segment (older senders).
  const dates = childOf(criterion, 'StayDateRange') ?? childOf(segment, 'StayDateRange');
  const candidates = childrenOf(
    childOf(criterion, 'RoomStayCandidates') ?? childOf(segment, 'RoomStayCandidates'),
    'RoomStayCandidate',
  );
  const checkIn = attributeOf(dates, 'Start');
  const checkOut = attributeOf(dates, 'End') ?? (checkIn ? endOfStay(checkIn, attributeOf(dates, 'Duration')) : undefined);
  if (!checkIn || !checkOut)
    throw new OtaRequestError({
      type: EWT.requiredFieldMissing,
      code: ERR.requiredFieldMissing,
      shortText: 'StayDateRange needs Start, and End or a Duration in days',
    });

  // RoomStayCandidates are optional in OpenTravel: without them, or without GuestCounts, a room
  // for one adult is asked for (OTA's default quantity is one).
  const roomOccupancies =
    candidates.length === 0
      ? [1]
      : candidates.flatMap((candidate) => {
          const counts = childrenOf(childOf(candidate, 'GuestCounts'), 'GuestCount');
          const guests = counts.length ? counts.reduce((sum, count) => sum + Number(attributeOf(count, 'Count') ?? '1'), 0) : 1;
          return Array.from({ length: Number(attributeOf(candidate, 'Quantity') ?? '1') }, () => guests);
        });
  const criteria = childrenOf(childOf(segment, 'HotelSearchCriteria'), 'Criterion');
  const places = criteria.flatMap((each) => placeOf(each, request.warnings));
  const roomTypeCode = candidates.map((candidate) => attributeOf(candidate, 'RoomTypeCode')).find(Boolean);
  if (roomTypeCode && !STAYLINK_ROOM_TYPE_CODES.has(roomTypeCode))
    request.warnings.push({
      type: EWT.bizRule,
      code: ERR.roomOrRateNotFound,
      shortText: `No room type ${roomTypeCode.slice(0, 40)} here`,
      text: `staylink sells no room type ${roomTypeCode}; its codes are ${[...STAYLINK_ROOM_TYPE_CODES].join(', ')}`,
    });
  return {
    // No Criterion at all: anywhere. Criteria that were all refused: nowhere.
    places: criteria.length ? places : [{ hotelCodes: [] }],
    checkIn,
    checkOut,
    roomOccupancies,
    roomTypeCode,
    ratePlanCodes: childrenOf(childOf(criterion, 'RatePlanCandidates'), 'RatePlanCandidate').flatMap(
      (plan) => attributeOf(plan, 'RatePlanCode') ?? [],
    ),
  };
}

export function assertSellableStay(checkIn: string, checkOut: string, now: Date): void {
  const problem = stayProblem(checkIn, checkOut, nepalDate(now));
  if (problem) {
    const code = problem.startsWith('check-in')
      ? ERR.invalidCheckIn
      : problem.startsWith('check-out')
        ? ERR.invalidCheckOut
        : ERR.invalidDate;
    throw new OtaRequestError({ type: EWT.bizRule, code, shortText: problem });
  }
}

function hotelsIn(place: AvailPlace): StaylinkHotel[] {
  if (place.hotelCodes.length > 0) {
    return place.hotelCodes.map((code) => {
      const hotel = staylinkHotel(code);
      if (!hotel)
        throw new OtaRequestError({
          type: EWT.bizRule,
          code: ERR.invalidPropertyCode,
          shortText: `Invalid property code ${code}`,
        });
      return hotel;
    });
  }
  return STAYLINK_HOTELS.filter(
    (hotel) =>
      (!place.cityCode || hotel.cityCode === place.cityCode) &&
      (!place.near || distanceKm(place.near, hotel) <= place.near.radiusKm),
  );
}

/** The hotels any of the query's criteria finds, each once, in staylink's order. */
function hotelsFor(query: AvailQuery): StaylinkHotel[] {
  const found = new Set(query.places.flatMap(hotelsIn));
  return STAYLINK_HOTELS.filter((hotel) => found.has(hotel));
}

export interface SellableStay {
  hotel: StaylinkHotel;
  roomType: StaylinkRoomType;
  plan: StaylinkRatePlan;
  price: StaylinkStayPrice;
  available: number;
}

/** Every room type and rate plan that fits the rooms asked for and still has them free. */
export function sellableStays(query: AvailQuery, state: StaylinkState): SellableStay[] {
  const nights = stayNights(query.checkIn, query.checkOut);
  const rooms = query.roomOccupancies.length;
  const largestRoom = Math.max(...query.roomOccupancies);
  return hotelsFor(query).flatMap((hotel) =>
    hotel.roomTypes
      .filter(
        (roomType) => (!query.roomTypeCode || roomType.code === query.roomTypeCode) && roomType.spec.maxOccupancy >= largestRoom,
      )
      .flatMap((roomType) => {
        const available = state.allotment.available(hotel.code, roomType.code, nights);
        if (available < rooms) return [];
        return STAYLINK_RATE_PLANS.filter(
          (plan) => query.ratePlanCodes.length === 0 || query.ratePlanCodes.includes(plan.code),
        ).map((plan) => ({
          hotel,
          roomType,
          plan,
          available,
          price: priceStaylinkStay(
            hotel,
            roomType,
            plan,
            { checkIn: query.checkIn, checkOut: query.checkOut, rooms },
            state.pricing(),
          ),
        }));
      }),
  );
}

/** staylink states US dollar amounts with two decimals. */
export function usd(cents: number): string {
  return minorToDecimal(cents, STAYLINK_CURRENCY);
}

function cancelPenaltyNode(stay: SellableStay): XmlNode {
  const { price } = stay;
  const amount = { '@_Amount': usd(price.latePenaltyCents), '@_CurrencyCode': STAYLINK_CURRENCY, '@_TaxInclusive': 'true' };
  if (!price.freeCancellationUntil) {
    return {
      '@_NonRefundable': 'true',
      AmountPercent: { ...amount, '@_Percent': '100' },
      PenaltyDescription: { Text: 'Non-refundable: the whole stay is charged on cancellation' },
    };
  }
  return {
    '@_NonRefundable': 'false',
    Deadline: { '@_AbsoluteDeadline': toNepalIso(price.freeCancellationUntil) },
    AmountPercent: { ...amount, '@_NmbrOfNights': '1' },
    PenaltyDescription: { Text: 'Free cancellation until the deadline; the first night is charged after it' },
  };
}

/** The stay's total, taxes in, with the taxes stated. */
function stayTotal(price: StaylinkStayPrice): XmlNode {
  return {
    '@_AmountBeforeTax': usd(price.totalBeforeTaxCents),
    '@_AmountAfterTax': usd(price.totalAfterTaxCents),
    '@_CurrencyCode': STAYLINK_CURRENCY,
    Taxes: { '@_Amount': usd(price.totalAfterTaxCents - price.totalBeforeTaxCents), '@_CurrencyCode': STAYLINK_CURRENCY },
  };
}

export function roomStayNode(stay: SellableStay, query: AvailQuery, rph: number): XmlNode {
  const { hotel, roomType, plan, price } = stay;
  return {
    '@_RPH': String(rph),
    RoomTypes: {
      RoomType: {
        '@_RoomTypeCode': roomType.code,
        '@_RoomType': roomType.name,
        RoomDescription: { '@_Name': roomType.name, Text: roomType.description },
      },
    },
    RatePlans: {
      RatePlan: {
        '@_RatePlanCode': plan.code,
        '@_RatePlanName': plan.name,
        '@_AvailableQuantity': String(stay.available),
        CancelPenalties: { CancelPenalty: cancelPenaltyNode(stay) },
        MealsIncluded: { '@_Breakfast': plan.breakfast ? 'true' : 'false' },
      },
    },
    RoomRates: {
      RoomRate: {
        '@_RoomTypeCode': roomType.code,
        '@_RatePlanCode': plan.code,
        '@_NumberOfUnits': String(query.roomOccupancies.length),
        Rates: {
          Rate: price.nights.map((night) => ({
            '@_EffectiveDate': night.date,
            '@_ExpireDate': night.date,
            '@_RateTimeUnit': 'Day',
            '@_UnitMultiplier': '1',
            Base: {
              '@_AmountBeforeTax': usd(night.beforeTaxCents),
              '@_AmountAfterTax': usd(night.afterTaxCents),
              '@_CurrencyCode': STAYLINK_CURRENCY,
            },
          })),
        },
        Total: stayTotal(price),
      },
    },
    GuestCounts: {
      GuestCount: { '@_AgeQualifyingCode': '10', '@_Count': String(query.roomOccupancies.reduce((a, b) => a + b, 0)) },
    },
    TimeSpan: { '@_Start': query.checkIn, '@_End': query.checkOut },
    Total: stayTotal(price),
    BasicPropertyInfo: basicPropertyInfo(hotel),
  };
}

export function basicPropertyInfo(hotel: StaylinkHotel): XmlNode {
  return {
    '@_HotelCode': hotel.code,
    '@_HotelName': hotel.name,
    '@_HotelCityCode': hotel.cityCode,
    Position: { '@_Latitude': String(hotel.latitude), '@_Longitude': String(hotel.longitude) },
    Address: {
      AddressLine: hotel.street,
      CityName: hotel.cityName,
      PostalCode: hotel.postalCode,
      CountryName: { '@_Code': 'NP', '#text': 'Nepal' },
    },
    Award: { '@_Provider': 'Nepal Tourism Board', '@_Rating': String(hotel.stars) },
  };
}

/**
 * The availability answer. A 'warning' fault makes it partial, as when some of staylink's
 * properties do not answer in time: every other hotel is left out and a Warning says so.
 */
export function answerHotelAvail(request: OtaRequest, state: StaylinkState): string {
  const query = readAvailQuery(request);
  assertSellableStay(query.checkIn, query.checkOut, request.now);
  let stays = sellableStays(query, state);
  if (request.partialResults) {
    const hotels = [...new Set(stays.map((stay) => stay.hotel.code))];
    const answering = new Set(hotels.filter((_, index) => index % 2 === 0));
    stays = stays.filter((stay) => answering.has(stay.hotel.code));
  }
  const content =
    stays.length > 0 ? { RoomStays: { RoomStay: stays.map((stay, index) => roomStayNode(stay, query, index + 1)) } } : {};
  return otaSuccess('OTA_HotelAvailRS', request, content);
}

export const PARTIAL_AVAILABILITY: OtaIssue = {
  type: EWT.processingException,
  code: '187',
  shortText: 'Partial availability',
  text: 'Some properties did not answer in time; their rooms are not in this response',
};
