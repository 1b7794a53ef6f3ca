import type { IncomingMessage, ServerResponse } from 'node:http';
import { chargeCard } from './charge-card.ts';
import { CHECKOUT_PAGE_PATH } from './checkout-sessions.ts';
import { readRequestBody } from './read-form-body.ts';
import { formatStripeAmount } from './stripe-currencies.ts';
import { createIntent } from './payment-intents.ts';
import { NO_REQUEST, type SessionRecord, type StripeStore } from './stripe-store.ts';
import { readCardEntry } from './test-cards.ts';

/**
 * Stripe's hosted checkout page, as plain HTML with no external assets: GET shows the amount and a
 * card form; POST takes the card number, expiry (MM / YY) and CVC. A test card that goes through
 * completes the session and sends the traveller to success_url (303, `{CHECKOUT_SESSION_ID}`
 * replaced); a declined one shows Stripe's message (402) and the session stays open for another
 * try. With manual capture the PaymentIntent is then requires_capture and the session complete but
 * `unpaid`, as Stripe reports an authorization that is not yet captured.
 */
const MAX_FORM_BYTES = 16 * 1024;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f6f9fc;color:#1a1f36;margin:0;padding:2rem}
main{max-width:26rem;margin:auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 2px 8px rgba(0,0,0,.08)}
label{display:block;margin:.75rem 0 .25rem;font-size:.9rem}
input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #cfd7df;border-radius:4px;font-size:1rem}
button{margin-top:1.25rem;width:100%;padding:.75rem;border:0;border-radius:4px;background:#635bff;color:#fff;font-size:1rem}
.error{color:#df1b41;margin:.75rem 0}.amount{font-size:1.6rem;font-weight:600}.note{color:#697386;font-size:.85rem}
</style></head><body><main>${body}</main></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

function payForm(record: SessionRecord, message?: string): string {
  const session = record.session;
  const cancel = session.cancel_url
    ? `<p><a id="cancel" href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>`
    : '';
  return `<h1>Pay</h1>
<p>${record.productNames.map(escapeHtml).join(', ')}</p>
<p class="amount">${escapeHtml(formatStripeAmount(session.amount_total, session.currency))}</p>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${CHECKOUT_PAGE_PATH}${escapeHtml(session.id)}">
<label for="email">Email</label><input id="email" name="email" type="email" value="${escapeHtml(session.customer_email ?? '')}">
<label for="card_number">Card number</label><input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
<label for="expiry">Expiry (MM / YY)</label><input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="12 / 34" required>
<label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required>
<button type="submit">Pay</button>
</form>${cancel}
<p class="note">Local Stripe test mode: use a Stripe test card (4242 4242 4242 4242 succeeds).</p>`;
}

function successLocation(record: SessionRecord): string | undefined {
  return record.session.success_url?.replaceAll('{CHECKOUT_SESSION_ID}', record.session.id);
}

function sendDone(res: ServerResponse, record: SessionRecord): void {
  const location = successLocation(record);
  if (location) {
    res.writeHead(303, { location, 'cache-control': 'no-store' });
    res.end();
  } else sendPage(res, 200, 'Payment complete', '<h1>Thank you</h1><p>Your payment is complete.</p>');
}

function sendClosed(res: ServerResponse, record: SessionRecord): void {
  if (record.session.status === 'complete')
    return sendPage(res, 200, 'Already paid', '<h1>Already paid</h1><p>This checkout session is complete.</p>');
  sendPage(res, 410, 'Expired', '<h1>This checkout session has expired</h1><p>Go back to the merchant to start again.</p>');
}

/** Serves GET and POST /checkout/pay/:sessionId. */
export async function serveCheckoutPage(
  req: IncomingMessage,
  res: ServerResponse,
  store: StripeStore,
  sessionId: string,
): Promise<void> {
  const record = store.sessions.get(sessionId);
  if (!record) return sendPage(res, 404, 'Not found', '<h1>No such checkout session</h1>');
  if (req.method === 'GET') {
    if (record.session.status !== 'open') return sendClosed(res, record);
    return sendPage(res, 200, 'Pay', payForm(record));
  }
  if (req.method !== 'POST') return sendPage(res, 405, 'Method not allowed', '<h1>Method not allowed</h1>');

  const text = await readRequestBody(req, MAX_FORM_BYTES);
  if (text === undefined) return sendPage(res, 413, 'Too large', '<h1>The form is too large</h1>');
  // A second submission of a page that already paid lands where the first did.
  if (record.session.status === 'complete') return sendDone(res, record);
  if (record.session.status !== 'open') return sendClosed(res, record);
  const form = new URLSearchParams(text);
  const entry = readCardEntry(
    {
      number: form.get('card_number') ?? '',
      expiry: form.get('expiry') ?? `${form.get('exp_month') ?? ''}/${form.get('exp_year') ?? ''}`,
      cvc: form.get('cvc') ?? '',
    },
    store.clock.now(),
  );
  if (!entry.ok) return sendPage(res, 400, 'Pay', payForm(record, entry.message));

  const session = record.session;
  let intent = session.payment_intent ? store.intents.get(session.payment_intent) : undefined;
  if (!intent) {
    intent = createIntent(
      store,
      {
        amount: session.amount_total,
        currency: session.currency,
        capture_method: record.intentData.captureMethod,
        description: record.intentData.description,
        metadata: { ...record.intentData.metadata },
        receipt_email: null,
      },
      session.id,
    );
    session.payment_intent = intent.intent.id;
  }
  const declined = chargeCard(store, intent, entry, NO_REQUEST);
  if (declined) return sendPage(res, 402, 'Pay', payForm(record, declined.message));

  session.status = 'complete';
  session.payment_status = intent.intent.status === 'succeeded' ? 'paid' : 'unpaid';
  session.customer_details = { email: form.get('email') || session.customer_email };
  session.url = null;
  store.emit('checkout.session.completed', session, NO_REQUEST);
  sendDone(res, record);
}
