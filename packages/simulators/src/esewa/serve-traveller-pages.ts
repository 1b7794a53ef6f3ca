import type { IncomingMessage, ServerResponse } from 'node:http';
import { successRedirectUrl } from './build-success-callback.ts';
import type { EsewaContext } from './esewa-context.ts';
import { BodyTooLargeError, readBody, readFormFields, redirect, sendHtml } from './esewa-http.ts';
import { isTestWalletCode, isTestWalletSignIn } from './esewa-test-accounts.ts';
import { MAX_SIGN_IN_ATTEMPTS, type EsewaTransaction, type TravellerSession } from './esewa-transactions.ts';
import { readPaymentForm } from './read-payment-form.ts';
import { confirmPage, refusalPage, signInPage, type Page } from './render-traveller-pages.ts';

/**
 * The traveller's side of ePay v2: the merchant's form arrives (POST /api/epay/main/v2/form),
 * is checked, opens the transaction as PENDING and a sign-in session; the traveller signs in,
 * confirms with the OTP or MPIN (COMPLETE, 303 to success_url?data=…) or cancels (CANCELED, 303
 * to failure_url). A transaction_uuid that has taken money (or is AMBIGUOUS) cannot be paid
 * again; one still open or cancelled may be posted again for the same total.
 */
export const FORM_PATH = '/api/epay/main/v2/form';
const SIGN_IN_PATH = '/epay/sign-in';
const CONFIRM_PATH = '/epay/confirm';
const CANCEL_PATH = '/epay/cancel';
export const TRAVELLER_PATHS = [FORM_PATH, SIGN_IN_PATH, CONFIRM_PATH, CANCEL_PATH];

const REPAYABLE = new Set(['PENDING', 'CANCELED', 'NOT_FOUND']);

function show(res: ServerResponse, status: number, page: Page): void {
  sendHtml(res, status, page.html, page.nonce);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  show(res, status, refusalPage('Payment request refused', message));
}

async function readFields(req: IncomingMessage, res: ServerResponse): Promise<Record<string, string> | undefined> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
  if (type !== 'application/x-www-form-urlencoded') {
    refuse(res, 415, 'Send the form as application/x-www-form-urlencoded');
    return undefined;
  }
  try {
    return readFormFields(await readBody(req));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      refuse(res, 413, error.message);
      return undefined;
    }
    throw error;
  }
}

async function acceptPaymentForm(req: IncomingMessage, res: ServerResponse, context: EsewaContext): Promise<void> {
  const fields = await readFields(req, res);
  if (!fields) return;
  const read = readPaymentForm(fields, context.secretOf);
  if ('error' in read) return refuse(res, 400, read.error);
  const { form } = read;
  const now = new Date().toISOString();
  let transaction = context.transactions.get(form.productCode, form.transactionUuid);
  if (transaction && !REPAYABLE.has(transaction.status))
    return refuse(res, 409, 'This transaction_uuid has already been used for a payment');
  if (transaction && transaction.totalPaisa !== form.totalPaisa)
    return refuse(res, 409, 'This transaction_uuid already names a payment of another amount');
  if (transaction) {
    Object.assign(transaction, { successUrl: form.successUrl, failureUrl: form.failureUrl, updatedAt: now });
    context.transactions.setStatus(transaction, 'PENDING');
  } else {
    transaction = { ...form, status: 'PENDING', refunds: [], createdAt: now, updatedAt: now };
    context.transactions.put(transaction);
  }
  const session = context.transactions.openSession(transaction);
  redirect(res, `${SIGN_IN_PATH}?session=${encodeURIComponent(session.id)}`);
}

/** The session and its transaction, still open for payment; otherwise the refusal is sent and undefined returned. */
function openSession(
  res: ServerResponse,
  context: EsewaContext,
  sessionId: string | undefined,
): { session: TravellerSession; transaction: EsewaTransaction } | undefined {
  const session = context.transactions.session(sessionId);
  const transaction = session && context.transactions.byKey(session.transactionKey);
  if (!session || !transaction) {
    show(res, 410, refusalPage('Session expired', 'Your payment session has expired. Go back to the merchant and start again.'));
    return undefined;
  }
  if (transaction.status !== 'PENDING') {
    context.transactions.closeSession(session.id);
    show(res, 409, refusalPage('Payment closed', 'This payment is no longer open.'));
    return undefined;
  }
  return { session, transaction };
}

/** A wrong password or code: shown again with the reason, until the session has taken MAX_SIGN_IN_ATTEMPTS. */
function refuseAttempt(res: ServerResponse, context: EsewaContext, session: TravellerSession, page: Page): void {
  session.failedAttempts += 1;
  if (session.failedAttempts >= MAX_SIGN_IN_ATTEMPTS) {
    context.transactions.closeSession(session.id);
    return show(res, 403, refusalPage('Too many attempts', 'Too many wrong attempts. Go back to the merchant and start again.'));
  }
  show(res, 401, page);
}

async function signIn(req: IncomingMessage, res: ServerResponse, context: EsewaContext): Promise<void> {
  const fields = await readFields(req, res);
  if (!fields) return;
  const open = openSession(res, context, fields.session);
  if (!open) return;
  const { session, transaction } = open;
  if (!isTestWalletSignIn(fields.esewa_id?.trim(), fields.password))
    return refuseAttempt(res, context, session, signInPage(session.id, transaction, 'Invalid eSewa ID or password.'));
  session.stage = 'confirm';
  session.esewaId = fields.esewa_id!.trim();
  redirect(res, `${CONFIRM_PATH}?session=${encodeURIComponent(session.id)}`);
}

async function confirm(req: IncomingMessage, res: ServerResponse, context: EsewaContext): Promise<void> {
  const fields = await readFields(req, res);
  if (!fields) return;
  const open = openSession(res, context, fields.session);
  if (!open) return;
  const { session, transaction } = open;
  if (session.stage !== 'confirm') return redirect(res, `${SIGN_IN_PATH}?session=${encodeURIComponent(session.id)}`);
  if (!isTestWalletCode(fields.otp?.trim()))
    return refuseAttempt(
      res,
      context,
      session,
      confirmPage(session.id, transaction, session.esewaId!, 'The OTP token or MPIN is not correct.'),
    );
  context.transactions.setStatus(transaction, 'COMPLETE');
  context.transactions.closeSession(session.id);
  redirect(res, successRedirectUrl(transaction, context.secretOf(transaction.productCode)!));
}

async function cancel(req: IncomingMessage, res: ServerResponse, context: EsewaContext): Promise<void> {
  const fields = await readFields(req, res);
  if (!fields) return;
  const open = openSession(res, context, fields.session);
  if (!open) return;
  context.transactions.setStatus(open.transaction, 'CANCELED');
  context.transactions.closeSession(open.session.id);
  redirect(res, open.transaction.failureUrl);
}

export async function serveTravellerPages(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: EsewaContext,
): Promise<void> {
  const post = req.method === 'POST';
  if (url.pathname === FORM_PATH && post) return acceptPaymentForm(req, res, context);
  if (url.pathname === SIGN_IN_PATH && post) return signIn(req, res, context);
  if (url.pathname === CONFIRM_PATH && post) return confirm(req, res, context);
  if (url.pathname === CANCEL_PATH && post) return cancel(req, res, context);
  const isPage = url.pathname === SIGN_IN_PATH || url.pathname === CONFIRM_PATH;
  if (!isPage || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(405, { allow: isPage ? 'GET, POST' : 'POST' });
    return void res.end();
  }
  const open = openSession(res, context, url.searchParams.get('session') ?? undefined);
  if (!open) return;
  const { session, transaction } = open;
  const stagePath = session.stage === 'confirm' ? CONFIRM_PATH : SIGN_IN_PATH;
  if (url.pathname !== stagePath) return redirect(res, `${stagePath}?session=${encodeURIComponent(session.id)}`);
  show(
    res,
    200,
    session.stage === 'confirm' ? confirmPage(session.id, transaction, session.esewaId!) : signInPage(session.id, transaction),
  );
}
