import type { z } from 'zod';
import type { SupplierError, SupplierErrorCode } from '../../errors.ts';
import type { SupplierWarning } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { otaBadResponse, otaWarnings, readOtaOutcome } from '../opentravel/ota-outcome.ts';
import { SAFETRIP_SUPPLIER_ID } from './supplier-id.ts';

/**
 * An OTA response's outcome (the shared OpenTravel reader): its Errors element becomes a
 * SupplierError carrying safetrip's code and text; its Warnings become SupplierWarnings; a root
 * that is missing or does not match what we map is a bad response.
 */
const SPECIFIC_ERRORS: Record<string, SupplierErrorCode> = {
  '9': 'INVENTORY_EXHAUSTED', // Requested service is fully booked (plan capacity for that start date)
  '16': 'OFFER_EXPIRED', // Service has been cancelled (the hold lapsed before it was issued)
  '189': 'PRICE_CHANGED', // safetrip's own code: the premium is no longer the one quoted
};

/** The OTA root element of a response body, with any Errors thrown. */
export function responseRoot(body: XmlNode, rootName: string, operation: string): XmlNode {
  const root = body[rootName];
  if (root === undefined)
    throw badResponse(operation, `expected ${rootName}, got ${Object.keys(body).join(', ') || 'an empty body'}`);
  const node = (typeof root === 'object' ? root : {}) as XmlNode;
  readOtaOutcome(node, {
    supplierId: SAFETRIP_SUPPLIER_ID,
    operation,
    errorCode: (notice) => SPECIFIC_ERRORS[notice.code ?? ''],
  });
  return node;
}

/** The Warnings of a root `responseRoot` let through. */
export function warningsOf(root: XmlNode): SupplierWarning[] {
  return otaWarnings(root, SAFETRIP_SUPPLIER_ID);
}

export function badResponse(operation: string, reason: string, cause?: unknown): SupplierError {
  return otaBadResponse(SAFETRIP_SUPPLIER_ID, operation, reason, cause);
}

/** Validates what we map; a mismatch is the supplier's fault, reported as a bad response. */
export function mapResponse<T extends z.ZodType>(schema: T, value: unknown, operation: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badResponse(operation, `unexpected response at ${issue.path.join('.') || 'root'}: ${issue.message}`, parsed.error);
  }
  return parsed.data;
}
