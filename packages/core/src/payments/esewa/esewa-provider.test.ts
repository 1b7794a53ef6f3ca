import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  esewaControl,
  LOCAL_ESEWA_PRODUCT_CODE,
  LOCAL_ESEWA_SECRET_KEY,
  startEsewaServer,
  walkEsewaPages,
  type RunningEsewaServer,
} from '@himal/simulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentProvider, StartPaymentRequest } from '../payment-provider.ts';
import { esewaConfigFromEnv, type EsewaProviderConfig } from './esewa-config.ts';
import { createEsewaProvider } from './esewa-provider.ts';
import { esewaSignature } from './esewa-signature.ts';
import { verifyEsewaCallback } from './verify-esewa-callback.ts';

const npr = (amountMinor: number) => ({ amountMinor, currency: 'NPR' });
const refused = (code: string) => expect.objectContaining({ name: 'PaymentError', code });

let esewa: RunningEsewaServer;
let config: EsewaProviderConfig;
let provider: PaymentProvider;

function paymentRequest(overrides: Partial<StartPaymentRequest> = {}): StartPaymentRequest {
  return {
    paymentId: `pay-${randomUUID()}`,
    tenantId: 't_7f3a9c',
    orderId: 'ord_1',
    amount: npr(150_050),
    description: 'Everest Treks · booking K7M2QX',
    successUrl: 'https://everest.example/payments/esewa/success',
    cancelUrl: 'https://everest.example/payments/esewa/cancel',
    ...overrides,
  };
}

/** A payment opened with the provider and paid by a traveller walking eSewa's pages. */
async function paidPayment(amountMinor = 150_050) {
  const request = paymentRequest({ amount: npr(amountMinor) });
  const session = await provider.startPayment(request, `start:${request.paymentId}`);
  const walk = await walkEsewaPages({ form: session.form! });
  if (walk.outcome !== 'returned') throw new Error(`eSewa refused the payment: ${walk.status}`);
  return { request, session, data: walk.data! };
}

/** The traveller's browser posts the form and goes no further. */
async function openedPayment(amountMinor = 150_050) {
  const request = paymentRequest({ amount: npr(amountMinor) });
  const session = await provider.startPayment(request, `start:${request.paymentId}`);
  const posted = await fetch(session.form!.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(session.form!.fields).toString(),
    redirect: 'manual',
  });
  expect(posted.status).toBe(303);
  return request;
}

function decode(data: string): Record<string, string> {
  return JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as Record<string, string>;
}

function encode(body: Record<string, string>): string {
  return Buffer.from(JSON.stringify(body)).toString('base64');
}

describe('the eSewa payment provider, against the local eSewa', () => {
  beforeAll(async () => {
    esewa = await startEsewaServer({ port: 0 });
    config = {
      formUrl: esewa.formUrl,
      statusUrl: esewa.statusUrl,
      refundUrl: esewa.refundUrl,
      productCode: LOCAL_ESEWA_PRODUCT_CODE,
      secretKey: LOCAL_ESEWA_SECRET_KEY,
      timeoutMs: 2_000,
    };
    provider = createEsewaProvider(config);
  });
  afterAll(async () => {
    await esewa.close();
  });
  beforeEach(async () => {
    await esewaControl.reset(esewa.url);
  });

  it('takes a whole payment: form, traveller, verified callback, captured, refunded in part, then in full', async () => {
    const request = paymentRequest({ amount: npr(150_050) });
    const session = await provider.startPayment(request, `start:${request.paymentId}`);
    expect(session).toMatchObject({ provider: 'esewa', providerReference: request.paymentId });
    expect(session.form!.action).toBe(esewa.formUrl);
    expect(session.form!.fields).toMatchObject({
      amount: '1500.50',
      tax_amount: '0',
      total_amount: '1500.50',
      transaction_uuid: request.paymentId,
      product_code: 'EPAYTEST',
      product_service_charge: '0',
      product_delivery_charge: '0',
      success_url: request.successUrl,
      failure_url: request.cancelUrl,
      signed_field_names: 'total_amount,transaction_uuid,product_code',
    });

    const walk = await walkEsewaPages({ form: session.form! });
    if (walk.outcome !== 'returned') throw new Error(`refused at ${walk.step}: ${walk.status}`);
    expect(walk.location.startsWith(`${request.successUrl}?data=`)).toBe(true);
    expect(decode(walk.data!).total_amount).toBe('1,500.5');
    const callback = verifyEsewaCallback(walk.data!, config);
    expect(callback).toEqual({
      paymentId: request.paymentId,
      status: 'COMPLETE',
      totalMinor: 150_050,
      transactionCode: expect.stringMatching(/^[0-9A-Z]{7}$/),
    });

    const payment = await provider.retrieve(session.providerReference, request.amount);
    expect(payment).toEqual({
      provider: 'esewa',
      providerReference: request.paymentId,
      status: 'captured',
      amount: request.amount,
      capturedMinor: 150_050,
      refundedMinor: 0,
      transactionReference: callback.transactionCode,
    });
    expect(await provider.capture(session.providerReference, request.amount, `capture:${request.paymentId}`)).toEqual(payment);
    await expect(provider.void(session.providerReference, request.amount, `void:${request.paymentId}`)).rejects.toThrow(
      refused('PAYMENT_REQUEST_REFUSED'),
    );

    const part = await provider.refund(session.providerReference, npr(50_000), `refund:${request.paymentId}:1`);
    expect(part).toEqual({ provider: 'esewa', refundReference: expect.any(String), amount: npr(50_000), status: 'succeeded' });
    expect(await provider.retrieve(session.providerReference, request.amount)).toMatchObject({
      status: 'partially_refunded',
      capturedMinor: 150_050,
      refundedMinor: 50_000,
    });

    const rest = await provider.refund(session.providerReference, npr(100_050), `refund:${request.paymentId}:2`);
    expect(rest.status).toBe('succeeded');
    expect(await provider.retrieve(session.providerReference, request.amount)).toMatchObject({
      status: 'refunded',
      capturedMinor: 150_050,
      refundedMinor: 150_050,
    });
  });

  it('writes whole rupees as eSewa’s examples do, and the same request always gives the same form', async () => {
    const request = paymentRequest({ amount: npr(100_000) });
    const first = await provider.startPayment(request, 'k1');
    expect(first.form!.fields).toMatchObject({ amount: '1000', total_amount: '1000' });
    expect(await provider.startPayment(request, 'k1')).toEqual(first);
    expect(first.form!.fields.signature).toBe(
      esewaSignature(first.form!.fields, ['total_amount', 'transaction_uuid', 'product_code'], LOCAL_ESEWA_SECRET_KEY),
    );
  });

  it('refuses what eSewa cannot take: another currency, a payment id eSewa does not allow, a non-amount', async () => {
    await expect(provider.startPayment(paymentRequest({ amount: { amountMinor: 1_000, currency: 'USD' } }), 'k')).rejects.toThrow(
      refused('PAYMENT_METHOD_UNAVAILABLE'),
    );
    await expect(provider.startPayment(paymentRequest({ paymentId: 'pay_01J9' }), 'k')).rejects.toThrow(
      refused('PAYMENT_REQUEST_REFUSED'),
    );
    await expect(provider.startPayment(paymentRequest({ amount: npr(0) }), 'k')).rejects.toThrow(
      refused('PAYMENT_REQUEST_REFUSED'),
    );
    await expect(provider.startPayment(paymentRequest({ amount: npr(10.5) }), 'k')).rejects.toThrow(
      refused('PAYMENT_REQUEST_REFUSED'),
    );
    await expect(provider.retrieve('pay-1', { amountMinor: 100, currency: 'INR' })).rejects.toThrow(
      refused('PAYMENT_METHOD_UNAVAILABLE'),
    );
  });

  it('reads every status eSewa answers', async () => {
    const opened = await openedPayment();
    expect(await provider.retrieve(opened.paymentId, opened.amount)).toMatchObject({ status: 'pending', capturedMinor: 0 });

    await esewaControl.forceStatus(esewa.url, opened.paymentId, 'AMBIGUOUS');
    expect(await provider.retrieve(opened.paymentId, opened.amount)).toMatchObject({ status: 'unknown', capturedMinor: 0 });

    const cancelled = paymentRequest();
    const session = await provider.startPayment(cancelled, 'k');
    expect(await walkEsewaPages({ form: session.form!, cancelAt: 'sign-in' })).toEqual({
      outcome: 'returned',
      location: cancelled.cancelUrl,
      data: undefined,
    });
    expect(await provider.retrieve(cancelled.paymentId, cancelled.amount)).toMatchObject({ status: 'failed', capturedMinor: 0 });

    const neverPosted = paymentRequest();
    expect(await provider.retrieve(neverPosted.paymentId, neverPosted.amount)).toEqual({
      provider: 'esewa',
      providerReference: neverPosted.paymentId,
      status: 'failed',
      amount: neverPosted.amount,
      capturedMinor: 0,
      refundedMinor: 0,
    });

    await esewaControl.forceStatus(esewa.url, 'forced-refund', 'FULL_REFUND', { totalAmount: '20' });
    expect(await provider.retrieve('forced-refund', npr(2_000))).toMatchObject({ status: 'refunded', refundedMinor: 2_000 });
  });

  it('finds the payment of a traveller who closed the tab before coming back: the status check says captured', async () => {
    const request = await openedPayment(99_900);
    const paid = await esewaControl.pay(esewa.url, request.paymentId, { followRedirect: false });
    expect(paid.callback).toBeNull();
    expect(await provider.retrieve(request.paymentId, request.amount)).toMatchObject({
      status: 'captured',
      capturedMinor: 99_900,
      transactionReference: paid.transaction.transactionCode,
    });
  });

  it.each([
    ['an altered amount', (body: Record<string, string>) => ({ ...body, total_amount: '1.0' })],
    ['an altered status', (body: Record<string, string>) => ({ ...body, status: 'FULL_REFUND' })],
    ['an altered payment id', (body: Record<string, string>) => ({ ...body, transaction_uuid: `pay-${randomUUID()}` })],
  ])('refuses a forged callback: %s', async (_, forge) => {
    const { data } = await paidPayment();
    expect(() => verifyEsewaCallback(encode(forge(decode(data))), config)).toThrow(refused('PAYMENT_SIGNATURE_INVALID'));
  });

  it('refuses a callback signed with another key, or for another product code', async () => {
    const { data } = await paidPayment();
    expect(() => verifyEsewaCallback(data, { ...config, secretKey: 'another merchant’s key' })).toThrow(
      refused('PAYMENT_SIGNATURE_INVALID'),
    );
    expect(() => verifyEsewaCallback(data, { ...config, productCode: 'OTHERSHOP' })).toThrow(
      refused('PAYMENT_SIGNATURE_INVALID'),
    );
    const body: Record<string, string> = { ...decode(data), product_code: 'OTHERSHOP' };
    body.signature = esewaSignature(body, body.signed_field_names!.split(','), LOCAL_ESEWA_SECRET_KEY);
    expect(() => verifyEsewaCallback(encode(body), config)).toThrow(refused('PAYMENT_SIGNATURE_INVALID'));
    expect(() => verifyEsewaCallback('x'.repeat(10_000), config)).toThrow(refused('PAYMENT_MESSAGE_MALFORMED'));
  });

  it('has its signed form refused by eSewa once tampered with', async () => {
    const session = await provider.startPayment(paymentRequest(), 'k');
    const fields = { ...session.form!.fields, amount: '1.00', total_amount: '1.00' };
    expect(await walkEsewaPages({ form: { action: session.form!.action, fields } })).toMatchObject({
      outcome: 'refused',
      step: 'form',
      status: 400,
    });
  });

  it('leaves the payment pending when the traveller’s eSewa password is wrong', async () => {
    const request = paymentRequest();
    const session = await provider.startPayment(request, 'k');
    const walk = await walkEsewaPages({ form: session.form!, password: 'nepal@123' });
    expect(walk).toMatchObject({ outcome: 'refused', step: 'sign-in', status: 401 });
    expect(await provider.retrieve(request.paymentId, request.amount)).toMatchObject({ status: 'pending' });
  });

  it('refunds once per idempotency key, and never more than was paid', async () => {
    const { request } = await paidPayment(100_000);
    const first = await provider.refund(request.paymentId, npr(30_000), `refund:${request.paymentId}`);
    expect(await provider.refund(request.paymentId, npr(30_000), `refund:${request.paymentId}`)).toEqual(first);
    expect((await esewaControl.transaction(esewa.url, request.paymentId)).refunds).toHaveLength(1);
    await expect(provider.refund(request.paymentId, npr(40_000), `refund:${request.paymentId}`)).rejects.toThrow(
      refused('PAYMENT_REQUEST_REFUSED'),
    );
    await expect(provider.refund(request.paymentId, npr(70_001), `refund:${request.paymentId}:more`)).rejects.toThrow(
      refused('PAYMENT_REQUEST_REFUSED'),
    );
    // A key of any characters is carried as a refund_uuid the channel accepts, still once.
    const odd = 'refund for K7M2QX, traveller asked';
    const second = await provider.refund(request.paymentId, npr(70_000), odd);
    expect(await provider.refund(request.paymentId, npr(70_000), odd)).toEqual(second);
    expect(await provider.retrieve(request.paymentId, request.amount)).toMatchObject({
      status: 'refunded',
      refundedMinor: 100_000,
    });
  });

  it('refuses to refund what was not paid, or without a refund channel', async () => {
    const opened = await openedPayment();
    await expect(provider.refund(opened.paymentId, npr(1_000), 'r1')).rejects.toThrow(refused('PAYMENT_REQUEST_REFUSED'));
    await expect(provider.refund(`pay-${randomUUID()}`, npr(1_000), 'r2')).rejects.toThrow(refused('PAYMENT_NOT_FOUND'));
    const withoutRefunds = createEsewaProvider({ ...config, refundUrl: undefined });
    const { request } = await paidPayment();
    await expect(withoutRefunds.refund(request.paymentId, npr(1_000), 'r3')).rejects.toThrow(
      refused('PAYMENT_METHOD_UNAVAILABLE'),
    );
    expect(await withoutRefunds.retrieve(request.paymentId, request.amount)).toMatchObject({ status: 'captured' });
  });

  it('captures exactly what was paid, nothing else; voids only what took nothing', async () => {
    const { request } = await paidPayment(100_000);
    await expect(provider.capture(request.paymentId, npr(90_000), 'c1')).rejects.toThrow(refused('PAYMENT_REQUEST_REFUSED'));

    const opened = await openedPayment();
    await expect(provider.capture(opened.paymentId, opened.amount, 'c2')).rejects.toThrow(refused('PAYMENT_REQUEST_REFUSED'));
    expect(await provider.void(opened.paymentId, opened.amount, 'v1')).toMatchObject({ status: 'voided', capturedMinor: 0 });

    await esewaControl.forceStatus(esewa.url, opened.paymentId, 'AMBIGUOUS');
    await expect(provider.capture(opened.paymentId, opened.amount, 'c3')).rejects.toThrow(
      expect.objectContaining({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', retryable: true }),
    );
    await expect(provider.void(opened.paymentId, opened.amount, 'v2')).rejects.toThrow(refused('PAYMENT_PROVIDER_UNAVAILABLE'));
  });

  it('reports an outage as retryable PAYMENT_PROVIDER_UNAVAILABLE: 500, 503, a timeout, no server', async () => {
    const { request } = await paidPayment();
    const unavailable = expect.objectContaining({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', retryable: true });

    await esewaControl.addFault(esewa.url, { status: 500 });
    await expect(provider.retrieve(request.paymentId, request.amount)).rejects.toThrow(unavailable);
    await esewaControl.addFault(esewa.url, { status: 503 });
    await expect(provider.retrieve(request.paymentId, request.amount)).rejects.toThrow(unavailable);
    await esewaControl.addFault(esewa.url, { delayMs: 1_500 });
    const impatient = createEsewaProvider({ ...config, timeoutMs: 200 });
    await expect(impatient.retrieve(request.paymentId, request.amount)).rejects.toThrow(unavailable);
    expect(await provider.retrieve(request.paymentId, request.amount)).toMatchObject({ status: 'captured' });

    await esewaControl.addFault(esewa.url, { target: 'refund', status: 503 });
    await expect(provider.refund(request.paymentId, npr(1_000), `refund:${request.paymentId}`)).rejects.toThrow(unavailable);
    await provider.refund(request.paymentId, npr(1_000), `refund:${request.paymentId}`);
    expect((await esewaControl.transaction(esewa.url, request.paymentId)).refunds).toHaveLength(1);

    const gone = await startEsewaServer({ port: 0 });
    await gone.close();
    const unreachable = createEsewaProvider({ ...config, statusUrl: gone.statusUrl, refundUrl: gone.refundUrl });
    await expect(unreachable.retrieve(request.paymentId, request.amount)).rejects.toThrow(unavailable);
    await expect(unreachable.refund(request.paymentId, npr(1_000), 'r')).rejects.toThrow(unavailable);
  });

  describe('answers that are not eSewa’s', () => {
    let impostor: Server;
    let impostorUrl: string;
    let nextAnswer = '';

    beforeAll(async () => {
      impostor = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(nextAnswer);
      });
      await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
      impostorUrl = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}/api/epay/transaction/status/`;
    });
    afterAll(() => new Promise<void>((resolve) => impostor.close(() => resolve())));

    it.each([
      ['not JSON', '<html>maintenance</html>'],
      [
        'an unknown status',
        '{"product_code":"EPAYTEST","transaction_uuid":"pay-1","total_amount":10.0,"status":"PAID","ref_id":null}',
      ],
      [
        'another payment',
        '{"product_code":"EPAYTEST","transaction_uuid":"pay-2","total_amount":10.0,"status":"COMPLETE","ref_id":"X"}',
      ],
      [
        'another amount',
        '{"product_code":"EPAYTEST","transaction_uuid":"pay-1","total_amount":1.0,"status":"COMPLETE","ref_id":"X"}',
      ],
      ['too much of it', `{"padding":"${'x'.repeat(100_000)}"}`],
    ])('refuses %s', async (_, answer) => {
      nextAnswer = answer;
      const confused = createEsewaProvider({ ...config, statusUrl: impostorUrl });
      await expect(confused.retrieve('pay-1', npr(1_000))).rejects.toThrow(refused('PAYMENT_MESSAGE_MALFORMED'));
    });

    it('takes eSewa’s outage answer, whatever its HTTP status, as unavailable', async () => {
      nextAnswer = '{"code":0,"error_message":"Service is currently unavailable"}';
      const confused = createEsewaProvider({ ...config, statusUrl: impostorUrl });
      await expect(confused.retrieve('pay-1', npr(1_000))).rejects.toThrow(refused('PAYMENT_PROVIDER_UNAVAILABLE'));
    });
  });
});

describe('esewaConfigFromEnv', () => {
  const full = {
    ESEWA_PRODUCT_CODE: 'EPAYTEST',
    ESEWA_SECRET_KEY: 'a secret to keep',
    ESEWA_FORM_URL: 'https://rc-epay.esewa.com.np/api/epay/main/v2/form',
    ESEWA_STATUS_URL: 'https://rc.esewa.com.np/api/epay/transaction/status/',
  };

  it('offers no eSewa when nothing is configured', () => {
    expect(esewaConfigFromEnv({})).toBeUndefined();
  });

  it('reads a configuration, the refund channel optional, and never shows the secret', () => {
    const config = esewaConfigFromEnv({ ...full, ESEWA_REFUND_URL: 'http://127.0.0.1:4111/api/epay/transaction/refund' })!;
    expect(config).toMatchObject({
      productCode: 'EPAYTEST',
      secretKey: 'a secret to keep',
      formUrl: full.ESEWA_FORM_URL,
      statusUrl: full.ESEWA_STATUS_URL,
      refundUrl: 'http://127.0.0.1:4111/api/epay/transaction/refund',
    });
    expect(inspect(config)).not.toContain('a secret to keep');
    expect(JSON.stringify(config)).not.toContain('a secret to keep');
    expect(`${JSON.stringify({ config })}`).toContain('[redacted]');
    expect(esewaConfigFromEnv(full)!.refundUrl).toBeUndefined();
    expect(createEsewaProvider({ ...config })).toMatchObject({ id: 'esewa', capturesOnPayment: true });
  });

  it('says which variables a half configuration lacks, without printing any value', () => {
    expect(() => esewaConfigFromEnv({ ESEWA_SECRET_KEY: 'a secret to keep', ESEWA_PRODUCT_CODE: 'EPAYTEST' })).toThrow(
      /ESEWA_FORM_URL, ESEWA_STATUS_URL/,
    );
    try {
      esewaConfigFromEnv({ ...full, ESEWA_STATUS_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('ESEWA_STATUS_URL is not a URL');
    }
  });
});
