import { SupplierError, type SupplierErrorCode } from '../../errors.ts';
import type { SupplierWarning } from '../../products/common.ts';
import { textOf, type XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, hasChild } from '../../xml/xml-navigation.ts';

/**
 * How every OpenTravel supplier's answer is read: it is Success (perhaps with Warnings) or Errors.
 * Errors become a SupplierError keeping the supplier's code and text; which platform code they get
 * is each supplier's own reading of its codes (`errorCode`), SUPPLIER_BUSINESS_ERROR otherwise.
 * Warnings are passed on as SupplierWarnings.
 */
export interface OtaNotice {
  /** OTA Error Warning Type (EWT), e.g. 4 authentication. */
  type?: string;
  /** OTA Error Code (ERR), e.g. 322 no availability. */
  code?: string;
  shortText?: string;
  status?: string;
  text?: string;
}

export function otaNotices(root: XmlNode | undefined, kind: 'Errors' | 'Warnings'): OtaNotice[] {
  return childrenOf(childOf(root, kind), kind === 'Errors' ? 'Error' : 'Warning').map((notice) => ({
    type: attributeOf(notice, 'Type'),
    code: attributeOf(notice, 'Code'),
    shortText: attributeOf(notice, 'ShortText'),
    status: attributeOf(notice, 'Status'),
    text: textOf(notice)?.trim() || undefined,
  }));
}

/** What a notice says: its text, else its short text or status. */
function describe(notice: OtaNotice): string {
  return notice.text || notice.shortText || notice.status || 'no text';
}

export interface OtaOutcomeRules {
  supplierId: string;
  operation: string;
  /** The supplier's own codes that mean more than "refused" (no availability, price changed, ...). */
  errorCode?: (notice: OtaNotice) => SupplierErrorCode | undefined;
  /** An answer with neither Errors nor Success is a bad response (OpenTravel requires one of them). */
  requireSuccess?: boolean;
}

/** Throws the answer's Errors as one SupplierError; returns its Warnings otherwise. */
export function readOtaOutcome(root: XmlNode | undefined, rules: OtaOutcomeRules): SupplierWarning[] {
  const { supplierId, operation } = rules;
  if (!root) throw otaBadResponse(supplierId, operation, 'the answer has no OpenTravel message');
  const errors = otaNotices(root, 'Errors');
  const [first] = errors;
  if (first) {
    const supplierText = errors.map(describe).join('; ');
    const supplierCode = first.code ?? (first.type ? `EWT ${first.type}` : undefined);
    throw new SupplierError(
      rules.errorCode?.(first) ?? 'SUPPLIER_BUSINESS_ERROR',
      `${supplierId} ${operation}: ${supplierText}${supplierCode ? ` (${supplierCode})` : ''}`,
      { supplierId, operation, supplierCode, supplierText },
    );
  }
  if (rules.requireSuccess && !hasChild(root, 'Success'))
    throw otaBadResponse(supplierId, operation, 'neither Success nor Errors in the answer');
  return otaWarnings(root, supplierId);
}

/** The answer's Warnings, as SupplierWarnings (an EWT type stands in for a missing code). */
export function otaWarnings(root: XmlNode, supplierId: string): SupplierWarning[] {
  return otaNotices(root, 'Warnings').map((warning) => ({
    supplierId,
    code: warning.code ?? (warning.type ? `EWT-${warning.type}` : 'unknown'),
    message: describe(warning),
  }));
}

/** An answer that lacks what the operation needs, or is not what the operation maps. */
export function otaBadResponse(supplierId: string, operation: string, problem: string, cause?: unknown): SupplierError {
  return new SupplierError('SUPPLIER_BAD_RESPONSE', `${supplierId} ${operation}: ${problem}`, { supplierId, operation, cause });
}
