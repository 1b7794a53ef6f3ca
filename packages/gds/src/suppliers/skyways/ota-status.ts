import type { SupplierError, SupplierErrorCode } from '../../errors.ts';
import type { SupplierWarning } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { otaBadResponse, otaNotices, readOtaOutcome, type OtaNotice } from '../opentravel/ota-outcome.ts';
import { SKYWAYS_SUPPLIER_ID } from './supplier-id.ts';

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

/** The first OTA Error of a response, if it has any. */
export function firstError(response: XmlNode): OtaNotice | undefined {
  return otaNotices(response, 'Errors')[0];
}

/**
 * Throws the response's Errors as a SupplierError (the supplier's code and text kept), and returns
 * its Warnings for the caller to pass on.
 */
export function checkOtaStatus(response: XmlNode, operation: string): SupplierWarning[] {
  return readOtaOutcome(response, {
    supplierId: SKYWAYS_SUPPLIER_ID,
    operation,
    errorCode: (notice) => ERROR_CODES[notice.code ?? ''],
  });
}

/** A response that lacks what the operation needs. */
export function badResponse(operation: string, problem: string): SupplierError {
  return otaBadResponse(SKYWAYS_SUPPLIER_ID, operation, problem);
}
