import { SupplierError, type SupplierErrorCode } from '../../errors.ts';
import type { SupplierWarning } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, hasChild } from '../../xml/xml-navigation.ts';
import { textOf } from '../../xml/safe-xml.ts';

/**
 * An OpenTravel answer is Success (perhaps with Warnings) or Errors. Errors become SupplierErrors
 * with the OTA code and text kept; which platform code they get depends on what was being done.
 */
export const STAYLINK = 'staylink';

export interface OtaIssueRead {
  type?: string;
  code?: string;
  shortText?: string;
  text?: string;
}

function readIssues(container: XmlNode | undefined, name: string): OtaIssueRead[] {
  return childrenOf(container, name).map((issue) => ({
    type: attributeOf(issue, 'Type'),
    code: attributeOf(issue, 'Code'),
    shortText: attributeOf(issue, 'ShortText'),
    text: textOf(issue)?.trim() || undefined,
  }));
}

export type StaylinkOperation =
  'hotel.search' | 'hotel.price' | 'hotel.book' | 'hotel.confirm' | 'hotel.cancel-quote' | 'hotel.cancel' | 'hotel.retrieve';

/**
 * OTA Error Warning Types (EWT) 4 and 6 are authentication and authorization, 5 an authentication
 * timeout. ERR 322/427 say the rooms are gone, 438 that the stated rate no longer holds, 118 on a
 * commit that the hold lapsed, 187 that the system is down for now.
 */
function platformCode(issue: OtaIssueRead, operation: StaylinkOperation): SupplierErrorCode {
  if (issue.type === '4' || issue.type === '6') return 'SUPPLIER_AUTH_FAILED';
  if (issue.type === '5') return 'SUPPLIER_SESSION_EXPIRED';
  switch (issue.code) {
    case '322':
    case '427':
      return 'INVENTORY_EXHAUSTED';
    case '438':
      return operation === 'hotel.book' ? 'PRICE_CHANGED' : 'SUPPLIER_BUSINESS_ERROR';
    case '118':
      return operation === 'hotel.confirm' ? 'OFFER_EXPIRED' : 'SUPPLIER_BUSINESS_ERROR';
    case '187':
      return 'SUPPLIER_UNAVAILABLE';
    default:
      return 'SUPPLIER_BUSINESS_ERROR';
  }
}

/** Throws the answer's first Error as a SupplierError; returns its Warnings otherwise. */
export function otaOutcome(root: XmlNode | undefined, operation: StaylinkOperation): SupplierWarning[] {
  if (!root) {
    throw new SupplierError('SUPPLIER_BAD_RESPONSE', `${STAYLINK} ${operation}: the answer has no OpenTravel message`, {
      supplierId: STAYLINK,
      operation,
    });
  }
  const [error] = readIssues(childOf(root, 'Errors'), 'Error');
  if (error) {
    const description =
      [error.shortText, error.text].filter((part, index, all) => part && all.indexOf(part) === index).join(': ') || 'error';
    throw new SupplierError(
      platformCode(error, operation),
      `${STAYLINK} ${operation} refused: ${description}${error.code ? ` (OTA ${error.code})` : ''}`,
      {
        supplierId: STAYLINK,
        operation,
        supplierCode: error.code ?? (error.type ? `EWT ${error.type}` : undefined),
        supplierText: error.text ?? error.shortText,
      },
    );
  }
  if (!hasChild(root, 'Success')) {
    throw new SupplierError('SUPPLIER_BAD_RESPONSE', `${STAYLINK} ${operation}: neither Success nor Errors in the answer`, {
      supplierId: STAYLINK,
      operation,
    });
  }
  return readIssues(childOf(root, 'Warnings'), 'Warning').map((warning) => ({
    supplierId: STAYLINK,
    code: warning.code ?? `EWT-${warning.type ?? '1'}`,
    message: warning.text ?? warning.shortText ?? 'warning',
  }));
}
