import type { z } from 'zod';
import { SupplierError, type SupplierErrorCode } from '../../errors.ts';
import type { SupplierWarning } from '../../products/common.ts';
import { asArray, textOf, type XmlNode } from '../../xml/safe-xml.ts';
import { SUPPLIER_ID } from './ota-payload.ts';

/**
 * An OTA response's outcome: its Errors element becomes a SupplierError carrying safetrip's code and
 * text; its Warnings become SupplierWarnings; a root that is missing or does not match what we map
 * is a bad response.
 */
const SPECIFIC_ERRORS: Record<string, SupplierErrorCode> = {
  '9': 'INVENTORY_EXHAUSTED', // Requested service is fully booked (plan capacity for that start date)
  '16': 'OFFER_EXPIRED', // Service has been cancelled (the hold lapsed before it was issued)
  '189': 'PRICE_CHANGED', // safetrip's own code: the premium is no longer the one quoted
};

const attribute = (node: unknown, name: string): string | undefined =>
  node && typeof node === 'object' ? ((node as XmlNode)[`@_${name}`] as string | undefined) : undefined;

/** The OTA root element of a response body, with any Errors thrown. */
export function responseRoot(body: XmlNode, rootName: string, operation: string): XmlNode {
  const root = body[rootName];
  if (root === undefined)
    throw badResponse(operation, `expected ${rootName}, got ${Object.keys(body).join(', ') || 'an empty body'}`);
  const node = (typeof root === 'object' ? root : {}) as XmlNode;
  const errors = asArray((node.Errors as XmlNode | undefined)?.Error as unknown[] | undefined);
  if (errors.length > 0) {
    const first = errors[0];
    const supplierCode = attribute(first, 'Code');
    const supplierText = errors.map((error) => textOf(error) || attribute(error, 'ShortText') || 'error').join('; ');
    throw new SupplierError(
      SPECIFIC_ERRORS[supplierCode ?? ''] ?? 'SUPPLIER_BUSINESS_ERROR',
      `${SUPPLIER_ID} ${operation}: ${supplierText}`,
      {
        supplierId: SUPPLIER_ID,
        operation,
        supplierCode,
        supplierText,
      },
    );
  }
  return node;
}

export function warningsOf(root: XmlNode): SupplierWarning[] {
  return asArray((root.Warnings as XmlNode | undefined)?.Warning as unknown[] | undefined).map((warning) => ({
    supplierId: SUPPLIER_ID,
    code: attribute(warning, 'Code') ?? `EWT-${attribute(warning, 'Type') ?? '1'}`,
    message: textOf(warning) || attribute(warning, 'ShortText') || 'warning',
  }));
}

export function badResponse(operation: string, reason: string, cause?: unknown): SupplierError {
  return new SupplierError('SUPPLIER_BAD_RESPONSE', `${SUPPLIER_ID} ${operation}: ${reason}`, {
    supplierId: SUPPLIER_ID,
    operation,
    cause,
  });
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
