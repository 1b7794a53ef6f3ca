import { decimalToMinor, minorToDecimal } from '@himal/gds';
import type { XmlNode } from '@himal/gds/xml';
import { FX_PER_USD, brandByRbd, quoteFare, type FareBrand, type PassengerMix, type PricingContext } from './fares.ts';
import { addDays, type DatedFlight } from './flight-times.ts';
import { findDatedFlight, searchItineraries, seatsLeftFor } from './itineraries.ts';
import { airItineraryNode, airReservationNode, isoInstant, pricingInfoContent } from './ota-content.ts';
import { SKYWAYS_ERRORS, refuse, type OtaNotice } from './ota-envelope.ts';
import {
  readCancel,
  readCurrency,
  readExpectedTotal,
  readItinerary,
  readLocator,
  readLowFareSearch,
  carriersAccepted,
  readPassengerMix,
  readTravelers,
  type RequestedSegment,
} from './ota-requests.ts';
import { ticketTimeLimit, type ReservationBook } from './reservations.ts';

/**
 * Skyways' six operations over its engine (fares, seats, reservations). Each takes the OTA request
 * element and answers the content of its response element; refusals are thrown as OTA errors.
 */
export interface OperationContext {
  pricing: PricingContext;
  reservations: ReservationBook;
  /** Warnings to send with the answer; an injected 'warning' fault puts one here. */
  warnings: OtaNotice[];
  /** Set when a 'warning' fault asks for partial results. */
  partial: boolean;
  /** The most itineraries a search answers (MAX_RESPONSES_CEILING unless the simulator was started with more). */
  maxResponsesCeiling?: number;
}

export interface OperationAnswer {
  content: XmlNode;
  /** Root attributes beyond the standard ones (OTA_CancelRS needs Status). */
  attributes?: Record<string, string>;
}

const BOOKABLE_DAYS_AHEAD = 355;

function sellingCurrency(message: XmlNode): string {
  const currency = readCurrency(message);
  if (!FX_PER_USD[currency])
    refuse(SKYWAYS_ERRORS.currencyNotSold, `skyways sells in ${Object.keys(FX_PER_USD).join(', ')}, not ${currency}`);
  return currency;
}

function checkTravelDate(date: string, now: Date): void {
  const today = now.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < today || date > addDays(today, BOOKABLE_DAYS_AHEAD)) {
    refuse(SKYWAYS_ERRORS.invalidDate, `${date} is not a date skyways sells (today to ${BOOKABLE_DAYS_AHEAD} days ahead)`);
  }
}

function seatsFor(mix: PassengerMix): number {
  return mix.ADT + mix.CHD;
}

export function lowFareSearch(message: XmlNode, context: OperationContext): OperationAnswer {
  const currency = sellingCurrency(message);
  const query = readLowFareSearch(message, context.maxResponsesCeiling);
  const mix = readPassengerMix(message);
  for (const slice of query.slices) checkTravelDate(slice.date, context.pricing.now);
  if (query.cabin === 'unsold') refuse(SKYWAYS_ERRORS.noAvailability, 'skyways sells economy and business cabins only');
  let options = searchItineraries(
    query.slices,
    query.cabin,
    mix,
    currency,
    { ...query, accepts: (carriers) => carriersAccepted(query.carriers, carriers) },
    context.pricing,
  );
  if (options.length === 0) refuse(SKYWAYS_ERRORS.noAvailability, 'no flights with seats for this journey and party');
  if (context.partial) options = options.slice(0, Math.ceil(options.length / 2));
  return {
    content: {
      PricedItineraries: {
        PricedItinerary: options.map((option, i) => ({
          '@_SequenceNumber': String(i + 1),
          AirItinerary: airItineraryNode(option.slices, {
            rbd: option.quote.brand.rbd,
            cabin: option.quote.brand.cabin,
            numberInParty: seatsFor(mix),
            seatsLeft: option.seatsLeft,
          }),
          AirItineraryPricingInfo: pricingInfoContent(option.quote, option.slices),
          TicketingInfo: {
            '@_TicketTimeLimit': isoInstant(ticketTimeLimit(option.slices, context.pricing.now)),
            '@_TicketType': 'eTicket',
          },
        })),
      },
    },
  };
}

/** The flights a price or book request names, each checked against the timetable, and the fare brand of their booking class. */
function resolveItinerary(segments: RequestedSegment[][], now: Date): { slices: DatedFlight[][]; brand: FareBrand } {
  const rbds = new Set(segments.flat().map((s) => s.rbd));
  const brand = rbds.size === 1 ? brandByRbd([...rbds][0]!) : undefined;
  if (!brand)
    refuse(
      SKYWAYS_ERRORS.noAvailability,
      `booking classes ${[...rbds].join(', ')}: skyways sells one of V, Y or J for the whole journey`,
    );
  const slices = segments.map((legs) =>
    legs.map((segment) => {
      checkTravelDate(segment.date, now);
      const leg = findDatedFlight(segment.carrier, segment.flightNumber, segment.origin, segment.date);
      const name = `${segment.carrier}${segment.flightNumber} ${segment.origin}-${segment.destination} on ${segment.date}`;
      if (!leg || leg.flight.destination !== segment.destination || (segment.time && segment.time !== leg.flight.departs)) {
        refuse(SKYWAYS_ERRORS.flightNotFound, `${name} is not operated as requested`);
      }
      return leg;
    }),
  );
  return { slices, brand };
}

function checkSeats(slices: DatedFlight[][], brand: FareBrand, seats: number, pricing: PricingContext): number {
  const left = seatsLeftFor(slices.flat(), brand, seats, pricing);
  if (left === undefined)
    refuse(SKYWAYS_ERRORS.noAvailability, `not enough seats left in class ${brand.rbd} for ${seats} travellers`);
  return left;
}

export function airPrice(message: XmlNode, context: OperationContext): OperationAnswer {
  const currency = sellingCurrency(message);
  const mix = readPassengerMix(message);
  const { slices, brand } = resolveItinerary(readItinerary(message), context.pricing.now);
  const seatsLeft = checkSeats(slices, brand, seatsFor(mix), context.pricing);
  const quote = quoteFare(slices.flat(), brand, mix, currency, context.pricing);
  return {
    content: {
      PricedItineraries: {
        PricedItinerary: {
          '@_SequenceNumber': '1',
          AirItinerary: airItineraryNode(slices, { rbd: brand.rbd, cabin: brand.cabin, numberInParty: seatsFor(mix), seatsLeft }),
          AirItineraryPricingInfo: pricingInfoContent(quote, slices),
          TicketingInfo: {
            '@_TicketTimeLimit': isoInstant(ticketTimeLimit(slices, context.pricing.now)),
            '@_TicketType': 'eTicket',
          },
        },
      },
    },
  };
}

/**
 * Holds seats at the fare the client expects. Seats are checked first, so of two bookings racing
 * for the last seat the loser hears "no availability"; a fare that moved since the client priced
 * is refused (FCH) with the new fare in the text, never booked silently.
 */
export function airBook(message: XmlNode, context: OperationContext): OperationAnswer {
  const expected = readExpectedTotal(message);
  const currency = expected?.currency ?? sellingCurrency(message);
  if (!FX_PER_USD[currency]) refuse(SKYWAYS_ERRORS.currencyNotSold, `skyways does not sell in ${currency}`);
  const travelers = readTravelers(message);
  const mix: PassengerMix = { ADT: 0, CHD: 0, INF: 0 };
  for (const traveler of travelers) mix[traveler.ptc] += 1;
  if (mix.ADT === 0 || mix.INF > mix.ADT)
    refuse(SKYWAYS_ERRORS.partyMismatch, 'every party needs an adult, and an adult per infant');
  const { slices, brand } = resolveItinerary(readItinerary(message), context.pricing.now);
  checkSeats(slices, brand, seatsFor(mix), context.pricing);
  const quote = quoteFare(slices.flat(), brand, mix, currency, context.pricing);
  if (expected && decimalToMinor(expected.amount, currency, { round: true }) !== quote.total) {
    refuse(
      SKYWAYS_ERRORS.fareChanged,
      `the fare is now ${minorToDecimal(quote.total, currency)} ${currency}, not ${expected.amount}; price the itinerary again`,
    );
  }
  const reservation = context.reservations.hold(slices, quote, travelers, context.pricing.now);
  if (reservation === 'sold-out') refuse(SKYWAYS_ERRORS.noAvailability, 'the last seats have just been sold');
  return { content: { AirReservation: airReservationNode(reservation) } };
}

function openReservation(message: XmlNode, context: OperationContext) {
  const locator = readLocator(message);
  const reservation = context.reservations.find(locator);
  if (!reservation) refuse(SKYWAYS_ERRORS.bookingNotFound, `no reservation ${locator}`);
  return reservation;
}

export function demandTicket(message: XmlNode, context: OperationContext): OperationAnswer {
  const reservation = openReservation(message, context);
  if (reservation.status === 'cancelled') {
    if (reservation.cancellation?.reason === 'hold-expired') {
      refuse(
        SKYWAYS_ERRORS.holdExpired,
        `${reservation.locator} lapsed at ${isoInstant(reservation.ticketTimeLimit)} and was cancelled`,
      );
    }
    refuse(SKYWAYS_ERRORS.alreadyCancelled, `${reservation.locator} is cancelled`);
  }
  // Ticketing twice answers the tickets already issued, so a client may retry after a lost answer.
  if (reservation.status === 'ticketed') {
    context.warnings.push({
      type: '11',
      code: 'TKD',
      shortText: 'Already ticketed',
      text: `${reservation.locator} was ticketed before`,
    });
  } else {
    context.reservations.ticket(reservation);
  }
  return {
    content: {
      BookingReferenceID: { '@_Type': '14', '@_ID': reservation.locator },
      TicketItemInfo: reservation.tickets.map((ticket, i) => {
        const traveler = reservation.travelers.find((t) => t.rph === ticket.travelerRph)!;
        return {
          '@_TicketNumber': ticket.number,
          '@_Type': 'eTicket',
          '@_ItemNumber': String(i + 1),
          '@_TotalAmount': minorToDecimal(ticket.amount, reservation.quote.currency),
          PassengerName: { '@_PassengerTypeCode': traveler.ptc, GivenName: traveler.givenName, Surname: traveler.surname },
        };
      }),
    },
  };
}

export function cancel(message: XmlNode, context: OperationContext): OperationAnswer {
  const request = readCancel(message);
  const reservation = openReservation(message, context);
  const { currency } = reservation.quote;
  if (reservation.status === 'cancelled') refuse(SKYWAYS_ERRORS.alreadyCancelled, `${reservation.locator} is cancelled`);
  const reference = { '@_Type': '14', '@_ID': reservation.locator };
  if (request.type === 'Quote') {
    const quote = context.reservations.quoteCancellation(reservation, context.pricing.now);
    return {
      attributes: { Status: 'Pending' },
      content: {
        UniqueID: reference,
        CancelInfoRS: {
          CancelRules: {
            CancelRule: [
              {
                '@_Type': 'Charge',
                '@_CancelByDate': isoInstant(quote.expiresAt),
                '@_Amount': minorToDecimal(quote.penalty, currency),
                '@_CurrencyCode': currency,
              },
              { '@_Type': 'Refund', '@_Amount': minorToDecimal(quote.refund, currency), '@_CurrencyCode': currency },
            ],
          },
          UniqueID: { '@_Type': '15', '@_ID': quote.id, '@_ID_Context': 'CancelQuote' },
        },
      },
    };
  }
  const quoteId =
    request.type === 'Cancel'
      ? context.reservations.quoteCancellation(reservation, context.pricing.now).id
      : (request.quoteId ?? context.reservations.latestQuoteId(reservation));
  const quote = quoteId ? context.reservations.validQuote(reservation, quoteId, context.pricing.now) : undefined;
  if (!quote)
    refuse(
      SKYWAYS_ERRORS.cancelQuoteInvalid,
      `quote ${quoteId ?? '(none)'} is not valid for ${reservation.locator}; quote again`,
    );
  const accepted = request.acceptedCharge;
  if (
    accepted &&
    (decimalToMinor(accepted.amount, currency, { round: true }) !== quote.penalty || (accepted.currency ?? currency) !== currency)
  ) {
    refuse(
      SKYWAYS_ERRORS.cancelQuoteInvalid,
      `the accepted charge ${accepted.amount} ${accepted.currency ?? currency} is not the quoted ${minorToDecimal(quote.penalty, currency)} ${currency}`,
    );
  }
  context.reservations.commitCancellation(reservation, quote);
  return {
    attributes: { Status: 'Cancelled' },
    content: {
      UniqueID: reference,
      CancelInfoRS: {
        CancelRules: {
          CancelRule: [
            { '@_Type': 'Charge', '@_Amount': minorToDecimal(quote.penalty, currency), '@_CurrencyCode': currency },
            { '@_Type': 'Refund', '@_Amount': minorToDecimal(quote.refund, currency), '@_CurrencyCode': currency },
          ],
        },
        UniqueID: { '@_Type': '15', '@_ID': reservation.cancellation!.number },
      },
    },
  };
}

export function read(message: XmlNode, context: OperationContext): OperationAnswer {
  const reservation = openReservation(message, context);
  if (reservation.cancellation?.reason === 'hold-expired') {
    context.warnings.push({
      ...SKYWAYS_ERRORS.holdExpired,
      type: '11',
      text: `not ticketed by ${isoInstant(reservation.ticketTimeLimit)}; cancelled`,
    });
  }
  return { content: { AirReservation: airReservationNode(reservation) } };
}
