import { randomBytes } from 'node:crypto';
import { refundAmount } from './esewa-amounts.ts';
import type { EsewaTransaction } from './esewa-transactions.ts';

/**
 * The pages a traveller sees on the local eSewa, in eSewa's order: sign in with the eSewa ID and
 * password, then confirm the payment with the OTP token (or MPIN), or cancel. Plain HTML forms
 * with one inline style sheet and no scripts, so a test can walk them with fetch as a browser
 * would, and nothing is loaded from anywhere else. Every value shown is escaped.
 */
export interface Page {
  html: string;
  nonce: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{margin:0;font-family:system-ui,sans-serif;background:#f4f6f5;color:#1d2b24}
header{background:#60bb46;color:#fff;padding:14px 24px;font-weight:700;font-size:20px}
main{max-width:420px;margin:32px auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 4px #0002}
label{display:block;margin:12px 0 4px;font-size:14px}
input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #c7d1cc;border-radius:4px;font-size:16px}
button{margin-top:16px;padding:10px 18px;border:0;border-radius:4px;font-size:16px;cursor:pointer}
.pay{background:#60bb46;color:#fff}.cancel{background:#e9ecea;color:#1d2b24}
.error{background:#fdecea;color:#8a1c13;padding:10px;border-radius:4px}
.hint{color:#5b6b63;font-size:13px}table{width:100%;border-collapse:collapse}td{padding:4px 0}td.r{text-align:right}`;

function page(title: string, body: string): Page {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | eSewa (local)</title><style nonce="${nonce}">${STYLE}</style></head>
<body><header>eSewa <span class="hint">local ePay v2</span></header><main>${body}</main></body></html>`;
  return { html, nonce };
}

function errorBox(error: string | undefined): string {
  return error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
}

function cancelForm(sessionId: string): string {
  return `<form method="post" action="/epay/cancel"><input type="hidden" name="session" value="${escapeHtml(sessionId)}">
<button class="cancel" type="submit" name="action" value="cancel">Cancel payment</button></form>`;
}

function rupees(paisa: number): string {
  return `NPR ${refundAmount(paisa)}`;
}

export function signInPage(sessionId: string, transaction: EsewaTransaction, error?: string): Page {
  return page(
    'Sign in',
    `<h1>Sign in to pay ${escapeHtml(rupees(transaction.totalPaisa))}</h1>
<p class="hint">Merchant ${escapeHtml(transaction.productCode)} · payment ${escapeHtml(transaction.transactionUuid)}</p>
${errorBox(error)}
<form method="post" action="/epay/sign-in"><input type="hidden" name="session" value="${escapeHtml(sessionId)}">
<label for="esewa_id">eSewa ID (mobile number or email)</label><input id="esewa_id" name="esewa_id" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="pay" type="submit">Sign in</button></form>
${cancelForm(sessionId)}
<p class="hint">Test accounts: 9806800001 to 9806800005, password Nepal@123.</p>`,
  );
}

export function confirmPage(sessionId: string, transaction: EsewaTransaction, esewaId: string, error?: string): Page {
  const row = (label: string, paisa: number) => `<tr><td>${label}</td><td class="r">${escapeHtml(rupees(paisa))}</td></tr>`;
  return page(
    'Confirm payment',
    `<h1>Confirm payment</h1>
<p class="hint">Signed in as ${escapeHtml(esewaId)} · merchant ${escapeHtml(transaction.productCode)}</p>
<table>${row('Amount', transaction.amountPaisa)}${row('Tax', transaction.taxPaisa)}${row('Service charge', transaction.serviceChargePaisa)}${row('Delivery charge', transaction.deliveryChargePaisa)}
<tr><td><strong>Total</strong></td><td class="r"><strong>${escapeHtml(rupees(transaction.totalPaisa))}</strong></td></tr></table>
${errorBox(error)}
<form method="post" action="/epay/confirm"><input type="hidden" name="session" value="${escapeHtml(sessionId)}">
<label for="otp">OTP token or MPIN</label><input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" required>
<button class="pay" type="submit" name="action" value="confirm">Pay ${escapeHtml(rupees(transaction.totalPaisa))}</button></form>
${cancelForm(sessionId)}
<p class="hint">Test token 123456, MPIN 1122.</p>`,
  );
}

/** eSewa's answer to a form or step it will not go on with: the reason, and no way forward. */
export function refusalPage(title: string, message: string): Page {
  return page(title, `<h1>${escapeHtml(title)}</h1>${errorBox(message)}`);
}
