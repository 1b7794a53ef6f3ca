import type { IncomingMessage } from 'node:http';
import type * as soap from 'soap';
import { childText, parseSoapEnvelope } from '@himal/gds/xml';
import { requestXml, type SimulatorContext, type SimulatorDefinition } from '../harness/simulator-server.ts';
import { ReservationLedger } from '../hotel-world/reservation-ledger.ts';
import { RoomAllotment } from '../hotel-world/room-allotment.ts';
import { DRIFT_PERIOD_MS } from '../hotel-world/room-rates.ts';
import { toNepalIso } from '../hotel-world/stay-dates.ts';
import {
  answerCancelCommit,
  answerCancelQuote,
  answerConfirmBooking,
  answerGetBooking,
  answerHoldBooking,
  BOOKING_REQUEST_ARRAYS,
} from './bookings.ts';
import { answerPropertySearch, answerRateCheck, PARTIAL_RESULTS, SEARCH_REQUEST_ARRAYS } from './property-search.ts';
import { roomrackAllotment } from './roomrack-catalog.ts';
import { ROOMRACK_ERRORS, RoomrackRequestError, roomrackErrors } from './roomrack-replies.ts';
import { ROOMRACK_WSDL } from './roomrack-schema.ts';
import type { RoomrackBookingDetails, RoomrackRequest, RoomrackState } from './roomrack-state.ts';

/**
 * The roomrack simulator: roomrack's own XML dialect (PropertySearch, RateCheck, HoldBooking,
 * ConfirmBooking, GetBooking, CancelQuote, CancelCommit) with an API key in a header element.
 * Dialect faults it honours, per operation:
 *   soap-fault        a SOAP Fault (faultcode/faultstring from the fault's code/message)
 *   business-error    Errors in the answer (code from the fault, default SYSTEM_BUSY)
 *   warning           PropertySearch: partial results and a PARTIAL_RESULTS notice; others: a notice
 *   price-change      every rate moves by the fault's percent from this call on
 * roomrack has no sessions, so it has no 'session-expired'.
 */
export const ROOMRACK_CREDENTIALS = { apiKey: 'rr-live-7f3a9c2e-himal' };

interface Operation {
  rq: string;
  rs: string;
  arrays: string[];
  handle: (request: RoomrackRequest, state: RoomrackState) => string;
}

const OPERATIONS: Record<string, Operation> = {
  PropertySearch: {
    rq: 'PropertySearchRequest',
    rs: 'PropertySearchResponse',
    arrays: SEARCH_REQUEST_ARRAYS,
    handle: answerPropertySearch,
  },
  RateCheck: { rq: 'RateCheckRequest', rs: 'RateCheckResponse', arrays: [], handle: answerRateCheck },
  HoldBooking: { rq: 'HoldBookingRequest', rs: 'HoldBookingResponse', arrays: BOOKING_REQUEST_ARRAYS, handle: answerHoldBooking },
  ConfirmBooking: { rq: 'ConfirmBookingRequest', rs: 'ConfirmBookingResponse', arrays: [], handle: answerConfirmBooking },
  GetBooking: { rq: 'GetBookingRequest', rs: 'GetBookingResponse', arrays: [], handle: answerGetBooking },
  CancelQuote: { rq: 'CancelQuoteRequest', rs: 'CancelQuoteResponse', arrays: [], handle: answerCancelQuote },
  CancelCommit: { rq: 'CancelCommitRequest', rs: 'CancelCommitResponse', arrays: [], handle: answerCancelCommit },
};

const NOTICE = { code: 'REVIEW', text: 'Please review this booking with the property' };

export function createRoomrackSimulator(credentials = ROOMRACK_CREDENTIALS): SimulatorDefinition {
  const allotment = new RoomAllotment(roomrackAllotment);
  const ledger = new ReservationLedger<RoomrackBookingDetails>(allotment, 'RR');
  let driftEpoch = Date.now();
  let markupPercent = 0;
  let clock: SimulatorContext['clock'] | undefined;
  const now = () => clock?.now() ?? new Date();
  const state: RoomrackState = {
    allotment,
    ledger,
    pricing: () => ({ driftPeriod: Math.max(0, Math.floor((now().getTime() - driftEpoch) / DRIFT_PERIOD_MS)), markupPercent }),
  };

  const serve =
    (context: SimulatorContext, name: string, operation: Operation) =>
    (_args: unknown, _callback: unknown, _headers: unknown, req: IncomingMessage) => {
      const fault = context.faults.take(name, ['soap-fault']);
      if (fault)
        throw {
          Fault: {
            faultcode: fault.code ?? 'soap:Server',
            faultstring: fault.message ?? 'roomrack internal error',
            statusCode: 500,
          },
        };

      const { header, body } = parseSoapEnvelope(requestXml(req), { arrays: operation.arrays });
      if (childText(header, 'ApiKey') !== credentials.apiKey) {
        return {
          _xml: roomrackErrors(operation.rs, [
            { code: ROOMRACK_ERRORS.authInvalidKey, text: 'The API key is missing or not valid' },
          ]),
        };
      }
      const at = context.clock.now();
      ledger.lapseExpiredHolds(at);
      const priceChange = context.faults.take(name, ['price-change']);
      if (priceChange) markupPercent = priceChange.percent ?? 10;
      const businessError = context.faults.take(name, ['business-error']);
      if (businessError) {
        return {
          _xml: roomrackErrors(operation.rs, [
            {
              code: businessError.code ?? ROOMRACK_ERRORS.systemBusy,
              text: businessError.message ?? 'roomrack is busy, try again shortly',
            },
          ]),
        };
      }
      const warning = context.faults.take(name, ['warning']);
      const notice = warning && {
        ...(name === 'PropertySearch' ? PARTIAL_RESULTS : NOTICE),
        ...(warning.code ? { code: warning.code } : {}),
        ...(warning.message ? { text: warning.message } : {}),
      };
      const request: RoomrackRequest = {
        message: (body[operation.rq] ?? {}) as Record<string, unknown>,
        now: at,
        notices: notice ? [notice] : [],
        partialResults: name === 'PropertySearch' && !!notice,
      };
      try {
        return { _xml: operation.handle(request, state) };
      } catch (error) {
        if (error instanceof RoomrackRequestError) return { _xml: roomrackErrors(operation.rs, [error.issue]) };
        throw error;
      }
    };

  return {
    id: 'roomrack',
    wsdl: ROOMRACK_WSDL,
    services: (context) => {
      clock = context.clock;
      const port: Record<string, soap.ISoapServiceMethod> = {};
      for (const [name, operation] of Object.entries(OPERATIONS))
        port[name] = serve(context, name, operation) as soap.ISoapServiceMethod;
      return { RoomrackHotelService: { RoomrackHotelPort: port } };
    },
    reset: () => {
      allotment.reset();
      ledger.reset();
      driftEpoch = Date.now();
      markupPercent = 0;
    },
    state: () => ({
      roomsTaken: allotment.snapshot(),
      bookings: ledger.list(now()).map((booking) => ({
        ref: booking.reference,
        status: booking.status,
        propertyCode: booking.stay.propertyCode,
        roomCode: booking.stay.roomCode,
        rooms: booking.stay.rooms,
        holdUntil: toNepalIso(booking.holdExpiresAt),
      })),
      markupPercent,
    }),
  };
}
