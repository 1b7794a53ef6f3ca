import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { successRedirectUrl } from './build-success-callback.ts';
import { readPlainAmount } from './esewa-amounts.ts';
import type { EsewaContext } from './esewa-context.ts';
import { esewaFaultSchema } from './esewa-faults.ts';
import { readJsonObject, sendJson } from './esewa-http.ts';
import { ESEWA_STATUSES, type EsewaTransaction } from './esewa-transactions.ts';
import { TRANSACTION_UUID_PATTERN } from './read-payment-form.ts';

/**
 * The local eSewa's control API, for tests (JSON, never on the real eSewa):
 *   POST   /_control/reset                      transactions, sessions and faults forgotten
 *   GET    /_control/state                      products, transactions (refunds included), faults
 *   GET    /_control/transactions/:uuid         one transaction (?product_code=, default the first product)
 *   POST   /_control/transactions/:uuid         {status, product_code?, total_amount?} force a status
 *                                               (AMBIGUOUS, PENDING, ...); with total_amount it records
 *                                               a transaction no form opened
 *   POST   /_control/pay                        {transaction_uuid, product_code?, follow_redirect?}
 *                                               pay an open transaction as the traveller would; with
 *                                               follow_redirect false the browser never comes back
 *                                               ("the traveller closed the tab"), default true: this
 *                                               server GETs success_url?data=… as the browser would
 *   POST   /_control/faults                     {target?: status|refund, status?: 5xx, delayMs?, count?}
 *   GET    /_control/faults, DELETE /_control/faults
 * Secrets never appear in any answer.
 */
export const CONTROL_PREFIX = '/_control/';
const CALLBACK_TIMEOUT_MS = 5_000;

const forceSchema = z.object({
  status: z.enum(ESEWA_STATUSES),
  product_code: z.string().min(1).optional(),
  total_amount: z.string().optional(),
});
const paySchema = z.object({
  transaction_uuid: z.string().min(1),
  product_code: z.string().min(1).optional(),
  follow_redirect: z.boolean().default(true),
});

export function transactionView(transaction: EsewaTransaction) {
  return {
    productCode: transaction.productCode,
    transactionUuid: transaction.transactionUuid,
    status: transaction.status,
    totalPaisa: transaction.totalPaisa,
    amountPaisa: transaction.amountPaisa,
    taxPaisa: transaction.taxPaisa,
    serviceChargePaisa: transaction.serviceChargePaisa,
    deliveryChargePaisa: transaction.deliveryChargePaisa,
    transactionCode: transaction.transactionCode ?? null,
    successUrl: transaction.successUrl,
    failureUrl: transaction.failureUrl,
    refunds: transaction.refunds.map((r) => ({ refundUuid: r.refundUuid, refundCode: r.refundCode, amountPaisa: r.amountPaisa })),
    createdAt: transaction.createdAt,
    updatedAt: transaction.updatedAt,
  };
}
export type EsewaTransactionView = ReturnType<typeof transactionView>;

async function followCallback(url: string): Promise<{ status: number } | { error: string }> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS) });
    await response.body?.cancel();
    return { status: response.status };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function pay(req: IncomingMessage, res: ServerResponse, context: EsewaContext): Promise<void> {
  const parsed = paySchema.safeParse(await readJsonObject(req));
  if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues[0]?.message });
  const productCode = parsed.data.product_code ?? context.productCodes()[0]!;
  const transaction = context.transactions.get(productCode, parsed.data.transaction_uuid);
  if (!transaction) return sendJson(res, 404, { error: 'no such transaction: post the payment form first' });
  if (transaction.status !== 'PENDING')
    return sendJson(res, 409, { error: `a ${transaction.status} transaction cannot be paid` });
  context.transactions.setStatus(transaction, 'COMPLETE');
  const redirectUrl = successRedirectUrl(transaction, context.secretOf(productCode)!);
  const callback = parsed.data.follow_redirect ? await followCallback(redirectUrl) : undefined;
  sendJson(res, 200, { transaction: transactionView(transaction), redirectUrl, callback: callback ?? null });
}

function force(res: ServerResponse, uuid: string, body: Record<string, unknown> | undefined, context: EsewaContext): void {
  const parsed = forceSchema.safeParse(body);
  if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues[0]?.message });
  const productCode = parsed.data.product_code ?? context.productCodes()[0]!;
  if (context.secretOf(productCode) === undefined) return sendJson(res, 400, { error: 'unknown product_code' });
  let transaction = context.transactions.get(productCode, uuid);
  if (!transaction) {
    const totalPaisa = readPlainAmount(parsed.data.total_amount);
    if (totalPaisa === undefined || !TRANSACTION_UUID_PATTERN.test(uuid))
      return sendJson(res, 404, { error: 'no such transaction: post the form, or give a total_amount to record one' });
    const now = new Date().toISOString();
    transaction = {
      productCode,
      transactionUuid: uuid,
      amountPaisa: totalPaisa,
      taxPaisa: 0,
      serviceChargePaisa: 0,
      deliveryChargePaisa: 0,
      totalPaisa,
      successUrl: 'http://127.0.0.1/never-opened',
      failureUrl: 'http://127.0.0.1/never-opened',
      status: parsed.data.status,
      refunds: [],
      createdAt: now,
      updatedAt: now,
    };
    context.transactions.put(transaction);
  }
  context.transactions.setStatus(transaction, parsed.data.status);
  sendJson(res, 200, transactionView(transaction));
}

export async function serveControlCalls(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: EsewaContext,
): Promise<void> {
  const what = url.pathname.slice(CONTROL_PREFIX.length);
  const method = req.method ?? 'GET';
  if (what === 'reset' && method === 'POST') {
    context.transactions.reset();
    context.faults.clear();
    return sendJson(res, 200, { reset: true });
  }
  if (what === 'state' && method === 'GET')
    return sendJson(res, 200, {
      products: context.productCodes(),
      transactions: context.transactions.list().map(transactionView),
      faults: context.faults.list(),
    });
  if (what === 'pay' && method === 'POST') return pay(req, res, context);
  if (what === 'faults') {
    if (method === 'GET') return sendJson(res, 200, { faults: context.faults.list() });
    if (method === 'DELETE') {
      context.faults.clear();
      return sendJson(res, 200, { faults: [] });
    }
    if (method === 'POST') {
      const parsed = esewaFaultSchema.safeParse(await readJsonObject(req));
      if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues[0]?.message });
      context.faults.add(parsed.data);
      return sendJson(res, 200, { faults: context.faults.list() });
    }
  }
  const transactionMatch = /^transactions\/([^/]+)$/.exec(what);
  if (transactionMatch) {
    const uuid = decodeURIComponent(transactionMatch[1]!);
    if (method === 'POST') return force(res, uuid, await readJsonObject(req), context);
    if (method === 'GET') {
      const transaction = context.transactions.get(url.searchParams.get('product_code') ?? context.productCodes()[0]!, uuid);
      return transaction
        ? sendJson(res, 200, transactionView(transaction))
        : sendJson(res, 404, { error: 'no such transaction' });
    }
  }
  sendJson(res, 404, { error: 'unknown control call' });
}
