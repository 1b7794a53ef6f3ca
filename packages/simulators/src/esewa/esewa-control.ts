import type { EsewaFault } from './esewa-faults.ts';
import type { EsewaStatus } from './esewa-transactions.ts';
import type { EsewaTransactionView } from './serve-control-calls.ts';

/** Test helpers: drive a running local eSewa's control API over HTTP, as any client would. */
async function call<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`local eSewa control ${method} ${new URL(url).pathname}: ${response.status} ${answer.error}`);
  return answer;
}

export const esewaControl = {
  reset: (serverUrl: string) => call<{ reset: true }>(`${serverUrl}/_control/reset`, 'POST'),
  state: (serverUrl: string) =>
    call<{ products: string[]; transactions: EsewaTransactionView[]; faults: EsewaFault[] }>(
      `${serverUrl}/_control/state`,
      'GET',
    ),
  transaction: (serverUrl: string, transactionUuid: string) =>
    call<EsewaTransactionView>(`${serverUrl}/_control/transactions/${encodeURIComponent(transactionUuid)}`, 'GET'),
  /** Forces a status; `totalAmount` (a plain decimal) records a transaction no form opened. */
  forceStatus: (
    serverUrl: string,
    transactionUuid: string,
    status: EsewaStatus,
    options: { totalAmount?: string; productCode?: string } = {},
  ) =>
    call<EsewaTransactionView>(`${serverUrl}/_control/transactions/${encodeURIComponent(transactionUuid)}`, 'POST', {
      status,
      total_amount: options.totalAmount,
      product_code: options.productCode,
    }),
  /** Pays an open transaction; `followRedirect: false` is the traveller who closed the tab before coming back. */
  pay: (serverUrl: string, transactionUuid: string, options: { followRedirect?: boolean; productCode?: string } = {}) =>
    call<{ transaction: EsewaTransactionView; redirectUrl: string; callback: { status: number } | { error: string } | null }>(
      `${serverUrl}/_control/pay`,
      'POST',
      { transaction_uuid: transactionUuid, follow_redirect: options.followRedirect ?? true, product_code: options.productCode },
    ),
  addFault: (serverUrl: string, fault: Partial<EsewaFault>) => call(`${serverUrl}/_control/faults`, 'POST', fault),
  clearFaults: (serverUrl: string) => call(`${serverUrl}/_control/faults`, 'DELETE'),
};
