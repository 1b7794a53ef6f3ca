import { SupplierError, type SupplierErrorCode } from '../errors.ts';
import { parseSoapEnvelope, soapEnvelope, type ParsedSoapResponse } from '../xml/soap-envelope.ts';
import { DEFAULT_MAX_XML_BYTES, MalformedXmlError, UnsafeXmlError } from '../xml/safe-xml.ts';
import { recordSupplierCall } from './call-log.ts';

export const DEFAULT_SUPPLIER_TIMEOUT_MS = 8_000;

/**
 * The OASIS WS-Security fault codes are about the account, not the service: the credentials are
 * wrong (not retryable) or the message's token is stale (retry once with a fresh token).
 */
const WS_SECURITY_FAULTS: Record<string, SupplierErrorCode> = {
  FailedAuthentication: 'SUPPLIER_AUTH_FAILED',
  InvalidSecurity: 'SUPPLIER_AUTH_FAILED',
  InvalidSecurityToken: 'SUPPLIER_AUTH_FAILED',
  FailedCheck: 'SUPPLIER_AUTH_FAILED',
  MessageExpired: 'SUPPLIER_SESSION_EXPIRED',
};

export interface SoapCall {
  supplierId: string;
  /** Logical operation for logs and metrics (e.g. 'air.search'). */
  operation: string;
  endpoint: string;
  soapAction: string;
  /** Body content, already built and escaped. */
  bodyXml: string;
  headerXml?: string;
  /** Names or paths of elements that are always arrays in the parsed response. */
  arrays?: Iterable<string>;
  timeoutMs?: number;
  maxResponseBytes?: number;
  tenantId?: string;
  signal?: AbortSignal;
}

export interface SoapResult extends ParsedSoapResponse {
  httpStatus: number;
  latencyMs: number;
}

async function readCapped(response: Response, maxBytes: number, supplierId: string, operation: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new SupplierError('SUPPLIER_BAD_RESPONSE', `${supplierId} answered ${declared} bytes, over the ${maxBytes} byte cap`, {
      supplierId,
      operation,
    });
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new SupplierError('SUPPLIER_BAD_RESPONSE', `${supplierId} answered over the ${maxBytes} byte cap`, {
        supplierId,
        operation,
      });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function httpError(status: number, supplierId: string, operation: string, text: string): SupplierError {
  const code: SupplierErrorCode =
    status === 429 ? 'SUPPLIER_RATE_LIMITED' : status === 401 || status === 403 ? 'SUPPLIER_AUTH_FAILED' : 'SUPPLIER_UNAVAILABLE';
  return new SupplierError(code, `${supplierId} answered HTTP ${status}`, {
    supplierId,
    operation,
    supplierCode: `HTTP ${status}`,
    supplierText: text.slice(0, 200),
  });
}

/**
 * One SOAP request/response with every failure typed: timeout, connection, HTTP status, oversized
 * or unsafe or malformed XML, SOAP fault. The call is recorded (never its bodies). A SOAP fault with
 * HTTP 500 is a fault, not an outage.
 */
export async function callSoap(call: SoapCall): Promise<SoapResult> {
  const { supplierId, operation } = call;
  const timeoutMs = call.timeoutMs ?? DEFAULT_SUPPLIER_TIMEOUT_MS;
  const maxBytes = call.maxResponseBytes ?? DEFAULT_MAX_XML_BYTES;
  const requestXml = soapEnvelope(call.bodyXml, call.headerXml);
  const startedAt = new Date();
  const started = performance.now();
  let httpStatus: number | undefined;
  let responseBytes: number | undefined;
  const signal = call.signal ? AbortSignal.any([call.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);

  try {
    let response: Response;
    try {
      response = await fetch(call.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${call.soapAction}"`, accept: 'text/xml' },
        body: requestXml,
        signal,
      });
    } catch (error) {
      throw transportError(error, supplierId, operation, timeoutMs);
    }
    httpStatus = response.status;
    let text: string;
    try {
      text = await readCapped(response, maxBytes, supplierId, operation);
    } catch (error) {
      if (error instanceof SupplierError) throw error;
      throw transportError(error, supplierId, operation, timeoutMs);
    }
    responseBytes = Buffer.byteLength(text);
    if (!response.ok && !(response.status === 500 && text.includes('Fault')))
      throw httpError(response.status, supplierId, operation, text);

    let parsed: ParsedSoapResponse;
    try {
      parsed = parseSoapEnvelope(text, { arrays: call.arrays, maxBytes });
    } catch (error) {
      const code: SupplierErrorCode = error instanceof UnsafeXmlError ? 'SUPPLIER_UNSAFE_XML' : 'SUPPLIER_BAD_RESPONSE';
      const reason =
        error instanceof MalformedXmlError || error instanceof UnsafeXmlError
          ? error.message
          : `unexpected response: ${(error as Error).message}`;
      throw new SupplierError(code, `${supplierId} ${operation}: ${reason}`, { supplierId, operation, cause: error });
    }
    if (parsed.fault) {
      const securityCode = WS_SECURITY_FAULTS[parsed.fault.faultCode.split(':').pop() ?? ''];
      throw new SupplierError(
        securityCode ?? 'SUPPLIER_FAULT',
        `${supplierId} ${operation} failed: ${parsed.fault.faultString}`,
        {
          supplierId,
          operation,
          supplierCode: parsed.fault.faultCode,
          supplierText: parsed.fault.faultString,
        },
      );
    }
    const latencyMs = performance.now() - started;
    recordSupplierCall({
      supplierId,
      operation,
      tenantId: call.tenantId,
      startedAt,
      latencyMs,
      outcome: 'ok',
      httpStatus,
      requestBytes: Buffer.byteLength(requestXml),
      responseBytes,
    });
    return { ...parsed, httpStatus: response.status, latencyMs };
  } catch (error) {
    const failure =
      error instanceof SupplierError
        ? error
        : new SupplierError('SUPPLIER_BAD_RESPONSE', (error as Error).message, { supplierId, operation, cause: error });
    recordSupplierCall({
      supplierId,
      operation,
      tenantId: call.tenantId,
      startedAt,
      latencyMs: performance.now() - started,
      outcome: failure.code,
      httpStatus,
      supplierCode: failure.supplierCode,
      requestBytes: Buffer.byteLength(requestXml),
      responseBytes,
    });
    throw failure;
  }
}

function transportError(error: unknown, supplierId: string, operation: string, timeoutMs: number): SupplierError {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SupplierError('SUPPLIER_TIMEOUT', `${supplierId} did not answer ${operation} within ${timeoutMs} ms`, {
      supplierId,
      operation,
      cause: error,
    });
  }
  const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
  return new SupplierError('SUPPLIER_UNAVAILABLE', `${supplierId} could not be reached for ${operation}: ${reason}`, {
    supplierId,
    operation,
    cause: error,
  });
}
