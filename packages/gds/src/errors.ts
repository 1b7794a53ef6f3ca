/**
 * Every failure of a supplier call is a SupplierError with a stable code. `retryable` says whether
 * the same call may succeed later (timeouts, 503/429, expired sessions); the supplier's own code and
 * text are kept for support and for the supplier-health views.
 */
export type SupplierErrorCode =
  | 'SUPPLIER_TIMEOUT'
  | 'SUPPLIER_UNAVAILABLE' // connection refused, HTTP 5xx
  | 'SUPPLIER_RATE_LIMITED' // HTTP 429
  | 'SUPPLIER_FAULT' // SOAP fault
  | 'SUPPLIER_BAD_RESPONSE' // malformed, truncated, oversized or unexpected XML
  | 'SUPPLIER_UNSAFE_XML' // DOCTYPE / entity declarations
  | 'SUPPLIER_BUSINESS_ERROR' // an Errors element: no availability, invalid request, ...
  | 'SUPPLIER_AUTH_FAILED'
  | 'SUPPLIER_SESSION_EXPIRED'
  | 'SUPPLIER_CIRCUIT_OPEN'
  | 'SUPPLIER_NOT_CONFIGURED'
  | 'SUPPLIER_NOT_ENABLED' // the tenant has no enabled account for it, or the platform no adapter
  | 'PRICE_CHANGED'
  | 'INVENTORY_EXHAUSTED'
  | 'OFFER_EXPIRED';

const RETRYABLE = new Set<SupplierErrorCode>([
  'SUPPLIER_TIMEOUT',
  'SUPPLIER_UNAVAILABLE',
  'SUPPLIER_RATE_LIMITED',
  'SUPPLIER_SESSION_EXPIRED',
  'SUPPLIER_CIRCUIT_OPEN',
]);

export interface SupplierErrorDetails {
  supplierId: string;
  operation?: string;
  /** The supplier's own error code (OTA Error Code, EDIFACT error number, SOAP faultcode, HTTP status). */
  supplierCode?: string;
  /** The supplier's own error text, as sent. */
  supplierText?: string;
  retryable?: boolean;
  cause?: unknown;
}

export class SupplierError extends Error {
  readonly supplierId: string;
  readonly operation?: string;
  readonly supplierCode?: string;
  readonly supplierText?: string;
  readonly retryable: boolean;

  constructor(
    readonly code: SupplierErrorCode,
    message: string,
    details: SupplierErrorDetails,
  ) {
    super(message, { cause: details.cause });
    this.name = 'SupplierError';
    this.supplierId = details.supplierId;
    this.operation = details.operation;
    this.supplierCode = details.supplierCode;
    this.supplierText = details.supplierText;
    this.retryable = details.retryable ?? RETRYABLE.has(code);
  }
}

export function isSupplierError(error: unknown): error is SupplierError {
  return error instanceof SupplierError;
}
