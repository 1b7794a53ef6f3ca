import { minorToDecimal } from '@himal/gds';
import { attributeOf, childOf, childrenOf, textOf, type XmlNode } from '@himal/gds/xml';
import { distanceKm } from '../hotel-world/geography.ts';
import { nepalDate, stayNights, stayProblem, toNepalIso } from '../hotel-world/stay-dates.ts';
import {
  ROOMRACK_CURRENCY,
  ROOMRACK_PROPERTIES,
  ROOMRACK_RATE_PLANS,
  boardOf,
  priceRoomrackStay,
  roomrackProperty,
  type RoomrackProperty,
  type RoomrackRatePlan,
  type RoomrackRoomType,
  type RoomrackStayPrice,
} from './roomrack-catalog.ts';
import { decodeRateKey, encodeRateKey, type RateKey } from './rate-key.ts';
import { ROOMRACK_ERRORS, RoomrackRequestError, roomrackAnswer, type RoomrackIssue } from './roomrack-replies.ts';
import type { RoomrackRequest, RoomrackState } from './roomrack-state.ts';

/** PropertySearch (a city or a point and radius) and RateCheck (one rateKey, repriced now). */
export const SEARCH_REQUEST_ARRAYS = ['Room', 'ChildAge'];

export const PARTIAL_RESULTS: RoomrackIssue = {
  code: 'PARTIAL_RESULTS',
  text: 'Some properties did not answer in time and are missing from this response',
};

export function rupees(paisa: number): string {
  return minorToDecimal(paisa, ROOMRACK_CURRENCY);
}

export function assertSellable(checkIn: string, checkOut: string, now: Date): void {
  const problem = stayProblem(checkIn, checkOut, nepalDate(now));
  if (problem) throw new RoomrackRequestError({ code: ROOMRACK_ERRORS.invalidDates, text: problem });
}

interface Candidate {
  property: RoomrackProperty;
  roomType: RoomrackRoomType;
  plan: RoomrackRatePlan;
  price: RoomrackStayPrice;
  available: number;
  key: RateKey;
}

function candidate(
  property: RoomrackProperty,
  roomType: RoomrackRoomType,
  plan: RoomrackRatePlan,
  stay: Omit<RateKey, 'propertyCode' | 'roomCode' | 'ratePlan' | 'perNightPaisa'>,
  state: RoomrackState,
): Candidate {
  const price = priceRoomrackStay(
    property,
    roomType,
    plan,
    { checkIn: stay.checkIn, checkOut: stay.checkOut, rooms: stay.occupancy.length },
    state.pricing(),
  );
  return {
    property,
    roomType,
    plan,
    price,
    available: state.allotment.available(property.code, roomType.code, stayNights(stay.checkIn, stay.checkOut)),
    key: {
      propertyCode: property.code,
      roomCode: roomType.code,
      ratePlan: plan.code,
      ...stay,
      perNightPaisa: price.perNightPaisa,
    },
  };
}

function rateNode(offer: Candidate): XmlNode {
  const { property, roomType, plan, price } = offer;
  return {
    '@_rateKey': encodeRateKey(offer.key),
    '@_roomCode': roomType.code,
    '@_roomName': roomType.name,
    '@_ratePlan': plan.code,
    '@_board': boardOf(property, plan),
    '@_rooms': String(price.rooms),
    '@_available': String(offer.available),
    PerNight: rupees(price.perNightPaisa),
    Taxes: {
      Tax: property.taxes.map((tax) => ({
        '@_code': tax.code,
        '@_name': tax.name,
        ...(tax.percent ? { '@_percent': tax.percent } : {}),
        ...(tax.amountPaisa !== undefined ? { '@_amount': rupees(tax.amountPaisa) } : {}),
        ...(tax.onTopOf ? { '@_onTopOf': tax.onTopOf.join(' ') } : {}),
      })),
    },
    CancelPolicy: cancelPolicyNode(price),
  };
}

export function cancelPolicyNode(price: { freeCancellationUntil?: Date; penaltyPaisa: number }): XmlNode {
  return {
    '@_refundable': price.freeCancellationUntil ? 'true' : 'false',
    ...(price.freeCancellationUntil ? { '@_freeUntil': toNepalIso(price.freeCancellationUntil) } : {}),
    '@_penalty': rupees(price.penaltyPaisa),
  };
}

function propertyNodes(offers: Candidate[]): XmlNode[] {
  const byProperty = new Map<string, Candidate[]>();
  for (const offer of offers) byProperty.set(offer.property.code, [...(byProperty.get(offer.property.code) ?? []), offer]);
  return [...byProperty.values()].map((rates) => {
    const { property } = rates[0]!;
    return {
      '@_code': property.code,
      '@_stars': String(property.stars),
      Name: property.name,
      Address: property.address,
      City: { '@_code': property.cityCode, '#text': property.cityName },
      Geo: { '@_lat': property.latitude.toFixed(5), '@_lng': property.longitude.toFixed(5) },
      Rates: { Rate: rates.map(rateNode) },
    };
  });
}

function readRooms(message: XmlNode): Array<{ adults: number; childAges: number[] }> {
  const rooms = childrenOf(childOf(message, 'Rooms'), 'Room').map((room) => ({
    adults: Number(attributeOf(room, 'adults') ?? '0'),
    childAges: childrenOf(room, 'ChildAge').map((age) => Number(textOf(age) ?? 'NaN')),
  }));
  const valid =
    rooms.length > 0 &&
    rooms.length <= 9 &&
    rooms.every((room) => room.adults >= 1 && room.childAges.every((age) => age >= 0 && age <= 17));
  if (!valid)
    throw new RoomrackRequestError({
      code: ROOMRACK_ERRORS.invalidRequest,
      text: 'Rooms: 1 to 9 rooms, each with at least one adult',
    });
  return rooms;
}

function fits(roomType: RoomrackRoomType, occupancy: Array<{ adults: number; childAges: number[] }>): boolean {
  return occupancy.every((room) => room.adults + room.childAges.length <= roomType.spec.maxOccupancy);
}

export function answerPropertySearch(request: RoomrackRequest, state: RoomrackState): string {
  const { message } = request;
  const stayNode = childOf(message, 'Stay');
  const destination = childOf(message, 'Destination');
  const checkIn = attributeOf(stayNode, 'checkIn') ?? '';
  const checkOut = attributeOf(stayNode, 'checkOut') ?? '';
  assertSellable(checkIn, checkOut, request.now);
  const occupancy = readRooms(message);
  const city = attributeOf(destination, 'city');
  const lat = Number(attributeOf(destination, 'lat') ?? 'NaN');
  const lng = Number(attributeOf(destination, 'lng') ?? 'NaN');
  const radiusKm = Number(attributeOf(destination, 'radiusKm') ?? '5');
  const near = Number.isFinite(lat) && Number.isFinite(lng) ? { latitude: lat, longitude: lng } : undefined;
  if (!city && !near)
    throw new RoomrackRequestError({ code: ROOMRACK_ERRORS.invalidRequest, text: 'Destination needs a city or lat and lng' });

  let properties = ROOMRACK_PROPERTIES.filter(
    (property) => (!city || property.cityCode === city) && (!near || distanceKm(near, property) <= radiusKm),
  );
  if (request.partialResults) properties = properties.filter((_, index) => index % 2 === 0);
  const offers = properties.flatMap((property) =>
    property.roomTypes
      .filter((roomType) => fits(roomType, occupancy))
      .flatMap((roomType) =>
        ROOMRACK_RATE_PLANS.map((plan) => candidate(property, roomType, plan, { checkIn, checkOut, occupancy }, state)),
      )
      .filter((offer) => offer.available >= occupancy.length),
  );
  return roomrackAnswer(
    'PropertySearchResponse',
    { Properties: { Property: propertyNodes(offers) } },
    { attributes: { '@_currency': ROOMRACK_CURRENCY }, notices: request.notices },
  );
}

/** The rate a rateKey names, priced now; refuses keys it did not issue and rooms no longer free. */
export function currentRate(
  rateKey: string | undefined,
  state: RoomrackState,
  now: Date,
): { quoted: RateKey; current: Candidate } {
  const quoted = rateKey ? decodeRateKey(rateKey) : undefined;
  const property = quoted && roomrackProperty(quoted.propertyCode);
  const roomType = property?.roomTypes.find((room) => room.code === quoted?.roomCode);
  const plan = ROOMRACK_RATE_PLANS.find((candidatePlan) => candidatePlan.code === quoted?.ratePlan);
  if (!quoted || !property || !roomType || !plan)
    throw new RoomrackRequestError({ code: ROOMRACK_ERRORS.invalidRateKey, text: 'The rateKey is not one roomrack issued' });
  assertSellable(quoted.checkIn, quoted.checkOut, now);
  const current = candidate(
    property,
    roomType,
    plan,
    { checkIn: quoted.checkIn, checkOut: quoted.checkOut, occupancy: quoted.occupancy },
    state,
  );
  if (current.available < quoted.occupancy.length) {
    throw new RoomrackRequestError({
      code: ROOMRACK_ERRORS.noAllotment,
      text: `No ${roomType.name} left at ${property.name} for these dates`,
    });
  }
  return { quoted, current };
}

export function answerRateCheck(request: RoomrackRequest, state: RoomrackState): string {
  const { quoted, current } = currentRate(attributeOf(childOf(request.message, 'Rate'), 'rateKey'), state, request.now);
  const changed = quoted.perNightPaisa !== current.price.perNightPaisa;
  return roomrackAnswer(
    'RateCheckResponse',
    { Properties: { Property: propertyNodes([current]) } },
    {
      attributes: { '@_currency': ROOMRACK_CURRENCY, ...(changed ? { '@_previousPerNight': rupees(quoted.perNightPaisa) } : {}) },
      notices: request.notices,
    },
  );
}
