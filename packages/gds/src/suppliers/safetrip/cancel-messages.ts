import { z } from 'zod';
import { addMoney, type Money } from '../../money/money.ts';
import type { SupplierWarning } from '../../products/common.ts';
import { buildXml, type XmlNode } from '../../xml/safe-xml.ts';
import { element, otaMoneySchema, payloadAttributes } from './ota-payload.ts';
import { badResponse, mapResponse, responseRoot, warningsOf } from './ota-status.ts';

/**
 * OTA_CancelRQ / RS, quote then commit. CancelType="Quote" answers Status "Pending" with the terms as
 * CancelRules (Charge: the penalty; Refund: what comes back, CancelByDate: until when the quote holds)
 * and the quote's reference in CancelInfoRS/UniqueID Type 16. CancelType="Commit" names that quote
 * beside the booking and answers Status "Cancelled" with the cancellation number (Type 15).
 */
const RESERVATION = '14';
const CANCELLATION = '15';
const REFERENCE = '16';

export function cancelRequestXml(reference: string, step: 'Quote' | 'Commit', quoteRef?: string): string {
  return buildXml({
    OTA_CancelRQ: {
      ...payloadAttributes({ CancelType: step }),
      UniqueID: [
        { '@_Type': RESERVATION, '@_ID': reference },
        ...(quoteRef ? [{ '@_Type': REFERENCE, '@_ID': quoteRef, '@_ID_Context': 'CancelQuote' }] : []),
      ],
    },
  });
}

const uniqueIdSchema = z.object({ '@_Type': z.string(), '@_ID': z.string().min(1), '@_ID_Context': z.string().optional() });

const cancelRuleSchema = z
  .object({
    '@_Type': z.enum(['Refund', 'Charge', 'Forfeiture']).optional(),
    '@_CancelByDate': z.string().optional(),
    '@_Amount': z.string().optional(),
  })
  .loose()
  .transform((rule, context) => {
    if (rule['@_Amount'] === undefined) return { type: rule['@_Type'], cancelByDate: rule['@_CancelByDate'] };
    const amount = otaMoneySchema.safeParse(rule);
    if (!amount.success) {
      context.addIssue({ code: 'custom', message: amount.error.issues[0]?.message ?? 'not an amount' });
      return z.NEVER;
    }
    return { type: rule['@_Type'], cancelByDate: rule['@_CancelByDate'], amount: amount.data };
  });

const cancelResponseSchema = z.object({
  '@_Status': z.string(),
  UniqueID: z.array(uniqueIdSchema).default([]),
  CancelInfoRS: element(
    z.object({
      CancelRules: element(z.object({ CancelRule: z.array(cancelRuleSchema).default([]) })).optional(),
      UniqueID: z.array(uniqueIdSchema).default([]),
    }),
  ).optional(),
});

export interface CancelOutcome {
  /** OTA TransactionStatusType: Pending for a quote, Cancelled once committed. */
  status: string;
  reference?: string;
  /** What is kept: Charge and Forfeiture rules (and rules without a Type, as the published samples send them). */
  penalty?: Money;
  refund?: Money;
  /** Until when a quote's terms hold. */
  refundDeadline?: string;
  quoteRef?: string;
  cancellationReference?: string;
  warnings: SupplierWarning[];
}

function sum(amounts: Money[], operation: string): Money | undefined {
  if (amounts.length === 0) return undefined;
  const currencies = new Set(amounts.map((a) => a.currency));
  if (currencies.size > 1) throw badResponse(operation, `cancel rules in ${[...currencies].join(' and ')}`);
  return amounts.reduce(addMoney);
}

export function readCancelResponse(body: XmlNode, operation: string): CancelOutcome {
  const root = responseRoot(body, 'OTA_CancelRS', operation);
  const response = mapResponse(cancelResponseSchema, root, operation);
  const rules = response.CancelInfoRS?.CancelRules?.CancelRule ?? [];
  const refunds = rules.filter((rule) => rule.type === 'Refund');
  const charges = rules.filter((rule) => rule.type !== 'Refund');
  const infoIds = response.CancelInfoRS?.UniqueID ?? [];
  const reservation = (ids: typeof infoIds) => ids.find((id) => id['@_Type'] === RESERVATION);
  const reference = (reservation(response.UniqueID) ?? reservation(infoIds) ?? response.UniqueID[0])?.['@_ID'];
  const penalty = sum(
    charges.flatMap((rule) => (rule.amount ? [rule.amount] : [])),
    operation,
  );
  const refund = sum(
    refunds.flatMap((rule) => (rule.amount ? [rule.amount] : [])),
    operation,
  );
  const refundDeadline = refunds.find((rule) => rule.cancelByDate)?.cancelByDate;
  const quoteRef = infoIds.find((id) => id['@_Type'] === REFERENCE && id['@_ID_Context'] === 'CancelQuote')?.['@_ID'];
  const cancellationReference = infoIds.find((id) => id['@_Type'] === CANCELLATION)?.['@_ID'];
  return {
    status: response['@_Status'],
    ...(reference ? { reference } : {}),
    ...(penalty ? { penalty } : {}),
    ...(refund ? { refund } : {}),
    ...(refundDeadline ? { refundDeadline } : {}),
    ...(quoteRef ? { quoteRef } : {}),
    ...(cancellationReference ? { cancellationReference } : {}),
    warnings: warningsOf(root),
  };
}
