import type { ServerResponse } from 'node:http';
import { readEchoedAmount, statusAmountLiteral } from './esewa-amounts.ts';
import type { EsewaContext } from './esewa-context.ts';
import { sendJsonText } from './esewa-http.ts';
import type { EsewaStatus } from './esewa-transactions.ts';

/**
 * eSewa's status check (GET /api/epay/transaction/status/?product_code=&total_amount=&transaction_uuid=),
 * which merchants call when no callback came within about five minutes. The three parameters
 * together name the transaction: a uuid never posted, or asked with another total, is NOT_FOUND.
 * The answer is eSewa's shape, total_amount a JSON number (1000.0) and ref_id null until paid:
 *   {"product_code":"EPAYTEST","transaction_uuid":"…","total_amount":1000.0,"status":"COMPLETE","ref_id":"000AWEO"}
 * When eSewa itself fails it answers {"code":0,"error_message":"Service is currently unavailable"}.
 */
export const STATUS_PATH = '/api/epay/transaction/status/';
export const UNAVAILABLE_ANSWER = '{"code":0,"error_message":"Service is currently unavailable"}';

/** Plays the next injected fault for `target`: waits its delay, and answers its error (true) if it has one. */
export async function playFault(res: ServerResponse, context: EsewaContext, target: 'status' | 'refund'): Promise<boolean> {
  const fault = context.faults.take(target);
  if (!fault) return false;
  if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.status === undefined || res.destroyed) return res.destroyed;
  sendJsonText(res, fault.status, UNAVAILABLE_ANSWER);
  return true;
}

function statusAnswer(productCode: string, transactionUuid: string, totalPaisa: number, status: EsewaStatus, refId?: string) {
  return (
    `{"product_code":${JSON.stringify(productCode)},"transaction_uuid":${JSON.stringify(transactionUuid)},` +
    `"total_amount":${statusAmountLiteral(totalPaisa)},"status":"${status}","ref_id":${refId ? JSON.stringify(refId) : 'null'}}`
  );
}

export async function answerTransactionStatus(res: ServerResponse, url: URL, context: EsewaContext): Promise<void> {
  if (await playFault(res, context, 'status')) return;
  const productCode = url.searchParams.get('product_code');
  const transactionUuid = url.searchParams.get('transaction_uuid');
  const totalPaisa = readEchoedAmount(url.searchParams.get('total_amount') ?? undefined);
  if (!productCode || !transactionUuid || totalPaisa === undefined)
    return sendJsonText(
      res,
      400,
      JSON.stringify({ code: 0, error_message: 'product_code, total_amount and transaction_uuid are required' }),
    );
  const transaction = context.transactions.get(productCode, transactionUuid);
  if (!transaction || transaction.totalPaisa !== totalPaisa)
    return sendJsonText(res, 200, statusAnswer(productCode, transactionUuid, totalPaisa, 'NOT_FOUND'));
  const paid = transaction.status !== 'PENDING' && transaction.status !== 'NOT_FOUND' && transaction.status !== 'CANCELED';
  sendJsonText(
    res,
    200,
    statusAnswer(productCode, transactionUuid, totalPaisa, transaction.status, paid ? transaction.transactionCode : undefined),
  );
}
