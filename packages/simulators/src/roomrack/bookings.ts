import { attributeOf, childOf, childrenOf, type XmlNode } from '@himal/gds/xml';
import type { LedgerFailure, Reservation } from '../hotel-world/reservation-ledger.ts';
import { stayNights, toNepalIso } from '../hotel-world/stay-dates.ts';
import { boardOf, ROOMRACK_CURRENCY, ROOMRACK_RATE_PLANS, roomrackProperty } from './roomrack-catalog.ts';
import { cancelPolicyNode, currentRate, rupees } from './property-search.ts';
import { ROOMRACK_ERRORS, RoomrackRequestError, roomrackAnswer } from './roomrack-replies.ts';
import type { RoomrackBookingDetails, RoomrackRequest, RoomrackState } from './roomrack-state.ts';

/**
 * HoldBooking (takes the rooms for holdMinutes, default 20, at most 30), ConfirmBooking,
 * GetBooking, CancelQuote and CancelCommit. A rateKey whose price no longer holds is refused with
 * RATE_CHANGED and nothing is held.
 */
export const BOOKING_REQUEST_ARRAYS = ['Guest'];

type RoomrackBooking = Reservation<RoomrackBookingDetails>;

const DEFAULT_HOLD_MINUTES = 20;
const MAX_HOLD_MINUTES = 30;
const NAME = /^.{1,60}$/u;

function failure(failure: LedgerFailure, bookingRef: string): RoomrackRequestError {
  const issue = {
    'not-found': { code: ROOMRACK_ERRORS.bookingNotFound, text: `No booking ${bookingRef}` },
    cancelled: { code: ROOMRACK_ERRORS.alreadyCancelled, text: `Booking ${bookingRef} is already cancelled` },
    'hold-expired': { code: ROOMRACK_ERRORS.holdExpired, text: `The hold on ${bookingRef} expired and its rooms were released` },
    'sold-out': { code: ROOMRACK_ERRORS.noAllotment, text: 'No allotment left for these dates' },
    'quote-unknown': { code: ROOMRACK_ERRORS.quoteUnknown, text: 'No such cancellation quote for this booking' },
    'quote-expired': { code: ROOMRACK_ERRORS.quoteExpired, text: 'The cancellation quote has expired; ask for a new one' },
  }[failure];
  return new RoomrackRequestError(issue);
}

function status(booking: RoomrackBooking): string {
  if (booking.status === 'held') return 'ON_HOLD';
  if (booking.status === 'confirmed') return 'CONFIRMED';
  return booking.cancellation?.lapsed ? 'EXPIRED' : 'CANCELLED';
}

export function bookingNode(booking: RoomrackBooking): XmlNode {
  const { rate, taxesPerNight, guests } = booking.details;
  const property = roomrackProperty(rate.propertyCode);
  const roomType = property?.roomTypes.find((room) => room.code === rate.roomCode);
  const plan = ROOMRACK_RATE_PLANS.find((candidate) => candidate.code === rate.ratePlan);
  const cancellation = booking.cancellation && !booking.cancellation.lapsed ? booking.cancellation : undefined;
  return {
    '@_ref': booking.reference,
    '@_status': status(booking),
    '@_created': toNepalIso(booking.createdAt),
    ...(booking.status === 'held' ? { '@_holdUntil': toNepalIso(booking.holdExpiresAt) } : {}),
    ...(booking.confirmationNumber ? { '@_voucher': booking.confirmationNumber } : {}),
    Property: { '@_code': rate.propertyCode, '#text': property?.name ?? rate.propertyCode },
    Stay: { '@_checkIn': rate.checkIn, '@_checkOut': rate.checkOut },
    Room: {
      '@_code': rate.roomCode,
      '@_name': roomType?.name ?? rate.roomCode,
      '@_ratePlan': rate.ratePlan,
      '@_board': property && plan ? boardOf(property, plan) : 'RO',
      '@_count': String(booking.stay.rooms),
    },
    Guests: { Guest: guests.map((guest) => ({ '@_givenName': guest.givenName, '@_surname': guest.surname })) },
    Charges: {
      '@_currency': booking.currency,
      '@_nights': String(booking.stay.nights.length),
      '@_rooms': String(booking.stay.rooms),
      PerNight: rupees(rate.perNightPaisa),
      Tax: taxesPerNight.map((tax) => ({ '@_code': tax.code, '@_perNight': rupees(tax.paisa) })),
      Total: rupees(booking.totalMinor),
    },
    CancelPolicy: cancelPolicyNode({
      freeCancellationUntil: booking.freeCancellationUntil,
      penaltyPaisa: booking.latePenaltyMinor,
    }),
    ...(cancellation
      ? {
          Cancellation: {
            '@_number': cancellation.number,
            '@_at': toNepalIso(cancellation.at),
            '@_fee': rupees(cancellation.penaltyMinor),
            '@_refund': rupees(cancellation.refundMinor),
          },
        }
      : {}),
  };
}

function answer(root: string, request: RoomrackRequest, booking: RoomrackBooking): string {
  return roomrackAnswer(root, { Booking: bookingNode(booking) }, { notices: request.notices });
}

function bookingRef(request: RoomrackRequest): string {
  const ref = attributeOf(request.message, 'bookingRef');
  if (!ref) throw new RoomrackRequestError({ code: ROOMRACK_ERRORS.invalidRequest, text: 'bookingRef is required' });
  return ref;
}

export function answerHoldBooking(request: RoomrackRequest, state: RoomrackState): string {
  const { message } = request;
  const lead = childOf(message, 'Lead');
  const person = (node: XmlNode | undefined) => ({
    givenName: attributeOf(node, 'givenName') ?? '',
    surname: attributeOf(node, 'surname') ?? '',
  });
  const guests = [person(lead), ...childrenOf(childOf(message, 'Guests'), 'Guest').map(person)];
  const email = attributeOf(lead, 'email');
  const phone = attributeOf(lead, 'phone');
  if (!email || !phone || !guests.every((guest) => NAME.test(guest.givenName) && NAME.test(guest.surname))) {
    throw new RoomrackRequestError({
      code: ROOMRACK_ERRORS.invalidRequest,
      text: 'Lead needs givenName, surname, email and phone; every guest a name',
    });
  }
  const { quoted, current } = currentRate(attributeOf(childOf(message, 'Rate'), 'rateKey'), state, request.now);
  if (quoted.perNightPaisa !== current.price.perNightPaisa) {
    throw new RoomrackRequestError({
      code: ROOMRACK_ERRORS.rateChanged,
      text: `The rate is now ${rupees(current.price.perNightPaisa)} ${ROOMRACK_CURRENCY} per night, not ${rupees(quoted.perNightPaisa)}; check the rate again`,
    });
  }
  const minutes = Math.min(
    Number(attributeOf(message, 'holdMinutes') ?? DEFAULT_HOLD_MINUTES) || DEFAULT_HOLD_MINUTES,
    MAX_HOLD_MINUTES,
  );
  const held = state.ledger.hold(
    {
      stay: {
        propertyCode: quoted.propertyCode,
        roomCode: quoted.roomCode,
        nights: stayNights(quoted.checkIn, quoted.checkOut),
        rooms: quoted.occupancy.length,
      },
      details: { rate: quoted, taxesPerNight: current.price.taxesPerNight, guests, lead: { email, phone } },
      totalMinor: current.price.totalPaisa,
      currency: ROOMRACK_CURRENCY,
      holdMs: minutes * 60_000,
      freeCancellationUntil: current.price.freeCancellationUntil,
      latePenaltyMinor: current.price.penaltyPaisa,
    },
    request.now,
  );
  if (!held.ok) throw failure(held.failure, '');
  return answer('HoldBookingResponse', request, held.value);
}

export function answerConfirmBooking(request: RoomrackRequest, state: RoomrackState): string {
  const ref = bookingRef(request);
  const confirmed = state.ledger.confirm(ref, request.now);
  if (!confirmed.ok) throw failure(confirmed.failure, ref);
  return answer('ConfirmBookingResponse', request, confirmed.value);
}

export function answerGetBooking(request: RoomrackRequest, state: RoomrackState): string {
  const ref = bookingRef(request);
  const booking = state.ledger.find(ref, request.now);
  if (!booking) throw failure('not-found', ref);
  return answer('GetBookingResponse', request, booking);
}

export function answerCancelQuote(request: RoomrackRequest, state: RoomrackState): string {
  const ref = bookingRef(request);
  const quoted = state.ledger.quoteCancellation(ref, request.now);
  if (!quoted.ok) throw failure(quoted.failure, ref);
  const quote = quoted.value;
  return roomrackAnswer('CancelQuoteResponse', {
    CancelQuote: {
      '@_quoteId': quote.id,
      '@_bookingRef': ref,
      '@_currency': ROOMRACK_CURRENCY,
      '@_validUntil': toNepalIso(quote.validUntil),
      Fee: rupees(quote.penaltyMinor),
      Refund: rupees(quote.refundMinor),
    },
  });
}

export function answerCancelCommit(request: RoomrackRequest, state: RoomrackState): string {
  const ref = bookingRef(request);
  const quoteId = attributeOf(request.message, 'quoteId');
  if (!quoteId) throw new RoomrackRequestError({ code: ROOMRACK_ERRORS.invalidRequest, text: 'quoteId is required' });
  const cancelled = state.ledger.cancel(ref, quoteId, request.now);
  if (!cancelled.ok) throw failure(cancelled.failure, ref);
  return answer('CancelCommitResponse', request, cancelled.value);
}
