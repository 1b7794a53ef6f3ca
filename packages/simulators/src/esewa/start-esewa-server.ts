import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerTransactionStatus, STATUS_PATH } from './answer-transaction-status.ts';
import type { EsewaContext } from './esewa-context.ts';
import { EsewaFaults } from './esewa-faults.ts';
import { BodyTooLargeError, sendJson } from './esewa-http.ts';
import { EsewaTransactions } from './esewa-transactions.ts';
import { CONTROL_PREFIX, serveControlCalls } from './serve-control-calls.ts';
import { REFUND_PATH, serveRefundChannel } from './serve-refund-channel.ts';
import { FORM_PATH, serveTravellerPages, TRAVELLER_PATHS } from './serve-traveller-pages.ts';

/**
 * The local eSewa: an HTTP server that behaves, for merchants, like eSewa's ePay v2 UAT host
 * (rc-epay.esewa.com.np): the payment form and the traveller's sign-in and confirmation pages,
 * the status check, plus a refund channel of its own (see serve-refund-channel.ts: ePay has no
 * public refund API) and a control API for tests. It knows the merchants it is given, by default
 * eSewa's published UAT product code and secret key.
 */
export const LOCAL_ESEWA_PRODUCT_CODE = 'EPAYTEST';
export const LOCAL_ESEWA_SECRET_KEY = '8gBm/:&EnhH.1/q';
/** Its fixed port for local runs (127.0.0.1, in the simulators' 4100–4199); tests pass port 0. */
export const LOCAL_ESEWA_PORT = 4111;

export interface EsewaMerchant {
  code: string;
  secret: string;
}

export interface StartEsewaServerOptions {
  /** 0 binds a free port (tests); default LOCAL_ESEWA_PORT. */
  port?: number;
  host?: string;
  products?: EsewaMerchant[];
}

export interface RunningEsewaServer {
  /** Base URL, e.g. http://127.0.0.1:4111 */
  url: string;
  port: number;
  /** Where merchants post the payment form. */
  formUrl: string;
  /** The status check, to be given product_code, total_amount and transaction_uuid. */
  statusUrl: string;
  /** The local refund channel (a stand-in: ePay v2 has no public refund API). */
  refundUrl: string;
  close: () => Promise<void>;
}

export async function startEsewaServer(options: StartEsewaServerOptions = {}): Promise<RunningEsewaServer> {
  const host = options.host ?? '127.0.0.1';
  const products = options.products ?? [{ code: LOCAL_ESEWA_PRODUCT_CODE, secret: LOCAL_ESEWA_SECRET_KEY }];
  if (products.length === 0) throw new Error('the local eSewa needs at least one merchant product');
  const secrets = new Map(products.map((p) => [p.code, p.secret]));
  const context: EsewaContext = {
    transactions: new EsewaTransactions(),
    faults: new EsewaFaults(),
    secretOf: (code) => secrets.get(code),
    productCodes: () => [...secrets.keys()],
  };

  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://local-esewa');
      if (url.pathname.startsWith(CONTROL_PREFIX)) return serveControlCalls(req, res, url, context);
      if (url.pathname === STATUS_PATH || url.pathname === STATUS_PATH.slice(0, -1)) {
        if (req.method !== 'GET') {
          res.writeHead(405, { allow: 'GET' });
          return void res.end();
        }
        return answerTransactionStatus(res, url, context);
      }
      if (url.pathname === REFUND_PATH) return serveRefundChannel(req, res, url, context);
      if (TRAVELLER_PATHS.includes(url.pathname)) return serveTravellerPages(req, res, url, context);
      sendJson(res, 404, { code: 0, error_message: `Not found; merchants post to ${FORM_PATH}` });
    })().catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { code: 0, error_message: error.message });
      // Never echo what came in (it may hold a signature or a password): only that it failed.
      sendJson(res, 500, { code: 0, error_message: 'Internal error of the local eSewa' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? LOCAL_ESEWA_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    port,
    formUrl: `${url}${FORM_PATH}`,
    statusUrl: `${url}${STATUS_PATH}`,
    refundUrl: `${url}${REFUND_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
