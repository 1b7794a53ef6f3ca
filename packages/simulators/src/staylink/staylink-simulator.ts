import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type * as soap from 'soap';
import { attributeOf, parseSoapEnvelope } from '@himal/gds/xml';
import { requestXml, type SimulatorContext, type SimulatorDefinition } from '../harness/simulator-server.ts';
import { ReservationLedger } from '../hotel-world/reservation-ledger.ts';
import { DRIFT_PERIOD_MS } from '../hotel-world/room-rates.ts';
import { RoomAllotment } from '../hotel-world/room-allotment.ts';
import { toNepalIso } from '../hotel-world/stay-dates.ts';
import { AVAIL_REQUEST_ARRAYS, PARTIAL_AVAILABILITY, answerHotelAvail } from './hotel-avail.ts';
import { answerCancel, CANCEL_REQUEST_ARRAYS } from './cancel.ts';
import { answerHotelRes, answerRead, RES_REQUEST_ARRAYS } from './hotel-res.ts';
import { ERR, EWT, OtaRequestError, otaErrors, type OtaIssue } from './ota-replies.ts';
import { staylinkAllotment } from './staylink-catalog.ts';
import { UsernameTokenGate } from './staylink-security.ts';
import type { OtaRequest, StaylinkBookingDetails, StaylinkState } from './staylink-state.ts';

/**
 * The staylink simulator: OpenTravel 2003/05 hotel availability, two-phase reservations,
 * cancellation (quote, commit) and read, behind WS-Security. Dialect faults it honours, per
 * operation (HotelAvail, HotelRes, Cancel, Read):
 *   soap-fault        a SOAP Fault (faultcode/faultstring from the fault's code/message)
 *   session-expired   wsse:MessageExpired, as for a stale security token
 *   business-error    OTA Errors (ERR code from the fault, default 450 Unable to process)
 *   warning           HotelAvail: partial results and a Warning; others: a Warning beside the answer
 *   price-change      every rate moves by the fault's percent from this call on
 */
export const STAYLINK_CREDENTIALS = { username: 'himal-ota', password: 'staylink-simulator-secret', requestorId: 'HIMAL' };

const WSDL = readFileSync(new URL('./staylink.wsdl', import.meta.url), 'utf8');

interface Operation {
  rq: string;
  rs: string;
  /** Attributes the answer's root requires even when it carries Errors. */
  errorAttributes?: Record<string, string>;
  arrays: string[];
  handle: (request: OtaRequest, state: StaylinkState) => string;
}

const OPERATIONS: Record<string, Operation> = {
  HotelAvail: { rq: 'OTA_HotelAvailRQ', rs: 'OTA_HotelAvailRS', arrays: AVAIL_REQUEST_ARRAYS, handle: answerHotelAvail },
  HotelRes: { rq: 'OTA_HotelResRQ', rs: 'OTA_HotelResRS', arrays: RES_REQUEST_ARRAYS, handle: answerHotelRes },
  Cancel: {
    rq: 'OTA_CancelRQ',
    rs: 'OTA_CancelRS',
    errorAttributes: { '@_Status': 'Unsuccessful' },
    arrays: CANCEL_REQUEST_ARRAYS,
    handle: answerCancel,
  },
  Read: { rq: 'OTA_ReadRQ', rs: 'OTA_HotelResRS', arrays: ['UniqueID', 'ReadRequest'], handle: answerRead },
};

/** The Warning an injected 'warning' fault adds outside availability. */
const ADVISORY: OtaIssue = {
  type: EWT.advisory,
  shortText: 'Advisory',
  text: 'Please review this reservation with the property',
};

function soapFault(
  faultcode: string,
  faultstring: string,
): { Fault: { faultcode: string; faultstring: string; statusCode: number } } {
  return { Fault: { faultcode, faultstring, statusCode: 500 } };
}

export function createStaylinkSimulator(credentials = STAYLINK_CREDENTIALS): SimulatorDefinition {
  const allotment = new RoomAllotment(staylinkAllotment);
  const ledger = new ReservationLedger<StaylinkBookingDetails>(allotment, 'SL');
  const gate = new UsernameTokenGate(credentials);
  let driftEpoch = Date.now();
  let markupPercent = 0;
  let clock: SimulatorContext['clock'] | undefined;

  const state: StaylinkState = {
    allotment,
    ledger,
    now: () => clock?.now() ?? new Date(),
    pricing: () => ({
      driftPeriod: Math.max(0, Math.floor((state.now().getTime() - driftEpoch) / DRIFT_PERIOD_MS)),
      markupPercent,
    }),
  };

  const serve =
    (context: SimulatorContext, name: string, operation: Operation) =>
    (_args: unknown, _callback: unknown, _headers: unknown, req: IncomingMessage) => {
      const now = context.clock.now();
      const fault = context.faults.take(name, ['soap-fault', 'session-expired']);
      if (fault?.kind === 'soap-fault') throw soapFault(fault.code ?? 'soap:Server', fault.message ?? 'staylink internal error');
      if (fault?.kind === 'session-expired') throw soapFault('wsse:MessageExpired', 'The message has expired');

      const { header, body } = parseSoapEnvelope(requestXml(req), { arrays: operation.arrays });
      const check = gate.check(header);
      if (check === 'expired') throw soapFault('wsse:MessageExpired', 'The security token has expired');
      if (check === 'failed')
        throw soapFault('wsse:FailedAuthentication', 'The security token could not be authenticated or authorized');

      const message = (body[operation.rq] ?? {}) as Record<string, unknown>;
      const reply = { echoToken: attributeOf(message, 'EchoToken'), now };
      ledger.lapseExpiredHolds(now);
      const priceChange = context.faults.take(name, ['price-change']);
      if (priceChange) markupPercent = priceChange.percent ?? 10;
      const businessError = context.faults.take(name, ['business-error']);
      if (businessError) {
        const issue = {
          type: EWT.bizRule,
          code: businessError.code ?? ERR.unableToProcess,
          shortText: businessError.message ?? 'Unable to process',
        };
        return { _xml: otaErrors(operation.rs, reply, [issue], operation.errorAttributes) };
      }
      const warning = context.faults.take(name, ['warning']);
      const issue = warning && {
        ...(name === 'HotelAvail' ? PARTIAL_AVAILABILITY : ADVISORY),
        ...(warning.code ? { code: warning.code } : {}),
        ...(warning.message ? { text: warning.message } : {}),
      };
      const request: OtaRequest = {
        message,
        ...reply,
        warnings: issue ? [issue] : [],
        partialResults: name === 'HotelAvail' && !!issue,
      };
      try {
        return { _xml: operation.handle(request, state) };
      } catch (error) {
        if (error instanceof OtaRequestError)
          return { _xml: otaErrors(operation.rs, request, [error.issue], operation.errorAttributes) };
        throw error;
      }
    };

  return {
    id: 'staylink',
    wsdl: WSDL,
    services: (context) => {
      clock = context.clock;
      const port: Record<string, soap.ISoapServiceMethod> = {};
      for (const [name, operation] of Object.entries(OPERATIONS))
        port[name] = serve(context, name, operation) as soap.ISoapServiceMethod;
      return { StaylinkHotelService: { StaylinkHotelPort: port } };
    },
    reset: () => {
      allotment.reset();
      ledger.reset();
      gate.reset();
      driftEpoch = Date.now();
      markupPercent = 0;
    },
    state: () => ({
      roomsTaken: allotment.snapshot(),
      reservations: ledger.list(state.now()).map((reservation) => ({
        reference: reservation.reference,
        status: reservation.status,
        hotelCode: reservation.details.hotelCode,
        roomTypeCode: reservation.details.roomTypeCode,
        rooms: reservation.stay.rooms,
        holdExpiresAt: toNepalIso(reservation.holdExpiresAt),
      })),
      markupPercent,
    }),
  };
}
