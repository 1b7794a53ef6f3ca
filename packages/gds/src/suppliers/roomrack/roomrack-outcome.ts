import { SupplierError, type SupplierErrorCode } from '../../errors.ts';
import type { SupplierWarning } from '../../products/common.ts';
import { textOf, type XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf } from '../../xml/xml-navigation.ts';
import { ROOMRACK_SUPPLIER_ID } from './supplier-id.ts';

export const ROOMRACK_NS = 'http://xml.roomrack.example/hotel/v3';

export type RoomrackOperation =
  'hotel.search' | 'hotel.price' | 'hotel.book' | 'hotel.confirm' | 'hotel.cancel-quote' | 'hotel.cancel' | 'hotel.retrieve';

const PLATFORM_CODES: Record<string, SupplierErrorCode> = {
  AUTH_INVALID_KEY: 'SUPPLIER_AUTH_FAILED',
  NO_ALLOTMENT: 'INVENTORY_EXHAUSTED',
  RATE_CHANGED: 'PRICE_CHANGED',
  HOLD_EXPIRED: 'OFFER_EXPIRED',
  QUOTE_EXPIRED: 'OFFER_EXPIRED',
  SYSTEM_BUSY: 'SUPPLIER_UNAVAILABLE',
};

function issues(container: XmlNode | undefined, name: string): Array<{ code: string; text: string }> {
  return childrenOf(container, name).map((issue) => ({
    code: attributeOf(issue, 'code') ?? 'UNKNOWN',
    text: textOf(issue)?.trim() ?? '',
  }));
}

/** Throws the answer's first Error; returns its Notices as warnings otherwise. */
export function roomrackOutcome(root: XmlNode | undefined, operation: RoomrackOperation): SupplierWarning[] {
  if (!root)
    throw new SupplierError(
      'SUPPLIER_BAD_RESPONSE',
      `${ROOMRACK_SUPPLIER_ID} ${operation}: the answer is not the expected message`,
      {
        supplierId: ROOMRACK_SUPPLIER_ID,
        operation,
      },
    );
  const [error] = issues(childOf(root, 'Errors'), 'Error');
  if (error) {
    throw new SupplierError(
      PLATFORM_CODES[error.code] ?? 'SUPPLIER_BUSINESS_ERROR',
      `${ROOMRACK_SUPPLIER_ID} ${operation} refused: ${error.text || error.code} (${error.code})`,
      {
        supplierId: ROOMRACK_SUPPLIER_ID,
        operation,
        supplierCode: error.code,
        supplierText: error.text,
      },
    );
  }
  return issues(childOf(root, 'Notices'), 'Notice').map((notice) => ({
    supplierId: ROOMRACK_SUPPLIER_ID,
    code: notice.code,
    message: notice.text,
  }));
}
