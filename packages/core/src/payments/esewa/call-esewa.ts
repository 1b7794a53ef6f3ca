import { z } from 'zod';
import { PaymentError } from '../payment-errors.ts';

/**
 * One HTTP call to eSewa (or the refund channel), with what every call needs: a timeout, a cap on
 * the answer (64 KiB; eSewa's are a few hundred bytes), JSON or nothing. Whatever says "try again
 * later" becomes a retryable PAYMENT_PROVIDER_UNAVAILABLE: no answer in time, a broken
 * connection, a 5xx, or eSewa's own outage answer {"code":0,"error_message":"Service is currently
 * unavailable"}, which it may send with any status. Other error answers come back to the caller,
 * which knows what they mean for its call.
 */
export const DEFAULT_ESEWA_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 64 * 1024;

export interface EsewaAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', `eSewa answered more than ${MAX_ANSWER_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isOutageAnswer(body: Record<string, unknown>): boolean {
  return typeof body.error_message === 'string' && /unavailable/i.test(body.error_message);
}

export async function callEsewa(
  what: string,
  url: string,
  init: { method: 'GET' | 'POST'; json?: unknown; timeoutMs?: number },
): Promise<EsewaAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: { accept: 'application/json', ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: 'manual',
      signal: AbortSignal.timeout(init.timeoutMs ?? DEFAULT_ESEWA_TIMEOUT_MS),
    });
    text = await readCapped(response);
  } catch (cause) {
    if (cause instanceof PaymentError) throw cause;
    const timedOut = cause instanceof DOMException && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    throw new PaymentError(
      'PAYMENT_PROVIDER_UNAVAILABLE',
      `eSewa ${what}: ${timedOut ? 'no answer in time' : 'could not be reached'}`,
      {
        cause,
      },
    );
  }
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  if (response.status >= 500 || (body && isOutageAnswer(body)))
    throw new PaymentError('PAYMENT_PROVIDER_UNAVAILABLE', `eSewa ${what}: unavailable (HTTP ${response.status})`);
  if (!body)
    throw new PaymentError(
      'PAYMENT_MESSAGE_MALFORMED',
      `eSewa ${what}: the answer is not a JSON object (HTTP ${response.status})`,
    );
  return { status: response.status, body, headers: response.headers };
}

const errorAnswerSchema = z.object({ code: z.unknown(), error_message: z.string().max(500) }).partial();

/** An answer other than 200 that is not an outage: 404 the payment is unknown, anything else refused. */
export function refusalOf(what: string, answer: EsewaAnswer): PaymentError {
  const message = errorAnswerSchema.safeParse(answer.body).data?.error_message ?? `HTTP ${answer.status}`;
  if (answer.status === 404) return new PaymentError('PAYMENT_NOT_FOUND', `eSewa ${what}: ${message}`);
  return new PaymentError('PAYMENT_REQUEST_REFUSED', `eSewa ${what}: ${message} (HTTP ${answer.status})`);
}

export function malformedAnswer(what: string, detail: string): PaymentError {
  return new PaymentError('PAYMENT_MESSAGE_MALFORMED', `eSewa ${what}: ${detail}`);
}
