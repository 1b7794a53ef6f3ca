import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type * as soap from 'soap';
import { parseXml, type XmlNode } from '@himal/gds/xml';
import { requestXml, type SimulatorContext, type SimulatorDefinition } from '../harness/simulator-server.ts';
import type { PricingContext } from './fares.ts';
import { EWT, OtaRequestError, errorMessage, successMessage, type OtaNotice } from './ota-envelope.ts';
import { REQUEST_ARRAYS, echoTokenOf } from './ota-requests.ts';
import { ReservationBook } from './reservations.ts';
import { SeatInventory } from './seat-inventory.ts';
import {
  airBook,
  airPrice,
  cancel,
  demandTicket,
  lowFareSearch,
  read,
  type OperationAnswer,
  type OperationContext,
} from './skyways-operations.ts';
import { UsernameTokenPolicy, soapFault } from './ws-security-check.ts';

/** The account the platform's seeded supplier account uses against the local simulator. */
export const SKYWAYS_CREDENTIALS = { username: 'himal', password: 'skyways-local-secret' };

export interface SkywaysSimulatorOptions {
  /**
   * Checks each request's OTA element before it is served (tests pass the OpenTravel schema
   * validator, so every request an adapter sends in a test is proven valid); complaints are
   * answered with a SOAP Client fault.
   */
  validateRequest?: (otaXml: string) => Promise<string[]>;
  /**
   * The most itineraries one search answers, whatever MaxResponses asks (default 200, skyways'
   * contract). The gds benchmark raises it to measure the adapter on a 1,000-itinerary answer.
   */
  maxResponsesCeiling?: number;
}

type Operation = (message: XmlNode, context: OperationContext) => OperationAnswer;

const OPERATIONS: Record<string, { request: string; response: string; run: Operation }> = {
  AirLowFareSearch: { request: 'OTA_AirLowFareSearchRQ', response: 'OTA_AirLowFareSearchRS', run: lowFareSearch },
  AirPrice: { request: 'OTA_AirPriceRQ', response: 'OTA_AirPriceRS', run: airPrice },
  AirBook: { request: 'OTA_AirBookRQ', response: 'OTA_AirBookRS', run: airBook },
  AirDemandTicket: { request: 'OTA_AirDemandTicketRQ', response: 'OTA_AirDemandTicketRS', run: demandTicket },
  Cancel: { request: 'OTA_CancelRQ', response: 'OTA_CancelRS', run: cancel },
  Read: { request: 'OTA_ReadRQ', response: 'OTA_AirBookRS', run: read },
};

const WSDL = readFileSync(new URL('./skyways.wsdl', import.meta.url), 'utf8');

/** The OTA element inside the SOAP Body, as sent. */
function bodyContent(envelopeXml: string): string {
  return /<(?:[\w.-]+:)?Body\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?Body>/.exec(envelopeXml)?.[1]?.trim() ?? '';
}

/**
 * Skyways: a stateless OpenTravel 2003/05 air supplier. Every call is authenticated by its
 * WS-Security UsernameToken; seats, holds and tickets live in memory from a seeded world.
 */
export function createSkywaysSimulator(options: SkywaysSimulatorOptions = {}): SimulatorDefinition {
  const inventory = new SeatInventory();
  const reservations = new ReservationBook(inventory);
  const security = new UsernameTokenPolicy({ [SKYWAYS_CREDENTIALS.username]: SKYWAYS_CREDENTIALS.password });
  /** Percent that injected price changes have added to every fare since the last reset. */
  let priceAdjustmentPercent = 0;

  async function serve(name: string, req: IncomingMessage, simulator: SimulatorContext): Promise<{ _xml: string }> {
    const operation = OPERATIONS[name]!;
    const xml = requestXml(req);
    let envelope: XmlNode;
    try {
      envelope = (parseXml(xml, { arrays: REQUEST_ARRAYS }).Envelope ?? {}) as XmlNode;
    } catch (error) {
      throw soapFault('soap:Client', `the request is not XML skyways accepts: ${(error as Error).message}`);
    }
    const denied = security.check(envelope.Header as XmlNode | undefined);
    if (denied) throw denied;

    const { faults, clock } = simulator;
    const fault = faults.take(name, ['session-expired', 'soap-fault']);
    if (fault?.kind === 'session-expired') throw soapFault('wsse:MessageExpired', fault.message ?? 'The message has expired');
    if (fault?.kind === 'soap-fault') throw soapFault(fault.code ?? 'soap:Server', fault.message ?? 'Skyways internal error');

    const complaints = options.validateRequest ? await options.validateRequest(bodyContent(xml)) : [];
    if (complaints.length) throw soapFault('soap:Client', `request does not validate: ${complaints.slice(0, 5).join(' | ')}`);

    const message = ((envelope.Body as XmlNode | undefined)?.[operation.request] ?? {}) as XmlNode;
    const now = clock.now();
    const root = { echoToken: echoTokenOf(message), now };
    // OTA_CancelRS states a Status even when it carries Errors.
    const refusal = (notice: OtaNotice) => ({
      _xml: errorMessage(
        operation.response,
        { ...root, attributes: name === 'Cancel' ? { Status: 'Unsuccessful' } : undefined },
        [notice],
      ),
    });
    const businessError = faults.take(name, ['business-error']);
    if (businessError) {
      return refusal({
        type: EWT.processingException,
        code: businessError.code ?? '450',
        shortText: 'Unable to process',
        text: businessError.message,
      });
    }
    const priceChange = faults.take(name, ['price-change']);
    if (priceChange) priceAdjustmentPercent += priceChange.percent ?? 10;
    const warning = faults.take(name, ['warning']);
    const warnings: OtaNotice[] = warning
      ? [
          {
            type: EWT.advisory,
            code: warning.code ?? 'PRT',
            shortText: 'Partial results',
            text: warning.message ?? 'some carriers did not answer in time',
          },
        ]
      : [];

    reservations.expireHolds(now);
    const pricing: PricingContext = {
      now,
      adjustmentPercent: priceAdjustmentPercent,
      seatsLeft: (bucket) => inventory.seatsLeft(bucket),
    };
    try {
      const answer = operation.run(message, {
        pricing,
        reservations,
        warnings,
        partial: Boolean(warning),
        maxResponsesCeiling: options.maxResponsesCeiling,
      });
      return { _xml: successMessage(operation.response, { ...root, attributes: answer.attributes }, answer.content, warnings) };
    } catch (error) {
      if (!(error instanceof OtaRequestError)) throw error;
      return refusal(error.notice);
    }
  }

  return {
    id: 'skyways',
    wsdl: WSDL,
    services: (simulator) => {
      const port: Record<string, soap.ISoapServiceMethod> = {};
      for (const name of Object.keys(OPERATIONS)) {
        port[name] = (_args: unknown, _callback: unknown, _headers: unknown, req: IncomingMessage) => serve(name, req, simulator);
      }
      return { SkywaysService: { SkywaysPort: port } };
    },
    reset: () => {
      inventory.reset();
      reservations.reset();
      security.reset();
      priceAdjustmentPercent = 0;
    },
    state: () => ({
      priceAdjustmentPercent,
      seatsLeft: inventory.known(),
      reservations: reservations.list().map((r) => ({
        locator: r.locator,
        status: r.status,
        ticketTimeLimit: r.ticketTimeLimit.toISOString(),
        total: r.quote.total,
        currency: r.quote.currency,
        tickets: r.tickets.map((t) => t.number),
      })),
    }),
  };
}
