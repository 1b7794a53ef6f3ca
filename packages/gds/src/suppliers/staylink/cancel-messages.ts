import { decimalToMinor, type Money } from '../../money/money.ts';
import { buildXml, type XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf } from '../../xml/xml-navigation.ts';
import { payloadAttributes, pointOfSale } from './ota-request.ts';

/**
 * OTA_CancelRQ as quote then commit, and what OTA_CancelRS says back. staylink's quote id rides as
 * UniqueID Type 16 (reference) with ID_Context CancelQuote; the commit sends it back beside the
 * reservation (Type 14). Penalties are CancelRules: Charge (what cancelling costs, until its
 * CancelByDate) and Refund.
 */
export const CANCEL_QUOTE_CONTEXT = 'CancelQuote';
export const CANCEL_RESPONSE_ARRAYS = ['UniqueID', 'CancelRule', 'Warning', 'Error'];

export function buildCancelRQ(
  cancelType: 'Quote' | 'Commit',
  supplierReference: string,
  options: { quoteRef?: string; requestorId?: string; now?: Date } = {},
): string {
  return buildXml({
    OTA_CancelRQ: {
      ...payloadAttributes(options.now),
      '@_CancelType': cancelType,
      ...pointOfSale(options.requestorId),
      UniqueID: [
        { '@_Type': '14', '@_ID': supplierReference },
        ...(options.quoteRef ? [{ '@_Type': '16', '@_ID': options.quoteRef, '@_ID_Context': CANCEL_QUOTE_CONTEXT }] : []),
      ],
    },
  });
}

export interface CancelRuleRead {
  type?: string;
  amount?: Money;
  percent?: string;
  cancelByDate?: string;
}

export interface CancelRead {
  status?: string;
  reservationIds: string[];
  rules: CancelRuleRead[];
  quoteRef?: string;
  cancellationNumber?: string;
}

function ruleOf(rule: XmlNode): CancelRuleRead {
  const amount = attributeOf(rule, 'Amount');
  const currency = attributeOf(rule, 'CurrencyCode');
  return {
    type: attributeOf(rule, 'Type'),
    amount: amount && currency ? { amountMinor: decimalToMinor(amount, currency, { round: true }), currency } : undefined,
    percent: attributeOf(rule, 'Percent'),
    cancelByDate: attributeOf(rule, 'CancelByDate'),
  };
}

export function readCancelRS(root: XmlNode): CancelRead {
  const info = childOf(root, 'CancelInfoRS');
  const infoId = childOf(info, 'UniqueID');
  const isQuote = attributeOf(infoId, 'ID_Context') === CANCEL_QUOTE_CONTEXT;
  return {
    status: attributeOf(root, 'Status'),
    reservationIds: childrenOf(root, 'UniqueID').flatMap((id) => attributeOf(id, 'ID') ?? []),
    rules: childrenOf(childOf(info, 'CancelRules'), 'CancelRule').map(ruleOf),
    quoteRef: isQuote ? attributeOf(infoId, 'ID') : undefined,
    cancellationNumber: isQuote ? undefined : attributeOf(infoId, 'ID'),
  };
}
