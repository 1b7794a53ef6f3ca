import { SupplierError, type SupplierErrorCode } from '../../errors.ts';
import type { SupplierWarning } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf } from '../../xml/xml-navigation.ts';

export const SKYWAYS = 'skyways';

/**
 * Skyways' documented error codes that mean more than "the supplier refused": the rest (OpenTravel
 * ERR codes such as 15 invalid date or 245 unknown booking) stay SUPPLIER_BUSINESS_ERROR.
 */
const ERROR_CODES: Record<string, SupplierErrorCode> = {
  '322': 'INVENTORY_EXHAUSTED', // no availability
  FCH: 'PRICE_CHANGED', // fare changed since it was priced
  TTL: 'OFFER_EXPIRED', // the hold passed its ticket time limit and was cancelled
  CQX: 'OFFER_EXPIRED', // the cancellation quote expired
};

/** OpenTravel's "no availability", which a search answers with Errors rather than an empty list. */
export const NO_AVAILABILITY = '322';

interface Notice {
  code: string;
  text: string;
}

function noticesOf(response: XmlNode, container: 'Errors' | 'Warnings', item: 'Error' | 'Warning'): Notice[] {
  return childrenOf(childOf(response, container), item).map((notice) => {
    const text = (typeof notice['#text'] === 'string' ? notice['#text'] : '').trim();
    return {
      code: attributeOf(notice, 'Code') ?? attributeOf(notice, 'Type') ?? 'unknown',
      text: text || attributeOf(notice, 'ShortText') || attributeOf(notice, 'Status') || 'no text',
    };
  });
}

/** The first OTA Error of a response, if it has any. */
export function firstError(response: XmlNode): Notice | undefined {
  return noticesOf(response, 'Errors', 'Error')[0];
}

/**
 * Throws the response's Errors as a SupplierError (the supplier's code and text kept), and returns
 * its Warnings for the caller to pass on.
 */
export function checkOtaStatus(response: XmlNode, operation: string): SupplierWarning[] {
  const error = firstError(response);
  if (error) {
    const code = ERROR_CODES[error.code] ?? 'SUPPLIER_BUSINESS_ERROR';
    throw new SupplierError(code, `${SKYWAYS} ${operation}: ${error.text} (${error.code})`, {
      supplierId: SKYWAYS,
      operation,
      supplierCode: error.code,
      supplierText: error.text,
    });
  }
  return noticesOf(response, 'Warnings', 'Warning').map((warning) => ({
    supplierId: SKYWAYS,
    code: warning.code,
    message: warning.text,
  }));
}

/** A response that lacks what the operation needs. */
export function badResponse(operation: string, problem: string): SupplierError {
  return new SupplierError('SUPPLIER_BAD_RESPONSE', `${SKYWAYS} ${operation}: ${problem}`, { supplierId: SKYWAYS, operation });
}
