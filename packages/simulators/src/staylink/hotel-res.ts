import { attributeOf, childOf, childrenOf, childText, pathOf, type XmlNode } from '@himal/gds/xml';
import { stayNights } from '../hotel-world/stay-dates.ts';
import type { LedgerFailure } from '../hotel-world/reservation-ledger.ts';
import { assertSellableStay, usd } from './hotel-avail.ts';
import { STAYLINK_CURRENCY, STAYLINK_RATE_PLANS, priceStaylinkStay, staylinkHotel } from './staylink-catalog.ts';
import { ERR, EWT, OtaRequestError, otaSuccess } from './ota-replies.ts';
import { hotelReservationNode, resResponseType, type StaylinkReservation } from './reservation-node.ts';
import type { OtaRequest, StaylinkState } from './staylink-state.ts';

/**
 * OTA_HotelResRQ in two phases, the OpenTravel way: ResStatus="Initiate" prices the stay, takes
 * the rooms and holds them for HoldDuration (default 20 minutes, at most 30); ResStatus="Commit"
 * with the reservation's UniqueID confirms it; no ResStatus at all books in one step (held and
 * confirmed at once). A stated total (ResGlobalInfo/Total) that no longer
 * matches the rate is refused with ERR 438 (Requested rate not available, ShortText "Rate changed")
 * and nothing is held.
 */
export const RES_REQUEST_ARRAYS = [
  'HotelReservation',
  'RoomStay',
  'GuestCount',
  'ResGuest',
  'PersonName',
  'UniqueID',
  'ProfileInfo',
];

const DEFAULT_HOLD_MS = 20 * 60_000;
const MAX_HOLD_MS = 30 * 60_000;

/** xs:duration as HoldDuration carries it: PT20M, PT1H, PT900S. */
function holdMs(duration: string | undefined): number {
  const match = duration ? /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration) : null;
  if (!match) return DEFAULT_HOLD_MS;
  const ms = (Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)) * 1000;
  return Math.min(Math.max(ms, 60_000), MAX_HOLD_MS);
}

const missing = (what: string) =>
  new OtaRequestError({ type: EWT.requiredFieldMissing, code: ERR.requiredFieldMissing, shortText: `${what} is required` });

export function failureIssue(failure: LedgerFailure, reference: string): OtaRequestError {
  switch (failure) {
    case 'not-found':
      return new OtaRequestError({
        type: EWT.bizRule,
        code: ERR.bookingReferenceNotFound,
        shortText: 'Booking reference not found',
        text: `No reservation ${reference}`,
      });
    case 'cancelled':
      return new OtaRequestError({
        type: EWT.bizRule,
        code: ERR.bookingAlreadyCancelled,
        shortText: 'Booking already cancelled',
      });
    case 'hold-expired':
      return new OtaRequestError({
        type: EWT.bizRule,
        code: ERR.bookingStatusInvalid,
        shortText: 'Hold expired',
        text: `The hold on ${reference} passed its time limit and was released`,
      });
    case 'sold-out':
      return new OtaRequestError({
        type: EWT.bizRule,
        code: ERR.noRoomsAvailable,
        shortText: 'No rooms available for requested dates',
      });
    case 'quote-unknown':
      return new OtaRequestError({
        type: EWT.bizRule,
        code: ERR.cancellationProcessFailed,
        shortText: 'Unknown cancellation quote',
      });
    case 'quote-expired':
      return new OtaRequestError({
        type: EWT.bizRule,
        code: ERR.cancellationProcessFailed,
        shortText: 'Cancellation quote expired',
      });
  }
}

function answer(request: OtaRequest, reservation: StaylinkReservation): string {
  return otaSuccess(
    'OTA_HotelResRS',
    request,
    { HotelReservations: { HotelReservation: hotelReservationNode(reservation) } },
    {
      '@_ResResponseType': resResponseType(reservation),
    },
  );
}

function holdStay(request: OtaRequest, state: StaylinkState) {
  const reservation = childOf(childOf(request.message, 'HotelReservations'), 'HotelReservation');
  const roomStays = childrenOf(childOf(reservation, 'RoomStays'), 'RoomStay');
  const first = roomStays[0];
  if (!first) throw missing('RoomStay');
  const hotelCode = attributeOf(childOf(first, 'BasicPropertyInfo'), 'HotelCode');
  const roomTypeCode = attributeOf(pathOf(first, 'RoomTypes', 'RoomType'), 'RoomTypeCode');
  const ratePlanCode = attributeOf(pathOf(first, 'RatePlans', 'RatePlan'), 'RatePlanCode');
  const checkIn = attributeOf(childOf(first, 'TimeSpan'), 'Start');
  const checkOut = attributeOf(childOf(first, 'TimeSpan'), 'End');
  if (!hotelCode || !roomTypeCode || !ratePlanCode || !checkIn || !checkOut)
    throw missing('HotelCode, RoomTypeCode, RatePlanCode and TimeSpan');
  const sameStay = (stay: XmlNode) =>
    attributeOf(childOf(stay, 'BasicPropertyInfo'), 'HotelCode') === hotelCode &&
    attributeOf(pathOf(stay, 'RoomTypes', 'RoomType'), 'RoomTypeCode') === roomTypeCode &&
    attributeOf(pathOf(stay, 'RatePlans', 'RatePlan'), 'RatePlanCode') === ratePlanCode &&
    attributeOf(childOf(stay, 'TimeSpan'), 'Start') === checkIn &&
    attributeOf(childOf(stay, 'TimeSpan'), 'End') === checkOut;
  if (!roomStays.every(sameStay)) {
    throw new OtaRequestError({
      type: EWT.bizRule,
      code: ERR.unableToProcess,
      shortText: 'One hotel, room type, rate plan and stay per reservation',
    });
  }
  assertSellableStay(checkIn, checkOut, request.now);

  const hotel = staylinkHotel(hotelCode);
  const roomType = hotel?.roomTypes.find((room) => room.code === roomTypeCode);
  const plan = STAYLINK_RATE_PLANS.find((candidate) => candidate.code === ratePlanCode);
  if (!hotel)
    throw new OtaRequestError({
      type: EWT.bizRule,
      code: ERR.invalidPropertyCode,
      shortText: `Invalid property code ${hotelCode}`,
    });
  if (!roomType || !plan)
    throw new OtaRequestError({ type: EWT.bizRule, code: ERR.roomOrRateNotFound, shortText: 'Room or rate not found' });

  const guestCounts = roomStays.flatMap((stay) => {
    const units = Number(attributeOf(pathOf(stay, 'RoomTypes', 'RoomType'), 'NumberOfUnits') ?? '1');
    const guests = childrenOf(childOf(stay, 'GuestCounts'), 'GuestCount').reduce(
      (sum, count) => sum + Number(attributeOf(count, 'Count') ?? '1'),
      0,
    );
    return Array.from({ length: units }, () => Math.ceil(guests / units));
  });
  if (Math.max(...guestCounts) > roomType.spec.maxOccupancy) {
    throw new OtaRequestError({
      type: EWT.bizRule,
      code: ERR.unableToProcess,
      shortText: `${roomType.name} sleeps at most ${roomType.spec.maxOccupancy}`,
    });
  }
  const rooms = guestCounts.length;
  const price = priceStaylinkStay(hotel, roomType, plan, { checkIn, checkOut, rooms }, state.pricing());

  const stated = pathOf(reservation, 'ResGlobalInfo', 'Total');
  const statedAmount = attributeOf(stated, 'AmountAfterTax');
  if (
    statedAmount !== undefined &&
    (statedAmount !== usd(price.totalAfterTaxCents) ||
      (attributeOf(stated, 'CurrencyCode') ?? STAYLINK_CURRENCY) !== STAYLINK_CURRENCY)
  ) {
    throw new OtaRequestError({
      type: EWT.bizRule,
      code: ERR.requestedRateNotAvailable,
      shortText: 'Rate changed',
      text: `The stay now costs ${usd(price.totalAfterTaxCents)} ${STAYLINK_CURRENCY}, not ${statedAmount}`,
    });
  }

  const guests = childrenOf(childOf(reservation, 'ResGuests'), 'ResGuest').flatMap((guest) => {
    const customer = pathOf(guest, 'Profiles', 'ProfileInfo', 'Profile', 'Customer');
    const name = childOf(customer, 'PersonName');
    const givenName = childText(name, 'GivenName');
    const surname = childText(name, 'Surname');
    return givenName && surname
      ? [
          {
            givenName,
            surname,
            email: childText(customer, 'Email'),
            phone: attributeOf(childOf(customer, 'Telephone'), 'PhoneNumber'),
          },
        ]
      : [];
  });
  if (guests.length === 0) throw missing('A guest name');

  const held = state.ledger.hold(
    {
      stay: { propertyCode: hotel.code, roomCode: roomType.code, nights: stayNights(checkIn, checkOut), rooms },
      details: {
        hotelCode: hotel.code,
        roomTypeCode: roomType.code,
        ratePlanCode: plan.code,
        ratePlanName: plan.name,
        checkIn,
        checkOut,
        totalBeforeTaxCents: price.totalBeforeTaxCents,
        guestCounts,
        guests: guests.map(({ givenName, surname }) => ({ givenName, surname })),
        email: guests[0]?.email,
        phone: guests[0]?.phone,
      },
      totalMinor: price.totalAfterTaxCents,
      currency: STAYLINK_CURRENCY,
      holdMs: holdMs(attributeOf(request.message, 'HoldDuration')),
      freeCancellationUntil: price.freeCancellationUntil,
      latePenaltyMinor: price.latePenaltyCents,
    },
    request.now,
  );
  if (!held.ok) throw failureIssue(held.failure, '');
  return held.value;
}

function initiate(request: OtaRequest, state: StaylinkState): string {
  return answer(request, holdStay(request, state));
}

function bookAtOnce(request: OtaRequest, state: StaylinkState): string {
  const held = holdStay(request, state);
  const confirmed = state.ledger.confirm(held.reference, request.now);
  if (!confirmed.ok) throw failureIssue(confirmed.failure, held.reference);
  return answer(request, confirmed.value);
}

function commit(request: OtaRequest, state: StaylinkState): string {
  const reference = childrenOf(request.message, 'UniqueID')
    .map((id) => attributeOf(id, 'ID'))
    .find(Boolean);
  if (!reference) throw missing('UniqueID of the reservation to commit');
  const confirmed = state.ledger.confirm(reference, request.now);
  if (!confirmed.ok) throw failureIssue(confirmed.failure, reference);
  return answer(request, confirmed.value);
}

export function answerHotelRes(request: OtaRequest, state: StaylinkState): string {
  const action = attributeOf(request.message, 'ResStatus');
  if (action === 'Initiate') return initiate(request, state);
  if (action === 'Commit') return commit(request, state);
  // Without ResStatus an OTA_HotelResRQ is a booking in one step: priced, held and confirmed at once.
  if (action === undefined) return bookAtOnce(request, state);
  throw new OtaRequestError({
    type: EWT.bizRule,
    code: ERR.unableToProcess,
    shortText: `ResStatus ${action} is not supported: use Initiate, then Commit`,
  });
}

/** OTA_ReadRQ for one reservation, answered with OTA_HotelResRS. */
export function answerRead(request: OtaRequest, state: StaylinkState): string {
  const ids = [
    ...childrenOf(request.message, 'UniqueID'),
    ...childrenOf(childOf(request.message, 'ReadRequests'), 'ReadRequest').flatMap((read) => childrenOf(read, 'UniqueID')),
  ];
  const reference = ids.map((id) => attributeOf(id, 'ID')).find(Boolean);
  if (!reference) throw missing('UniqueID of the reservation to read');
  const reservation = state.ledger.find(reference, request.now);
  if (!reservation) throw failureIssue('not-found', reference);
  return answer(request, reservation);
}
