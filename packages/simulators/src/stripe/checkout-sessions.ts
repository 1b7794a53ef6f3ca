import type { ApiRoute } from './api-route.ts';
import { invalidRequest, resourceMissing } from './stripe-api-error.ts';
import { checkAmountSteps, checkChargeAmount, currencyParam } from './stripe-currencies.ts';
import type { FormObject } from './read-form-body.ts';
import { stripeId, type CaptureMethod, type CheckoutSessionObject } from './stripe-objects.ts';
import {
  metadataParam,
  optionalEnum,
  optionalInteger,
  optionalList,
  optionalObject,
  optionalString,
  rejectUnknownParams,
  requiredInteger,
  requiredString,
} from './stripe-params.ts';
import { NO_REQUEST, type RequestContext, type SessionRecord, type StripeStore } from './stripe-store.ts';
import { cancelIntent } from './payment-intents.ts';

/**
 * Checkout Sessions in payment mode: create (line items with price_data, payment_intent_data with
 * capture_method and metadata, expires_at between 30 minutes and 24 hours ahead), retrieve, expire.
 * The session's `url` is this server's hosted page; its PaymentIntent is made when the traveller
 * first tries to pay.
 */
const MIN_LIFETIME_SECONDS = 30 * 60;
const MAX_LIFETIME_SECONDS = 24 * 3600;
export const CHECKOUT_PAGE_PATH = '/checkout/pay/';

export function findSession(store: StripeStore, id: string | undefined): SessionRecord {
  const record = id ? store.sessions.get(id) : undefined;
  if (!record) throw resourceMissing('checkout.session', id ?? '', 'session');
  return record;
}

/** Ends an open session: it can no longer be paid, and a PaymentIntent it made (declined attempts) is canceled. */
export function expireSession(store: StripeStore, record: SessionRecord, context: RequestContext): void {
  record.session.status = 'expired';
  record.session.url = null;
  const intent = record.session.payment_intent ? store.intents.get(record.session.payment_intent) : undefined;
  if (intent && intent.intent.status === 'requires_payment_method') cancelIntent(store, intent, 'abandoned', context);
  store.emit('checkout.session.expired', record.session, context);
}

/** Sessions past their expires_at expire, as Stripe expires them in the background. */
export function expireLapsedSessions(store: StripeStore): void {
  const now = store.now();
  for (const record of store.sessions.values())
    if (record.session.status === 'open' && now >= record.session.expires_at) expireSession(store, record, NO_REQUEST);
}

interface LineItem {
  name: string;
  currency: string;
  unitAmount: number;
  quantity: number;
}

function readLineItems(params: FormObject): LineItem[] {
  const list = optionalList(params, 'line_items');
  if (!list || list.length === 0) throw invalidRequest('Missing required param: line_items.', { param: 'line_items' });
  if (list.length > 100) throw invalidRequest('A Checkout Session can have at most 100 line items.', { param: 'line_items' });
  return list.map((entry, index) => {
    const param = `line_items[${index}]`;
    if (typeof entry === 'string' || Array.isArray(entry)) throw invalidRequest(`Invalid object: ${param}`, { param });
    rejectUnknownParams(entry, ['price_data', 'quantity', 'price'], param);
    if (entry.price !== undefined) throw resourceMissing('price', String(entry.price), `${param}[price]`);
    const priceData = optionalObject(entry, 'price_data');
    if (!priceData) throw invalidRequest(`Missing required param: ${param}[price_data].`, { param: `${param}[price_data]` });
    rejectUnknownParams(priceData, ['currency', 'unit_amount', 'product_data', 'tax_behavior'], `${param}[price_data]`);
    const currency = currencyParam(requiredString(priceData, 'currency'), `${param}[price_data][currency]`);
    const unitAmount = requiredInteger(priceData, 'unit_amount');
    if (unitAmount < 0) throw invalidRequest('Invalid non-negative integer', { param: `${param}[price_data][unit_amount]` });
    const product = optionalObject(priceData, 'product_data');
    const name = product && optionalString(product, 'name', 250);
    if (!name)
      throw invalidRequest(`Missing required param: ${param}[price_data][product_data][name].`, {
        param: `${param}[price_data][product_data][name]`,
      });
    const quantity = optionalInteger(entry, 'quantity') ?? 1;
    if (quantity < 1 || quantity > 999_999) throw invalidRequest('Invalid quantity', { param: `${param}[quantity]` });
    return { name, currency, unitAmount, quantity };
  });
}

function readIntentData(params: FormObject): SessionRecord['intentData'] {
  const data = optionalObject(params, 'payment_intent_data');
  if (!data) return { captureMethod: 'automatic', metadata: {}, description: null };
  rejectUnknownParams(data, ['capture_method', 'metadata', 'description', 'receipt_email'], 'payment_intent_data');
  const captureMethods: readonly CaptureMethod[] = ['automatic', 'automatic_async', 'manual'];
  return {
    captureMethod: optionalEnum(data, 'capture_method', captureMethods) ?? 'automatic',
    metadata: metadataParam(data),
    description: optionalString(data, 'description', 1_000) ?? null,
  };
}

export const CHECKOUT_SESSION_ROUTES: ApiRoute[] = [
  {
    name: 'checkout.sessions.create',
    method: 'POST',
    path: /^\/v1\/checkout\/sessions$/,
    prepare: ({ params, store, baseUrl }) => {
      rejectUnknownParams(params, [
        'mode',
        'line_items',
        'payment_intent_data',
        'metadata',
        'customer_email',
        'success_url',
        'cancel_url',
        'expires_at',
        'client_reference_id',
        'payment_method_types',
        'locale',
        'expand',
      ]);
      const mode = requiredString(params, 'mode');
      if (mode !== 'payment') throw invalidRequest('This local Stripe server supports mode=payment only.', { param: 'mode' });
      const items = readLineItems(params);
      const currency = items[0]!.currency;
      if (items.some((item) => item.currency !== currency))
        throw invalidRequest('All line items must be in the same currency.', { param: 'line_items' });
      for (const [index, item] of items.entries())
        if (item.unitAmount > 0) checkAmountSteps(item.unitAmount, currency, `line_items[${index}][price_data][unit_amount]`);
      const total = items.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
      checkChargeAmount(total, currency, 'line_items');
      const now = store.now();
      const expiresAt = optionalInteger(params, 'expires_at') ?? now + MAX_LIFETIME_SECONDS;
      if (expiresAt < now + MIN_LIFETIME_SECONDS || expiresAt > now + MAX_LIFETIME_SECONDS)
        throw invalidRequest(
          'The `expires_at` timestamp must be at least 30 minutes and at most 24 hours after the Checkout Session is created.',
          { param: 'expires_at' },
        );
      const types = optionalList(params, 'payment_method_types');
      if (types && types.some((t) => t !== 'card'))
        throw invalidRequest('This local Stripe server takes card payments only.', { param: 'payment_method_types' });
      const successUrl = optionalString(params, 'success_url', 5_000) ?? null;
      const cancelUrl = optionalString(params, 'cancel_url', 5_000) ?? null;
      for (const [param, url] of [
        ['success_url', successUrl],
        ['cancel_url', cancelUrl],
      ] as const)
        if (url !== null && !/^https?:\/\//.test(url)) throw invalidRequest(`Not a valid URL`, { param });
      const customerEmail = optionalString(params, 'customer_email', 800) ?? null;
      const fields = {
        intentData: readIntentData(params),
        metadata: metadataParam(params),
        clientReferenceId: optionalString(params, 'client_reference_id', 200) ?? null,
      };
      return () => {
        const id = stripeId('cs_test', 58);
        const session: CheckoutSessionObject = {
          id,
          object: 'checkout.session',
          amount_subtotal: total,
          amount_total: total,
          cancel_url: cancelUrl,
          client_reference_id: fields.clientReferenceId,
          created: now,
          currency,
          customer_details: null,
          customer_email: customerEmail,
          expires_at: expiresAt,
          livemode: false,
          metadata: fields.metadata,
          mode: 'payment',
          payment_intent: null,
          payment_method_types: ['card'],
          payment_status: 'unpaid',
          status: 'open',
          success_url: successUrl,
          ui_mode: 'hosted',
          url: `${baseUrl}${CHECKOUT_PAGE_PATH}${id}`,
        };
        store.sessions.set(id, { session, intentData: fields.intentData, productNames: items.map((item) => item.name) });
        return session;
      };
    },
  },
  {
    name: 'checkout.sessions.retrieve',
    method: 'GET',
    path: /^\/v1\/checkout\/sessions\/([^/]+)$/,
    prepare: ({ params, id, store }) => {
      rejectUnknownParams(params, ['expand']);
      const record = findSession(store, id);
      return () => record.session;
    },
  },
  {
    name: 'checkout.sessions.expire',
    method: 'POST',
    path: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
    prepare: ({ params, id, store, context }) => {
      rejectUnknownParams(params, ['expand']);
      const record = findSession(store, id);
      return () => {
        if (record.session.status !== 'open')
          throw invalidRequest(
            `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${record.session.status}".`,
          );
        expireSession(store, record, context);
        return record.session;
      };
    },
  },
];
