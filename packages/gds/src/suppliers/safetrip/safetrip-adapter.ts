import { SupplierError } from '../../errors.ts';
import type { CallContext, SupplierConnection } from '../../products/common.ts';
import type { InsuranceOffer, InsuranceQuoteRequest, InsuranceSupplierAdapter } from '../../products/insurance.ts';
import { callSoap } from '../../transport/soap-transport.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { usernameTokenHeader } from '../../xml/ws-security.ts';
import { cancelRequestXml, readCancelResponse } from './cancel-messages.ts';
import { decodeOfferRef, encodeOfferRef } from './offer-ref.ts';
import { OTA_NS, RESPONSE_ARRAYS } from './ota-payload.ts';
import { badResponse } from './ota-status.ts';
import { holdRequestXml, issueRequestXml, readPolicyResponse, readRequestXml, type SafetripPolicy } from './policy-messages.ts';
import { quoteRequestXml, readQuoteResponse, type QuotedPlan } from './quote-messages.ts';
import { SAFETRIP_SUPPLIER_ID } from './supplier-id.ts';

/**
 * safetrip (travel insurance, OpenTravel 2003/05 over SOAP, WS-Security UsernameToken).
 * Quote: one OTA_InsuranceQuoteRQ asking for every plan; price: the same for the chosen plan; book:
 * bind on hold; confirm: read the hold, then issue it with the same cover; cancel: quote, then commit;
 * retrieve: OTA_ReadRQ. See policy-messages.ts and cancel-messages.ts for how each step is expressed.
 */

/** The plans in the platform's distribution agreement with safetrip; OTA quotes name the plans asked for. */
export const SAFETRIP_PLAN_IDS = ['ESSENTIAL', 'COMPREHENSIVE', 'TREKKER'] as const;

type OtaRequest = 'OTA_InsuranceQuoteRQ' | 'OTA_InsuranceBookRQ' | 'OTA_CancelRQ' | 'OTA_ReadRQ';

async function send(
  connection: SupplierConnection,
  operation: string,
  request: OtaRequest,
  bodyXml: string,
  context: CallContext = {},
): Promise<XmlNode> {
  const { username, password } = connection.credentials;
  if (!username || !password) {
    throw new SupplierError('SUPPLIER_NOT_CONFIGURED', `${SAFETRIP_SUPPLIER_ID} needs a username and a password`, {
      supplierId: SAFETRIP_SUPPLIER_ID,
      operation,
    });
  }
  const { body } = await callSoap({
    supplierId: SAFETRIP_SUPPLIER_ID,
    operation,
    endpoint: connection.endpoint,
    soapAction: `${OTA_NS}/${request}`,
    bodyXml,
    headerXml: usernameTokenHeader(username, password),
    arrays: RESPONSE_ARRAYS,
    timeoutMs: context.timeoutMs,
    tenantId: context.tenantId,
    signal: context.signal,
  });
  return body;
}

function toOffer(plan: QuotedPlan, request: InsuranceQuoteRequest): InsuranceOffer {
  return {
    supplierId: SAFETRIP_SUPPLIER_ID,
    supplierOfferRef: encodeOfferRef({ planId: plan.planCode, request }),
    planCode: plan.planCode,
    planName: plan.planName,
    premium: plan.premium,
    coverages: plan.coverages,
  };
}

async function readPolicy(connection: SupplierConnection, reference: string, context?: CallContext): Promise<SafetripPolicy> {
  const operation = 'insurance.retrieve';
  return readPolicyResponse(await send(connection, operation, 'OTA_ReadRQ', readRequestXml(reference), context), operation);
}

export const safetripAdapter: InsuranceSupplierAdapter = {
  supplierId: SAFETRIP_SUPPLIER_ID,
  product: 'insurance',

  async quote(connection, request, context) {
    const operation = 'insurance.quote';
    const body = await send(connection, operation, 'OTA_InsuranceQuoteRQ', quoteRequestXml(request, SAFETRIP_PLAN_IDS), context);
    const { plans, warnings } = readQuoteResponse(body, operation);
    return { offers: plans.map((plan) => toOffer(plan, request)), warnings };
  },

  async price(connection, offer, context) {
    const operation = 'insurance.price';
    const { planId, request } = decodeOfferRef(offer.supplierOfferRef, 'insurance.price');
    const body = await send(connection, operation, 'OTA_InsuranceQuoteRQ', quoteRequestXml(request, [planId]), context);
    const plan = readQuoteResponse(body, operation).plans.find((quoted) => quoted.planCode === planId);
    if (!plan) throw badResponse(operation, `no quote for plan ${planId}`);
    const repriced = toOffer(plan, request);
    const priceChanged =
      repriced.premium.amountMinor !== offer.premium.amountMinor || repriced.premium.currency !== offer.premium.currency;
    return { offer: repriced, priceChanged };
  },

  async book(connection, { offer, insured, contact }, context) {
    const operation = 'insurance.book';
    const { planId, request } = decodeOfferRef(offer.supplierOfferRef, 'insurance.book');
    const { travellers: _quotedAges, ...trip } = request;
    const lead = insured[0];
    if (!lead) throw new Error('a safetrip policy insures at least one person');
    const bodyXml = holdRequestXml({
      planId,
      travellers: insured,
      trip,
      premium: offer.premium,
      customer: { givenName: lead.givenName, familyName: lead.familyName, email: contact.email, phone: contact.phone },
    });
    const policy = readPolicyResponse(await send(connection, operation, 'OTA_InsuranceBookRQ', bodyXml, context), operation);
    if (policy.booking.status !== 'held')
      throw badResponse(operation, `expected a policy on hold, got one ${policy.booking.status}`);
    return policy.booking;
  },

  async confirm(connection, supplierReference, context) {
    const operation = 'insurance.confirm';
    const current = await readPolicy(connection, supplierReference, context);
    if (current.booking.status === 'confirmed') return current.booking;
    if (current.booking.status === 'cancelled') {
      const [code, what] = current.lapsed
        ? (['OFFER_EXPIRED', 'lapsed before it was issued'] as const)
        : (['SUPPLIER_BUSINESS_ERROR', 'was cancelled'] as const);
      throw new SupplierError(code, `${SAFETRIP_SUPPLIER_ID} booking ${supplierReference} ${what}`, {
        supplierId: SAFETRIP_SUPPLIER_ID,
        operation,
      });
    }
    if (!current.content)
      throw badResponse(operation, `the held booking ${supplierReference} does not state its cover, so it cannot be issued`);
    const body = await send(
      connection,
      operation,
      'OTA_InsuranceBookRQ',
      issueRequestXml(current.content, supplierReference),
      context,
    );
    const issued = readPolicyResponse(body, operation);
    if (issued.booking.status !== 'confirmed')
      throw badResponse(operation, `expected an issued policy, got one ${issued.booking.status}`);
    return issued.booking;
  },

  async quoteCancellation(connection, supplierReference, context) {
    const operation = 'insurance.quoteCancellation';
    const outcome = readCancelResponse(
      await send(connection, operation, 'OTA_CancelRQ', cancelRequestXml(supplierReference, 'Quote'), context),
      operation,
    );
    const { quoteRef, penalty, refund, refundDeadline } = outcome;
    if (!quoteRef || !penalty || !refund)
      throw badResponse(operation, 'a cancellation quote needs its reference, a charge and a refund');
    return {
      supplierId: SAFETRIP_SUPPLIER_ID,
      supplierReference,
      quoteRef,
      penalty,
      refund,
      ...(refundDeadline ? { expiresAt: refundDeadline } : {}),
    };
  },

  async cancel(connection, quote, context) {
    const operation = 'insurance.cancel';
    const bodyXml = cancelRequestXml(quote.supplierReference, 'Commit', quote.quoteRef);
    const outcome = readCancelResponse(await send(connection, operation, 'OTA_CancelRQ', bodyXml, context), operation);
    if (outcome.status !== 'Cancelled') throw badResponse(operation, `expected Status Cancelled, got ${outcome.status}`);
    return {
      supplierId: SAFETRIP_SUPPLIER_ID,
      supplierReference: quote.supplierReference,
      status: 'cancelled',
      penalty: outcome.penalty ?? quote.penalty,
      refund: outcome.refund ?? quote.refund,
      ...(outcome.cancellationReference ? { cancellationReference: outcome.cancellationReference } : {}),
    };
  },

  async retrieve(connection, supplierReference, context) {
    return (await readPolicy(connection, supplierReference, context)).booking;
  },
};
