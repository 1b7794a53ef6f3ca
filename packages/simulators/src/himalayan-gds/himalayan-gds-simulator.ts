import type { IncomingMessage } from 'node:http';
import type { IServices } from 'soap';
import { parseSoapEnvelope, type XmlNode } from '@himal/gds/xml';
import { requestXml, type SimulatorContext, type SimulatorDefinition } from '../harness/simulator-server.ts';
import { GDS_ERRORS, GdsErrorReply, type GdsError } from './error-catalogue.ts';
import { addMultiElements } from './operations/add-multi-elements.ts';
import { cancelPnr } from './operations/cancel-pnr.ts';
import { informativePricing } from './operations/informative-pricing.ts';
import { initRefund } from './operations/init-refund.ts';
import { issueTicket } from './operations/issue-ticket.ts';
import { masterPricerSearch } from './operations/master-pricer.ts';
import type { GdsOperation, GdsWorld } from './operations/operation-call.ts';
import { retrievePnr } from './operations/retrieve-pnr.ts';
import { PnrStore } from './pnr-store.ts';
import { errorReplyXml, replyXml } from './replies.ts';
import { REQUEST_ARRAYS } from './request-arrays.ts';
import { SeatInventory } from './seat-inventory.ts';
import { SessionDesk, type SessionResult, type SimulatorAccount } from './session-desk.ts';
import { HIMALAYAN_GDS_WSDL } from './wsdl.ts';

const HIMALAYAN_GDS_ID = 'himalayan-gds';

/** Agency offices with access: the platform's, and a second agency's (records are per office). */
export const HIMALAYAN_GDS_ACCOUNTS: readonly SimulatorAccount[] = [
  { officeId: 'KTMHM2100', username: 'himal', password: 'himalayan-local-secret' },
  { officeId: 'PKRLS2200', username: 'lakeside', password: 'lakeside-local-secret' },
];

/** The platform's account, as the supplier-account seed stores it. */
export const HIMALAYAN_GDS_CREDENTIALS: Record<string, string> = { ...HIMALAYAN_GDS_ACCOUNTS[0]! };

const BUSINESS_OPERATIONS: Record<string, GdsOperation> = {
  Fare_MasterPricerTravelBoardSearch: masterPricerSearch,
  Fare_InformativePricingWithoutPNR: informativePricing,
  PNR_AddMultiElements: addMultiElements,
  PNR_Retrieve: retrievePnr,
  PNR_Cancel: cancelPnr,
  DocIssuance_IssueTicket: issueTicket,
  Ticket_InitRefund: initRefund,
};
const OPERATIONS = ['Security_Authenticate', 'Security_SignOut', ...Object.keys(BUSINESS_OPERATIONS)];

/** What the session layer decided about one request, for the operation that answers it. */
interface Exchange {
  request: XmlNode;
  session: SessionResult;
}

/**
 * The Himalayan GDS: an Amadeus-style session service over Nepal's domestic network and its
 * international links. A session layer in front of the operations authenticates, checks each
 * message's session header and sequence number, and writes the reply's header; the operations
 * answer in the body, errors included.
 */
export function createHimalayanGdsSimulator(): SimulatorDefinition {
  const desk = new SessionDesk(HIMALAYAN_GDS_ACCOUNTS);
  const world: GdsWorld = { inventory: new SeatInventory(), pnrs: new PnrStore(), drift: { basisPoints: 0 } };
  const exchanges = new WeakMap<IncomingMessage, Exchange>();
  // The harness hands the context to services() once; state() reads the clock through it.
  let clockOf: SimulatorContext['clock'] | undefined;

  const sessionLayer = (context: SimulatorContext) => (operation: string, req: IncomingMessage) => {
    let header: XmlNode;
    let request: XmlNode;
    try {
      const envelope = parseSoapEnvelope(requestXml(req), { arrays: REQUEST_ARRAYS });
      header = envelope.header;
      const element = envelope.body[operation];
      request = element && typeof element === 'object' ? (element as XmlNode) : {};
    } catch {
      exchanges.set(req, { request: {}, session: { ok: false, error: GDS_ERRORS.formatError } });
      return '';
    }
    const now = context.clock.now().getTime();
    const session =
      operation === 'Security_Authenticate'
        ? desk.open(request, header, now)
        : desk.resume(header, now, { expire: Boolean(context.faults.take(operation, ['session-expired'])) });
    exchanges.set(req, { request, session });
    if (!session.ok) return '';
    if (operation !== 'Security_SignOut') return desk.headerXml(session.session, 'InSeries');
    desk.close(session.session);
    return desk.headerXml(session.session, 'End');
  };

  const answer = (operation: string, req: IncomingMessage, context: SimulatorContext): string => {
    const exchange = exchanges.get(req);
    if (!exchange) return errorReplyXml(operation, GDS_ERRORS.systemUnable);
    if (!exchange.session.ok) return errorReplyXml(operation, exchange.session.error);
    const fault = context.faults.take(operation, ['soap-fault', 'business-error']);
    if (fault?.kind === 'soap-fault') {
      // node-soap answers a thrown { Fault } as a SOAP 1.1 fault with this HTTP status.
      throw {
        Fault: { faultcode: fault.code ?? 'soap:Server', faultstring: fault.message ?? 'Internal system error', statusCode: 500 },
      };
    }
    if (fault?.kind === 'business-error') {
      const error: GdsError = {
        code: fault.code ?? GDS_ERRORS.systemUnable.code,
        text: fault.message ?? GDS_ERRORS.systemUnable.text,
      };
      return errorReplyXml(operation, error);
    }
    if (operation === 'Security_Authenticate') {
      return replyXml(operation, {
        processStatus: { statusCode: 'P' },
        organizationInfo: { organizationDetails: { organizationId: 'HIMALAYAN GDS' } },
      });
    }
    if (operation === 'Security_SignOut') return replyXml(operation, { processStatus: { statusCode: 'P' } });
    const now = context.clock.now().getTime();
    world.pnrs.lapseExpiredHolds(now, world.inventory);
    try {
      return replyXml(
        operation,
        BUSINESS_OPERATIONS[operation]!(exchange.request, {
          operation,
          world,
          now,
          officeId: exchange.session.session.officeId,
          faults: context.faults,
        }),
      );
    } catch (error) {
      if (error instanceof GdsErrorReply) return errorReplyXml(operation, error.error);
      throw error;
    }
  };

  return {
    id: HIMALAYAN_GDS_ID,
    wsdl: HIMALAYAN_GDS_WSDL,
    responseHeaders: sessionLayer,
    services: (context): IServices => {
      clockOf = context.clock;
      const port = OPERATIONS.map((operation) => [
        operation,
        (_args: unknown, _callback: unknown, _headers: unknown, req: IncomingMessage) => ({
          _xml: answer(operation, req, context),
        }),
      ]);
      return { HimalayanGdsService: { HimalayanGdsPort: Object.fromEntries(port) } };
    },
    reset: () => {
      desk.reset();
      world.inventory.reset();
      world.pnrs.reset();
      world.drift.basisPoints = 0;
    },
    state: () => {
      if (clockOf) world.pnrs.lapseExpiredHolds(clockOf.now().getTime(), world.inventory);
      return {
        sessions: desk.stats(),
        seatsSold: world.inventory.snapshot(),
        records: world.pnrs.snapshot(),
        driftBasisPoints: world.drift.basisPoints,
      };
    },
  };
}
