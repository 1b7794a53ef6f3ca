import { z } from 'zod';
import type { Money } from '../../money/money.ts';
import type { SupplierWarning } from '../../products/common.ts';
import type { InsuranceOffer, InsuranceQuoteRequest } from '../../products/insurance.ts';
import { buildXml, type XmlNode } from '../../xml/safe-xml.ts';
import { coveredTravelersXml, insCoverageDetailXml } from './coverage-details.ts';
import { element, otaMoneySchema, payloadAttributes } from './ota-payload.ts';
import { mapResponse, responseRoot, warningsOf } from './ota-status.ts';

/** OTA_InsuranceQuoteRQ / RS: one PlanForQuoteRQ per plan asked for, each restating travellers and trip. */
export function quoteRequestXml(request: InsuranceQuoteRequest, planIds: readonly string[]): string {
  const { travellers, ...trip } = request;
  const coveredTravelers = coveredTravelersXml(
    travellers.map(({ age }) => ({ age })),
    request.residenceCountry,
  );
  const detail = insCoverageDetailXml(trip);
  return buildXml({
    OTA_InsuranceQuoteRQ: {
      ...payloadAttributes(),
      PlanForQuoteRQ: planIds.map((planId) => ({
        '@_PlanID': planId,
        CoveredTravelers: coveredTravelers,
        InsCoverageDetail: detail,
      })),
    },
  });
}

/** safetrip's coverage codes (CoverageRequirement/@CoverageType) as the platform names them; others pass through. */
const COVERAGE_NAMES: Record<string, string> = {
  MED: 'medical',
  EVC: 'evacuation',
  CXL: 'trip_cancellation',
  BAG: 'baggage',
  ADV: 'adventure',
};

const coverageSchema = z.object({
  '@_CoverageType': z.string().min(1),
  '@_CoverageLevel': z.string().optional(),
  Deductible: otaMoneySchema.optional(),
  PolicyLimit: otaMoneySchema.optional(),
});

const planForQuoteSchema = z.object({
  '@_PlanID': z.string().min(1),
  '@_Name': z.string().optional(),
  InsCoverageDetail: element(
    z.object({
      CoverageRequirements: element(z.object({ CoverageRequirement: z.array(coverageSchema).default([]) })).optional(),
    }),
  ).optional(),
  PlanCost: otaMoneySchema,
});

const quoteResponseSchema = z.object({ PlanForQuoteRS: z.array(planForQuoteSchema).min(1) });

export interface QuotedPlan {
  planCode: string;
  planName: string;
  premium: Money;
  coverages: InsuranceOffer['coverages'];
}

export function readQuoteResponse(body: XmlNode, operation: string): { plans: QuotedPlan[]; warnings: SupplierWarning[] } {
  const root = responseRoot(body, 'OTA_InsuranceQuoteRS', operation);
  const { PlanForQuoteRS } = mapResponse(quoteResponseSchema, root, operation);
  const plans = PlanForQuoteRS.map((plan) => ({
    planCode: plan['@_PlanID'],
    planName: plan['@_Name'] ?? plan['@_PlanID'],
    premium: plan.PlanCost,
    // A coverage without a limit (unlimited, or merely listed) has no place in the platform's coverage list.
    coverages: (plan.InsCoverageDetail?.CoverageRequirements?.CoverageRequirement ?? []).flatMap((line) =>
      line.PolicyLimit
        ? [
            {
              type: COVERAGE_NAMES[line['@_CoverageType']] ?? line['@_CoverageType'],
              limit: line.PolicyLimit,
              ...(line.Deductible ? { deductible: line.Deductible } : {}),
              ...(line['@_CoverageLevel'] ? { level: line['@_CoverageLevel'] } : {}),
            },
          ]
        : [],
    ),
  }));
  return { plans, warnings: warningsOf(root) };
}
