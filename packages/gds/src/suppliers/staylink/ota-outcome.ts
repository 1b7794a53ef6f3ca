import type { SupplierErrorCode } from '../../errors.ts';
import type { SupplierWarning } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { readOtaOutcome, type OtaNotice } from '../opentravel/ota-outcome.ts';
import { STAYLINK_SUPPLIER_ID } from './supplier-id.ts';

export type StaylinkOperation =
  'hotel.search' | 'hotel.price' | 'hotel.book' | 'hotel.confirm' | 'hotel.cancel-quote' | 'hotel.cancel' | 'hotel.retrieve';

/**
 * OTA Error Warning Types (EWT) 4 and 6 are authentication and authorization, 5 an authentication
 * timeout. ERR 322/427 say the rooms are gone, 438 that the stated rate no longer holds, 118 on a
 * commit that the hold lapsed, 187 that the system is down for now.
 */
function platformCode(issue: OtaNotice, operation: StaylinkOperation): SupplierErrorCode {
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

/** Throws the answer's Errors as a SupplierError; returns its Warnings otherwise (the shared OpenTravel reader). */
export function otaOutcome(root: XmlNode | undefined, operation: StaylinkOperation): SupplierWarning[] {
  return readOtaOutcome(root, {
    supplierId: STAYLINK_SUPPLIER_ID,
    operation,
    errorCode: (notice) => platformCode(notice, operation),
    requireSuccess: true,
  });
}
