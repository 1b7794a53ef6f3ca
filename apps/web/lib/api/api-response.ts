import { randomBytes } from 'node:crypto';
import { isRateLimitedError, isSearchError, type SearchErrorCode } from '@himal/core';
import { ApiError } from './api-error.ts';
import { fieldPath } from './validation.ts';

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

/** Any failure as the API's JSON error body. Unexpected errors are logged with the request id and told apart from nothing. */
export function errorResponse(error: unknown, requestId: string): Response {
  let apiError: ApiError;
  const headers: Record<string, string> = {};
  if (error instanceof ApiError) {
    apiError = error;
    Object.assign(headers, error.headers);
  } else if (isRateLimitedError(error)) {
    headers['retry-after'] = String(error.retryAfterSeconds);
    apiError = new ApiError(429, error.code, error.message);
  } else if (isSearchError(error)) {
    if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
    const field = SEARCH_ERROR_FIELD[error.code];
    // A route whose body names fields otherwise maps INVALID_REQUEST to them first (platform-requests.ts).
    const fields = error.fields?.map((problem) => ({ path: fieldPath(problem.path), message: problem.message }));
    apiError =
      error.code === 'INVALID_REQUEST'
        ? new ApiError(422, 'VALIDATION_FAILED', error.message, fields)
        : new ApiError(
            SEARCH_ERROR_STATUS[error.code],
            error.code,
            error.message,
            field ? [{ path: field, message: error.message }] : undefined,
          );
  } else {
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
      },
    },
    requestId,
    headers,
  );
}
