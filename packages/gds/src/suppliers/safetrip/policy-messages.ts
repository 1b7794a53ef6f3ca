import { z } from 'zod';
import type { Money } from '../../money/money.ts';
import type { SupplierBooking, SupplierWarning } from '../../products/common.ts';
import { asArray, buildXml, type XmlNode } from '../../xml/safe-xml.ts';
import {
  coveredTravelersXml,
  insCoverageDetailXml,
  readRestatement,
  type Restatement,
  type SafetripTrip,
} from './coverage-details.ts';
import { amountAttributes, element, otaMoneySchema, payloadAttributes } from './ota-payload.ts';
import { mapResponse, responseRoot, warningsOf } from './ota-status.ts';
import { SAFETRIP_SUPPLIER_ID } from './supplier-id.ts';

/**
 * A safetrip policy's life in OpenTravel messages:
 * - bind on hold: OTA_InsuranceBookRQ with TransactionStatusCode="Start" (the first message of an OTA
 *   transaction), and PlanCost as quoted so safetrip can refuse a changed price;
 * - issue: OTA_InsuranceBookRQ with TransactionStatusCode="End" (the transaction's last message),
 *   TransactionIdentifier and UniqueID naming the held booking, restating its cover;
 * - retrieve: OTA_ReadRQ with the booking as UniqueID Type 14, answered with OTA_InsuranceBookRS.
 * The state is read from PolicyDetail: PolicyNumber Type 23 (provisional) while held, another type
 * once issued; a RefNumber Type 15 once cancelled (ID_Context "HoldLapsed" when the hold ran out); the
 * booking reference as RefNumber Type 16 "BookingReference"; the hold's time limit as PlanRestriction
 * Code "HOLD".
 */
const RESERVATION = '14';
const CANCELLATION = '15';
const REFERENCE = '16';
const PROVISIONAL = '23';

export interface PolicyContent {
  planId: string;
  travellers: Restatement['travellers'];
  trip: SafetripTrip;
  premium: Money;
  customer?: { givenName: string; familyName: string; email: string; phone: string };
}

function planForBookRQ(content: PolicyContent, reference?: string): XmlNode {
  const { customer } = content;
  return {
    '@_PlanID': content.planId,
    CoveredTravelers: coveredTravelersXml(content.travellers, content.trip.residenceCountry),
    InsCoverageDetail: insCoverageDetailXml(content.trip),
    // Required by the schema; on issue the customer is already on the booking.
    InsuranceCustomer: customer
      ? {
          PersonName: { GivenName: customer.givenName, Surname: customer.familyName },
          Telephone: { '@_PhoneNumber': customer.phone },
          Email: customer.email,
        }
      : '',
    PlanCost: amountAttributes(content.premium),
    ...(reference ? { UniqueID: { '@_Type': RESERVATION, '@_ID': reference } } : {}),
  };
}

export function holdRequestXml(content: PolicyContent): string {
  return buildXml({
    OTA_InsuranceBookRQ: { ...payloadAttributes({ TransactionStatusCode: 'Start' }), PlanForBookRQ: planForBookRQ(content) },
  });
}

export function issueRequestXml(content: PolicyContent, reference: string): string {
  return buildXml({
    OTA_InsuranceBookRQ: {
      ...payloadAttributes({ TransactionStatusCode: 'End', TransactionIdentifier: reference }),
      PlanForBookRQ: planForBookRQ(content, reference),
    },
  });
}

export function readRequestXml(reference: string): string {
  return buildXml({ OTA_ReadRQ: { ...payloadAttributes(), UniqueID: { '@_Type': RESERVATION, '@_ID': reference } } });
}

const uniqueIdSchema = z.object({ '@_Type': z.string(), '@_ID': z.string().min(1), '@_ID_Context': z.string().optional() });

const planRestrictionSchema = z.union([
  z.string().transform((text) => ({ code: undefined, text })),
  z
    .object({ '@_Code': z.string().optional(), '#text': z.string().optional() })
    .transform((r) => ({ code: r['@_Code'], text: r['#text'] })),
]);

const planForBookSchema = z.object({
  '@_PlanID': z.string().min(1),
  PolicyDetail: z.object({
    PolicyNumber: uniqueIdSchema,
    RefNumber: z.array(uniqueIdSchema).default([]),
    PlanRestrictions: element(z.object({ PlanRestriction: z.array(planRestrictionSchema).default([]) })).optional(),
  }),
  PlanCost: otaMoneySchema,
});

export interface SafetripPolicy {
  booking: SupplierBooking;
  /** The hold ran out before it was issued (as opposed to being cancelled). */
  lapsed: boolean;
  /** The held cover, to restate when issuing; absent when the response does not carry all of it. */
  content?: PolicyContent;
  warnings: SupplierWarning[];
}

export function readPolicyResponse(body: XmlNode, operation: string): SafetripPolicy {
  const root = responseRoot(body, 'OTA_InsuranceBookRS', operation);
  // safetrip books one plan per message; the first PlanForBookRS is the policy.
  const rawPlan = asArray(root.PlanForBookRS as XmlNode[] | undefined)[0] ?? {};
  const plan = mapResponse(planForBookSchema, rawPlan, operation);
  const { PolicyNumber: policyNumber, RefNumber: refNumbers, PlanRestrictions } = plan.PolicyDetail;
  const ended = refNumbers.find((ref) => ref['@_Type'] === CANCELLATION);
  const held = policyNumber['@_Type'] === PROVISIONAL;
  const reference =
    refNumbers.find((ref) => ref['@_Type'] === REFERENCE && ref['@_ID_Context'] === 'BookingReference')?.['@_ID'] ??
    policyNumber['@_ID'];
  const holdLimit = PlanRestrictions?.PlanRestriction.find((r) => r.code === 'HOLD')?.text;
  const holdExpiresAt =
    held && holdLimit !== undefined ? mapResponse(z.iso.datetime({ offset: true }), holdLimit, operation) : undefined;
  const restatement = readRestatement(rawPlan);
  return {
    booking: {
      supplierId: SAFETRIP_SUPPLIER_ID,
      supplierReference: reference,
      status: ended ? 'cancelled' : held ? 'held' : 'confirmed',
      total: plan.PlanCost,
      ...(holdExpiresAt ? { holdExpiresAt } : {}),
      documents: held ? [] : [policyNumber['@_ID']],
    },
    lapsed: ended?.['@_ID_Context'] === 'HoldLapsed',
    ...(restatement ? { content: { planId: plan['@_PlanID'], premium: plan.PlanCost, ...restatement } } : {}),
    warnings: warningsOf(root),
  };
}
