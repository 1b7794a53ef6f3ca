import { randomBytes } from 'node:crypto';
import {
  isOrderError,
  isPaymentError,
  isRateLimitedError,
  isSearchError,
  type OrderError,
  type OrderErrorCode,
  type PaymentErrorCode,
  type SearchErrorCode,
} from '@himal/core';
import { ApiError } from './api-error.ts';
import { fieldPath, snakeCase } from './validation.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

export function newRequestId(): string {
  return `req_${randomBytes(12).toString('base64url')}`;
}

export function jsonResponse(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [REQUEST_ID_HEADER]: requestId,
      ...headers,
    },
  });
}

const SEARCH_ERROR_STATUS: Record<SearchErrorCode, number> = {
  INVALID_REQUEST: 422,
  OFFER_NOT_FOUND: 404,
  OFFER_REQUEST_NOT_FOUND: 404,
  OFFER_EXPIRED: 410,
  OFFER_UNAVAILABLE: 410,
  INVALID_CURSOR: 400,
  INVALID_SORT: 400,
  UNSUPPORTED_CURRENCY: 422,
  SEARCH_OVERLOADED: 503,
};

/** Which request field a domain error is about, for the `fields` of the answer. */
const SEARCH_ERROR_FIELD: Partial<Record<SearchErrorCode, string>> = {
  INVALID_CURSOR: 'after',
  INVALID_SORT: 'sort',
  UNSUPPORTED_CURRENCY: 'currency',
};

const ORDER_ERROR_STATUS: Record<OrderErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_REQUEST: 422,
  ILLEGAL_TRANSITION: 409,
  INVENTORY_EXHAUSTED: 409,
  OFFER_PRICE_CHANGED: 409,
  OFFER_EXPIRED: 410,
  ORDER_STATE_CONFLICT: 409,
  SUPPLIER_FAILED: 502,
  PAYMENT_METHOD_UNAVAILABLE: 422,
  CANCELLATION_QUOTE_EXPIRED: 410,
  CANCELLATION_QUOTE_SUPERSEDED: 409,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_USE: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/** A provider failure is the platform's (502) unless the client can act on it. */
const PAYMENT_ERROR_STATUS: Partial<Record<PaymentErrorCode, number>> = {
  PAYMENT_SIGNATURE_INVALID: 400,
  PAYMENT_MESSAGE_MALFORMED: 400,
  PAYMENT_DECLINED: 402,
  PAYMENT_PROVIDER_UNAVAILABLE: 503,
  PAYMENT_METHOD_UNAVAILABLE: 422,
};

/** Domain names to wire names, all the way down: `{ newTotal: { amountMinor } }` -> `{ new_total: { amount_minor } }`. */
function wireNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wireNames);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [snakeCase(name), wireNames(inner)]));
}

function fromOrderError(error: OrderError): ApiError {
  const { fields, retryAfterSeconds, ...details } = error.details;
  const headers: Record<string, string> = {};
  if (typeof retryAfterSeconds === 'number') headers['retry-after'] = String(retryAfterSeconds);
  // RFC 9110: a 401 names how to authenticate.
  if (error.code === 'UNAUTHENTICATED') headers['www-authenticate'] = 'Bearer';
  return new ApiError(
    ORDER_ERROR_STATUS[error.code],
    // The API has one code for bad input, whichever service refused it.
    error.code === 'INVALID_REQUEST' ? 'VALIDATION_FAILED' : error.code,
    error.message,
    fields,
    headers,
    Object.keys(details).length ? (wireNames(details) as Record<string, unknown>) : undefined,
  );
}

/** A known failure as the API answers it; undefined for anything unexpected (a bug, an outage). */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (isRateLimitedError(error)) {
    return new ApiError(429, error.code, error.message, undefined, { 'retry-after': String(error.retryAfterSeconds) });
  }
  if (isOrderError(error)) return fromOrderError(error);
  if (isPaymentError(error)) return new ApiError(PAYMENT_ERROR_STATUS[error.code] ?? 502, error.code, error.message);
  if (isSearchError(error)) {
    const headers = error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : undefined;
    // A route whose body names fields otherwise maps INVALID_REQUEST to them first (platform-requests.ts).
    const fields = error.fields?.map((problem) => ({ path: fieldPath(problem.path), message: problem.message }));
    if (error.code === 'INVALID_REQUEST') return new ApiError(422, 'VALIDATION_FAILED', error.message, fields, headers);
    const field = SEARCH_ERROR_FIELD[error.code];
    return new ApiError(
      SEARCH_ERROR_STATUS[error.code],
      error.code,
      error.message,
      field ? [{ path: field, message: error.message }] : undefined,
      headers,
    );
  }
  return undefined;
}

/** Any failure as the API's JSON error body. Unexpected errors are logged with the request id and told apart from nothing. */
export function errorResponse(error: unknown, requestId: string): Response {
  let apiError = toApiError(error);
  if (!apiError) {
    console.error(`[api] ${requestId} failed`, error);
    apiError = new ApiError(500, 'INTERNAL_ERROR', 'something went wrong on our side; quote the request id if you contact us');
  }
  return jsonResponse(
    apiError.status,
    {
      error: {
        code: apiError.code,
        message: apiError.message,
        request_id: requestId,
        ...(apiError.fields ? { fields: apiError.fields } : {}),
        ...apiError.details,
      },
    },
    requestId,
    apiError.headers,
  );
}
