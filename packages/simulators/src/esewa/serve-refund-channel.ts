import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { playFault } from './answer-transaction-status.ts';
import { readPlainAmount, refundAmount } from './esewa-amounts.ts';
import type { EsewaContext } from './esewa-context.ts';
import { BodyTooLargeError, readJsonObject, sendJson } from './esewa-http.ts';
import { MAX_REFUNDS_PER_TRANSACTION, type EsewaTransaction } from './esewa-transactions.ts';
import { sameSignature, signEsewaFields } from './sign-esewa-fields.ts';

/**
 * A LOCAL STAND-IN, NOT AN ESEWA API. ePay v2 documents no refund endpoint: merchants refund
 * through eSewa's merchant channel (the merchant portal or their eSewa account manager). So that
 * the platform's refunds can be run and tested end to end, this server offers one, in ePay's
 * style; against the real eSewa the platform's ESEWA_REFUND_URL must point at whatever carries
 * the merchant's refunds to eSewa and speaks this contract:
 *
 *   POST /api/epay/transaction/refund  (application/json)
 *     {product_code, transaction_uuid, refund_uuid, amount: "250.00",
 *      signed_field_names: "product_code,transaction_uuid,refund_uuid,amount", signature}
 *     signature: ePay's HMAC-SHA256 base64 with the merchant's secret over the fields named.
 *     200 {product_code, transaction_uuid, refund_uuid, refund_code, amount, status: "COMPLETE",
 *          transaction_status: "PARTIAL_REFUND" | "FULL_REFUND", total_amount, refunded_amount}
 *     Idempotent per refund_uuid: the same refund_uuid and amount answers the first answer again
 *     (Idempotent-Replayed: true); the same refund_uuid with anything else is 409. Never more
 *     than was paid: 422. Only a COMPLETE or PARTIAL_REFUND payment: 409. Unknown payment: 404.
 *     Bad signature: 401. Errors are {code, error_message}.
 *   GET /api/epay/transaction/refund?product_code=&transaction_uuid=&signature=
 *     signature over "product_code=…,transaction_uuid=…"; 200 {product_code, transaction_uuid,
 *     total_amount, refunded_amount, transaction_status, refunds: [{refund_uuid, refund_code, amount}]}
 * Amounts are plain decimals of rupees with two decimals.
 */
export const REFUND_PATH = '/api/epay/transaction/refund';
export const REFUND_SIGNED_FIELDS = ['product_code', 'transaction_uuid', 'refund_uuid', 'amount'] as const;
export const REFUND_READ_SIGNED_FIELDS = ['product_code', 'transaction_uuid'] as const;
const REFUND_UUID_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

const refundRequestSchema = z.object({
  product_code: z.string().min(1).max(100),
  transaction_uuid: z.string().min(1).max(100),
  refund_uuid: z.string().regex(REFUND_UUID_PATTERN, 'refund_uuid: 1 to 200 of A-Z a-z 0-9 . _ : -'),
  amount: z.string().max(20),
  signed_field_names: z.string().max(200),
  signature: z.string().max(200),
});

function refusal(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { code, error_message: message });
}

function refundedPaisa(transaction: EsewaTransaction): number {
  return transaction.refunds.reduce((sum, refund) => sum + refund.amountPaisa, 0);
}

/** Checks the signature over `required` (all of them named, more allowed) with the product's secret. */
function signedBy(
  context: EsewaContext,
  fields: Record<string, string | undefined>,
  signedFieldNames: string,
  required: readonly string[],
): boolean {
  const secret = context.secretOf(fields.product_code ?? '');
  const names = signedFieldNames.split(',');
  if (secret === undefined || !required.every((name) => names.includes(name))) return false;
  return sameSignature(signEsewaFields(fields, names, secret), fields.signature);
}

async function makeRefund(req: IncomingMessage, res: ServerResponse, context: EsewaContext): Promise<void> {
  let body: Record<string, unknown> | undefined;
  try {
    body = await readJsonObject(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refusal(res, 413, 'INVALID_REQUEST', error.message);
    throw error;
  }
  const parsed = refundRequestSchema.safeParse(body);
  if (!parsed.success) return refusal(res, 400, 'INVALID_REQUEST', parsed.error.issues[0]?.message ?? 'invalid request');
  const request = parsed.data;
  if (!signedBy(context, request, request.signed_field_names, REFUND_SIGNED_FIELDS))
    return refusal(res, 401, 'INVALID_SIGNATURE', 'Invalid payload signature');
  const amountPaisa = readPlainAmount(request.amount);
  if (amountPaisa === undefined || amountPaisa <= 0)
    return refusal(res, 400, 'INVALID_REQUEST', 'amount must be a positive decimal of rupees with at most 2 decimals');

  const earlier = context.transactions.findRefund(request.product_code, request.refund_uuid);
  if (earlier) {
    const same = earlier.transaction.transactionUuid === request.transaction_uuid && earlier.refund.amountPaisa === amountPaisa;
    if (!same) return refusal(res, 409, 'REFUND_UUID_REUSED', 'This refund_uuid was used for another refund');
    return sendJson(res, 200, earlier.refund.answer, { 'idempotent-replayed': 'true' });
  }

  const transaction = context.transactions.get(request.product_code, request.transaction_uuid);
  if (!transaction) return refusal(res, 404, 'TRANSACTION_NOT_FOUND', 'No such transaction');
  if (transaction.status !== 'COMPLETE' && transaction.status !== 'PARTIAL_REFUND')
    return refusal(res, 409, 'NOT_REFUNDABLE', `A ${transaction.status} transaction cannot be refunded`);
  const refunded = refundedPaisa(transaction);
  if (refunded + amountPaisa > transaction.totalPaisa)
    return refusal(
      res,
      422,
      'AMOUNT_EXCEEDS_PAID',
      `Only ${refundAmount(transaction.totalPaisa - refunded)} of ${refundAmount(transaction.totalPaisa)} is left to refund`,
    );
  if (transaction.refunds.length >= MAX_REFUNDS_PER_TRANSACTION)
    return refusal(res, 422, 'TOO_MANY_REFUNDS', `At most ${MAX_REFUNDS_PER_TRANSACTION} refunds a transaction`);

  const full = refunded + amountPaisa === transaction.totalPaisa;
  context.transactions.setStatus(transaction, full ? 'FULL_REFUND' : 'PARTIAL_REFUND');
  const refundCode = context.transactions.refundCode();
  const answer = {
    product_code: transaction.productCode,
    transaction_uuid: transaction.transactionUuid,
    refund_uuid: request.refund_uuid,
    refund_code: refundCode,
    amount: refundAmount(amountPaisa),
    status: 'COMPLETE',
    transaction_status: transaction.status,
    total_amount: refundAmount(transaction.totalPaisa),
    refunded_amount: refundAmount(refunded + amountPaisa),
  };
  transaction.refunds.push({ refundUuid: request.refund_uuid, refundCode, amountPaisa, answer });
  sendJson(res, 200, answer);
}

function readRefunds(res: ServerResponse, url: URL, context: EsewaContext): void {
  const fields = {
    product_code: url.searchParams.get('product_code') ?? undefined,
    transaction_uuid: url.searchParams.get('transaction_uuid') ?? undefined,
    signature: url.searchParams.get('signature') ?? undefined,
  };
  if (!fields.product_code || !fields.transaction_uuid || !fields.signature)
    return refusal(res, 400, 'INVALID_REQUEST', 'product_code, transaction_uuid and signature are required');
  if (!signedBy(context, fields, REFUND_READ_SIGNED_FIELDS.join(','), REFUND_READ_SIGNED_FIELDS))
    return refusal(res, 401, 'INVALID_SIGNATURE', 'Invalid payload signature');
  const transaction = context.transactions.get(fields.product_code, fields.transaction_uuid);
  if (!transaction) return refusal(res, 404, 'TRANSACTION_NOT_FOUND', 'No such transaction');
  sendJson(res, 200, {
    product_code: transaction.productCode,
    transaction_uuid: transaction.transactionUuid,
    total_amount: refundAmount(transaction.totalPaisa),
    refunded_amount: refundAmount(refundedPaisa(transaction)),
    transaction_status: transaction.status,
    refunds: transaction.refunds.map((r) => ({
      refund_uuid: r.refundUuid,
      refund_code: r.refundCode,
      amount: refundAmount(r.amountPaisa),
    })),
  });
}

export async function serveRefundChannel(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: EsewaContext,
): Promise<void> {
  if (req.method !== 'POST' && req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET, POST' });
    return void res.end();
  }
  if (await playFault(res, context, 'refund')) return;
  if (req.method === 'POST') return makeRefund(req, res, context);
  readRefunds(res, url, context);
}
