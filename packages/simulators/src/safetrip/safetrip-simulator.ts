import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { minorToDecimal, type Money } from '@himal/gds';
import { parseSoapEnvelope, verifyUsernameToken, type XmlNode } from '@himal/gds/xml';
import type { FaultSpec } from '../harness/fault-plan.ts';
import { requestXml, type SimulatorContext, type SimulatorDefinition } from '../harness/simulator-server.ts';
import {
  echoTokenOf,
  readBookRequest,
  readCancelRequest,
  readQuoteRequest,
  readReadRequest,
  readUsernameToken,
  REQUEST_ARRAYS,
  type CoverRequest,
} from './ota-requests.ts';
import {
  cancelResponse,
  errorsResponse,
  policyResponse,
  quoteResponse,
  type Advisory,
  type Envelope,
  type QuotedPlan,
} from './ota-responses.ts';
import { isPlanId, PLANS, type PlanDefinition } from './plans.ts';
import { PolicyLedger } from './policy-ledger.ts';
import { priceCover, refuseCover, refusePlan } from './premium-rules.ts';
import { refusal, RefusedError, refuse, type Refusal } from './refusals.ts';

/**
 * safetrip: travel insurance over OpenTravel 2003/05 (see safetrip.wsdl for the operations). Each
 * operation authenticates the WS-Security UsernameToken, applies the dialect faults a test asked for,
 * lapses expired holds, then answers with an OTA response, or with its Errors element when safetrip
 * refuses. Authentication failures and injected SOAP faults are SOAP faults, as WS-Security has them.
 */
export const SAFETRIP_CREDENTIALS = { username: 'himal-ota', password: 'safetrip-simulator-secret' };

const WSDL = readFileSync(new URL('./safetrip.wsdl', import.meta.url), 'utf8');
/** How far a UsernameToken's Created may be from real time (the simulator's business clock may be moved by tests). */
const TOKEN_MAX_AGE_MS = 5 * 60_000;

type Operation = 'OTA_InsuranceQuoteRQ' | 'OTA_InsuranceBookRQ' | 'OTA_CancelRQ' | 'OTA_ReadRQ';
type Handler = (body: XmlNode, envelope: Envelope, advisories: Advisory[], warned: boolean) => string;

interface SoapFaultError {
  Fault: { faultcode: string; faultstring: string; statusCode: number };
}

function soapFault(faultcode: string, faultstring: string): SoapFaultError {
  return { Fault: { faultcode, faultstring, statusCode: 500 } };
}

const sameMoney = (a: Money, b: Money) => a.currency === b.currency && a.amountMinor === b.amountMinor;
const decimal = (value: Money) => `${minorToDecimal(value.amountMinor, value.currency)} ${value.currency}`;

export function createSafetripSimulator(credentials = SAFETRIP_CREDENTIALS): SimulatorDefinition {
  const ledger = new PolicyLedger();
  const seenNonces = new Map<string, number>();

  function authenticate(header: XmlNode): void {
    const token = readUsernameToken(header);
    if (!token || token.username !== credentials.username)
      throw soapFault('wsse:FailedAuthentication', 'The security token could not be authenticated');
    const now = Date.now();
    if (Math.abs(now - Date.parse(token.created)) > TOKEN_MAX_AGE_MS)
      throw soapFault('wsse:MessageExpired', 'The message has expired');
    if (!verifyUsernameToken(token, credentials.password, new Date(now), TOKEN_MAX_AGE_MS) || seenNonces.has(token.nonce)) {
      throw soapFault('wsse:FailedAuthentication', 'The security token could not be authenticated');
    }
    for (const [nonce, seenAt] of seenNonces) if (now - seenAt > TOKEN_MAX_AGE_MS) seenNonces.delete(nonce);
    seenNonces.set(token.nonce, now);
  }

  function planRefusal(plan: PlanDefinition, request: CoverRequest): Refusal | undefined {
    const refused = refusePlan(plan, request.cover);
    if (refused) return refused;
    const left = ledger.remaining(plan.id, request.cover.startDate);
    if (left < request.travellers.length)
      return refusal('fullyBooked', `${plan.name} is sold out for cover starting ${request.cover.startDate}`);
    return undefined;
  }

  /** The plan, if the request as a whole and this plan in particular are acceptable. */
  function acceptablePlan(request: CoverRequest, today: string): PlanDefinition | Refusal {
    const whole = refuseCover(request.cover, today);
    if (whole) throw new RefusedError([whole]);
    if (!isPlanId(request.planId)) return refusal('invalidValue', `safetrip has no plan ${request.planId}`);
    const plan = PLANS[request.planId];
    return planRefusal(plan, request) ?? plan;
  }

  const quote: Handler = (body, envelope, advisories, warned) => {
    const requests = readQuoteRequest(body);
    if (requests.length === 0) refuse('requiredFieldMissing', 'PlanForQuoteRQ');
    const today = envelope.now.toISOString().slice(0, 10);
    const quoted: QuotedPlan[] = [];
    const refusals: Refusal[] = [];
    const notes: Advisory[] = [];
    for (const request of requests) {
      const plan = acceptablePlan(request, today);
      if (!('id' in plan)) {
        refusals.push(plan);
        continue;
      }
      const premium = priceCover(plan, request.cover, ledger.priceMovementPercent);
      quoted.push({ planId: plan.id, planName: plan.name, cover: request.cover, premium });
      notes.push(...premium.advisories.map((text) => ({ text })));
    }
    // A degraded safetrip (the warning fault) answers with fewer plans than it could, and says so.
    if (warned && quoted.length > 1) notes.push({ text: `${quoted.pop()!.planName} could not be quoted just now` });
    if (quoted.length === 0) throw new RefusedError(refusals);
    return quoteResponse(quoted, [...refusals, ...notes, ...advisories], envelope);
  };

  const book: Handler = (body, envelope, advisories) => {
    const request = readBookRequest(body);
    if (request.step === 'issue') {
      const held = ledger.find(request.reference!);
      if (held.planId !== request.planId)
        refuse('invalidValue', `${held.reference} is a ${held.planName} booking, not ${request.planId}`);
      if (request.quotedCost && !sameMoney(request.quotedCost, held.premium.total)) {
        refuse('invalidValue', `${held.reference} is held at ${decimal(held.premium.total)}, not ${decimal(request.quotedCost)}`);
      }
      return policyResponse(ledger.issue(held.reference, envelope.now), advisories, envelope);
    }
    const plan = acceptablePlan(request, envelope.now.toISOString().slice(0, 10));
    if (!('id' in plan)) throw new RefusedError([plan]);
    if (request.travellers.some((traveller) => !traveller.surname))
      refuse('requiredFieldMissing', 'every insured traveller needs a Surname');
    const premium = priceCover(plan, request.cover, ledger.priceMovementPercent);
    if (request.quotedCost && !sameMoney(request.quotedCost, premium.total)) {
      refuse('priceChanged', `the ${plan.name} premium is now ${decimal(premium.total)}, not ${decimal(request.quotedCost)}`);
    }
    const { travellers, residenceCountry, cover } = request;
    const held = ledger.hold(
      { planId: plan.id, planName: plan.name, travellers, ...(residenceCountry ? { residenceCountry } : {}), cover, premium },
      envelope.now,
    );
    // No TransactionStatusCode: bound and issued in one step.
    const policy = request.step === 'book' ? ledger.issue(held.reference, envelope.now) : held;
    return policyResponse(policy, [...premium.advisories.map((text) => ({ text })), ...advisories], envelope);
  };

  const cancel: Handler = (body, envelope, advisories) => {
    const request = readCancelRequest(body);
    if (request.step === 'quote')
      return cancelResponse(ledger.quoteCancellation(request.reference, envelope.now), undefined, advisories, envelope);
    const quoteRef =
      request.step === 'cancel'
        ? ledger.quoteCancellation(request.reference, envelope.now).quoteRef
        : (request.quoteRef ?? ledger.latestQuoteRef(request.reference));
    if (!quoteRef) refuse('invalidCancelQuote', `${request.reference}: nothing to commit; quote the cancellation first`);
    const { policy, quote: terms } = ledger.commitCancellation(request.reference, quoteRef, envelope.now);
    return cancelResponse(terms, { cancellationNumber: policy.cancellationNumber! }, advisories, envelope);
  };

  const read: Handler = (body, envelope, advisories) => policyResponse(ledger.find(readReadRequest(body)), advisories, envelope);

  function operation(context: SimulatorContext, name: Operation, responseRoot: string, handler: Handler) {
    // CancelRS requires a Status even when it carries Errors.
    const errorAttributes: Record<string, string> = responseRoot === 'OTA_CancelRS' ? { Status: 'Unsuccessful' } : {};
    return (_args: unknown, _callback: unknown, _headers: unknown, req: IncomingMessage) => {
      const { header, body } = parseSoapEnvelope(requestXml(req), { arrays: REQUEST_ARRAYS });
      authenticate(header);
      const fault = context.faults.take(name, ['soap-fault', 'session-expired']);
      if (fault?.kind === 'session-expired') throw soapFault('wsse:MessageExpired', fault.message ?? 'The message has expired');
      if (fault) throw soapFault(fault.code ?? 'soap:Server', fault.message ?? 'safetrip internal error');
      const movement = context.faults.take(name, ['price-change']);
      if (movement) ledger.priceMovementPercent = movement.percent ?? 10;

      const now = context.clock.now();
      ledger.sweep(now);
      const envelope: Envelope = { echoToken: echoTokenOf(body), now };
      const businessError = context.faults.take(name, ['business-error']);
      if (businessError)
        return { _xml: errorsResponse(responseRoot, [injectedRefusal(businessError)], envelope, errorAttributes) };
      const warning = context.faults.take(name, ['warning']);
      const advisories: Advisory[] = warning
        ? [
            {
              text: warning.message ?? 'safetrip is answering in degraded mode',
              ...(warning.code ? { code: warning.code, shortText: 'Warning' } : {}),
            },
          ]
        : [];
      try {
        return { _xml: handler(body, envelope, advisories, Boolean(warning)) };
      } catch (error) {
        if (error instanceof RefusedError)
          return { _xml: errorsResponse(responseRoot, error.refusals, envelope, errorAttributes) };
        throw error;
      }
    };
  }

  return {
    id: 'safetrip',
    wsdl: WSDL,
    services: (context) => ({
      SafetripService: {
        SafetripPort: {
          OTA_InsuranceQuoteRQ: operation(context, 'OTA_InsuranceQuoteRQ', 'OTA_InsuranceQuoteRS', quote),
          OTA_InsuranceBookRQ: operation(context, 'OTA_InsuranceBookRQ', 'OTA_InsuranceBookRS', book),
          OTA_CancelRQ: operation(context, 'OTA_CancelRQ', 'OTA_CancelRS', cancel),
          OTA_ReadRQ: operation(context, 'OTA_ReadRQ', 'OTA_InsuranceBookRS', read),
        },
      },
    }),
    reset: () => {
      ledger.reset();
      seenNonces.clear();
    },
    state: () => ledger.state(),
  };
}

function injectedRefusal(fault: FaultSpec): Refusal {
  return {
    code: fault.code ?? '450',
    shortText: 'Unable to process',
    text: fault.message ?? 'safetrip could not process the request',
  };
}
