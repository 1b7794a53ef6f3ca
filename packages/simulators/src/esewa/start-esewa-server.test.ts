import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { esewaControl } from './esewa-control.ts';
import { EsewaTransactions, MAX_TRANSACTIONS } from './esewa-transactions.ts';
import { signEsewaFields } from './sign-esewa-fields.ts';
import {
  LOCAL_ESEWA_PRODUCT_CODE,
  LOCAL_ESEWA_SECRET_KEY,
  startEsewaServer,
  type RunningEsewaServer,
} from './start-esewa-server.ts';
import { walkEsewaPages } from './walk-esewa-pages.ts';

const SECRET = LOCAL_ESEWA_SECRET_KEY;
let esewa: RunningEsewaServer;
let uuidSequence = 0;

/** A merchant's form, signed as ePay v2 asks (total_amount, transaction_uuid, product_code). */
function signedForm(overrides: Record<string, string> = {}, secret = SECRET) {
  const fields: Record<string, string> = {
    amount: '1000',
    tax_amount: '0',
    total_amount: '1000',
    transaction_uuid: `test-${Date.now()}-${(uuidSequence += 1)}`,
    product_code: LOCAL_ESEWA_PRODUCT_CODE,
    product_service_charge: '0',
    product_delivery_charge: '0',
    success_url: 'https://merchant.example/esewa/success',
    failure_url: 'https://merchant.example/esewa/failure',
    signed_field_names: 'total_amount,transaction_uuid,product_code',
    ...overrides,
  };
  fields.signature = signEsewaFields(fields, fields.signed_field_names!.split(','), secret)!;
  return { action: esewa.formUrl, fields };
}

function decodeCallback(data: string): Record<string, string> {
  return JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as Record<string, string>;
}

async function status(uuid: string, total: string, productCode = LOCAL_ESEWA_PRODUCT_CODE) {
  const url = new URL(esewa.statusUrl);
  url.search = new URLSearchParams({ product_code: productCode, total_amount: total, transaction_uuid: uuid }).toString();
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

function refundRequest(uuid: string, refundUuid: string, amount: string, secret = SECRET) {
  const fields: Record<string, string> = {
    product_code: LOCAL_ESEWA_PRODUCT_CODE,
    transaction_uuid: uuid,
    refund_uuid: refundUuid,
    amount,
    signed_field_names: 'product_code,transaction_uuid,refund_uuid,amount',
  };
  fields.signature = signEsewaFields(fields, fields.signed_field_names!.split(','), secret)!;
  return fetch(esewa.refundUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
}

async function paidTransaction(total = '1000'): Promise<string> {
  const form = signedForm({ amount: total, total_amount: total });
  const walk = await walkEsewaPages({ form });
  expect(walk.outcome).toBe('returned');
  return form.fields.transaction_uuid!;
}

describe('the local eSewa (ePay v2)', () => {
  beforeAll(async () => {
    esewa = await startEsewaServer({ port: 0 });
  });
  afterAll(async () => {
    await esewa.close();
  });
  beforeEach(async () => {
    await esewaControl.reset(esewa.url);
  });

  it('takes a payment: form, sign-in, OTP, then back to success_url with a signed callback eSewa’s way', async () => {
    const form = signedForm({ amount: '990', tax_amount: '10', total_amount: '1000' });
    const walk = await walkEsewaPages({ form });
    if (walk.outcome !== 'returned') throw new Error(`refused: ${walk.status}`);
    expect(walk.location.startsWith('https://merchant.example/esewa/success?data=')).toBe(true);
    const callback = decodeCallback(walk.data!);
    expect(Object.keys(callback)).toEqual([
      'transaction_code',
      'status',
      'total_amount',
      'transaction_uuid',
      'product_code',
      'signed_field_names',
      'signature',
    ]);
    expect(callback).toMatchObject({
      status: 'COMPLETE',
      total_amount: '1,000.0',
      transaction_uuid: form.fields.transaction_uuid,
      product_code: 'EPAYTEST',
      signed_field_names: 'transaction_code,status,total_amount,transaction_uuid,product_code,signed_field_names',
    });
    expect(callback.transaction_code).toMatch(/^[0-9A-Z]{7}$/);
    expect(callback.signature).toBe(signEsewaFields(callback, callback.signed_field_names!.split(','), SECRET));

    const answer = await status(form.fields.transaction_uuid!, '1000');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(
      `{"product_code":"EPAYTEST","transaction_uuid":"${form.fields.transaction_uuid}","total_amount":1000.0,"status":"COMPLETE","ref_id":"${callback.transaction_code}"}`,
    );
  });

  it('accepts the MPIN in place of the OTP token', async () => {
    expect((await walkEsewaPages({ form: signedForm(), otp: '1122' })).outcome).toBe('returned');
  });

  it.each([
    ['an altered total', (f: Record<string, string>) => ({ ...f, total_amount: '1', amount: '1' })],
    ['an altered transaction_uuid', (f: Record<string, string>) => ({ ...f, transaction_uuid: 'someone-else' })],
    ['another merchant’s key', () => signedForm({}, 'not the merchant’s key').fields],
    ['a signature over too few fields', () => signedForm({ signed_field_names: 'transaction_uuid,product_code' }).fields],
    ['parts that do not add up', () => signedForm({ amount: '900', tax_amount: '50', total_amount: '1000' }).fields],
    ['a transaction_uuid eSewa does not allow', () => signedForm({ transaction_uuid: 'pay_123' }).fields],
    ['an amount with three decimals', () => signedForm({ amount: '10.005', total_amount: '10.005' }).fields],
    ['an unknown product code', () => signedForm({ product_code: 'NOSUCH' }).fields],
    ['a return URL that is not http(s)', () => signedForm({ success_url: 'javascript:alert(1)' }).fields],
    ['a missing field', (f: Record<string, string>) => ({ ...f, product_delivery_charge: '' })],
  ])('refuses a form with %s, and records nothing', async (_, tamper) => {
    const form = signedForm();
    const walk = await walkEsewaPages({ form: { action: form.action, fields: tamper(form.fields) } });
    expect(walk).toMatchObject({ outcome: 'refused', step: 'form', status: 400 });
    expect((await esewaControl.state(esewa.url)).transactions).toEqual([]);
  });

  it('refuses a transaction_uuid that has already been paid, and one re-posted with another total', async () => {
    const uuid = await paidTransaction();
    const again = await walkEsewaPages({ form: signedForm({ transaction_uuid: uuid }) });
    expect(again).toMatchObject({ outcome: 'refused', step: 'form', status: 409 });

    const open = signedForm();
    await fetch(open.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(open.fields).toString(),
      redirect: 'manual',
    });
    const otherTotal = signedForm({ transaction_uuid: open.fields.transaction_uuid!, amount: '5', total_amount: '5' });
    expect(await walkEsewaPages({ form: otherTotal })).toMatchObject({ outcome: 'refused', status: 409 });
  });

  it('refuses a wrong password on the page, and closes the session after five wrong tries', async () => {
    const form = signedForm();
    const walk = await walkEsewaPages({ form, password: 'Nepal@124' });
    if (walk.outcome !== 'refused') throw new Error('a wrong password was accepted');
    expect(walk).toMatchObject({ step: 'sign-in', status: 401 });
    expect(walk.page).toContain('Invalid eSewa ID or password.');
    expect(await walkEsewaPages({ form: signedForm(), esewaId: '9806800009' })).toMatchObject({ status: 401 });
    expect((await status(form.fields.transaction_uuid!, '1000')).text).toContain('"status":"PENDING"');

    // The same session, guessed at: the sign-in form posted again and again.
    const posted = await fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(signedForm().fields).toString(),
      redirect: 'manual',
    });
    const session = new URL(posted.headers.get('location')!, esewa.url).searchParams.get('session')!;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const guess = await fetch(`${esewa.url}/epay/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ session, esewa_id: '9806800001', password: `guess-${attempt}` }).toString(),
        redirect: 'manual',
      });
      statuses.push(guess.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 403, 410]);
  });

  it('refuses a wrong OTP, and does not let a session skip the sign-in', async () => {
    expect(await walkEsewaPages({ form: signedForm(), otp: '000000' })).toMatchObject({
      outcome: 'refused',
      step: 'confirm',
      status: 401,
    });
    const posted = await fetch(esewa.formUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(signedForm().fields).toString(),
      redirect: 'manual',
    });
    const session = new URL(posted.headers.get('location')!, esewa.url).searchParams.get('session')!;
    const skipped = await fetch(`${esewa.url}/epay/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session, otp: '123456' }).toString(),
      redirect: 'manual',
    });
    expect(skipped.status).toBe(303);
    expect(skipped.headers.get('location')).toBe(`/epay/sign-in?session=${session}`);
  });

  it('sends a cancelled payment to failure_url as CANCELED, which may be posted again', async () => {
    const form = signedForm();
    const walk = await walkEsewaPages({ form, cancelAt: 'confirm' });
    expect(walk).toEqual({ outcome: 'returned', location: 'https://merchant.example/esewa/failure', data: undefined });
    expect((await status(form.fields.transaction_uuid!, '1000')).text).toContain('"status":"CANCELED","ref_id":null');
    expect((await walkEsewaPages({ form })).outcome).toBe('returned');
  });

  it('answers the status of what it never saw, or was asked with another total, as NOT_FOUND', async () => {
    expect((await status('never-posted', '100')).text).toBe(
      '{"product_code":"EPAYTEST","transaction_uuid":"never-posted","total_amount":100.0,"status":"NOT_FOUND","ref_id":null}',
    );
    const uuid = await paidTransaction('250.50');
    expect((await status(uuid, '250.5')).text).toContain('"total_amount":250.5,"status":"COMPLETE"');
    expect((await status(uuid, '250')).text).toContain('"status":"NOT_FOUND"');
    expect(await status(uuid, 'abc')).toMatchObject({ status: 400 });
  });

  it('answers every status a test forces, ref_id only once money moved', async () => {
    for (const forced of [
      'PENDING',
      'AMBIGUOUS',
      'NOT_FOUND',
      'CANCELED',
      'FULL_REFUND',
      'PARTIAL_REFUND',
      'COMPLETE',
    ] as const) {
      await esewaControl.forceStatus(esewa.url, 'forced-1', forced, { totalAmount: '75' });
      const { text } = await status('forced-1', '75');
      expect(JSON.parse(text)).toMatchObject({ status: forced, total_amount: 75 });
    }
    expect(JSON.parse((await status('forced-1', '75')).text).ref_id).toMatch(/^[0-9A-Z]{7}$/);
  });

  it('fails the next status calls as asked, with eSewa’s unavailable answer, then recovers', async () => {
    await esewaControl.addFault(esewa.url, { status: 500, count: 2 });
    expect(await status('x', '1')).toEqual({
      status: 500,
      text: '{"code":0,"error_message":"Service is currently unavailable"}',
    });
    expect((await status('x', '1')).status).toBe(500);
    expect((await status('x', '1')).status).toBe(200);

    await esewaControl.addFault(esewa.url, { delayMs: 300 });
    const started = Date.now();
    expect((await status('x', '1')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('refunds through its local refund channel: idempotent per refund_uuid, never more than was paid', async () => {
    const uuid = await paidTransaction();
    const first = await refundRequest(uuid, 'refund-1', '250.00');
    expect(first.status).toBe(200);
    const answer = (await first.json()) as Record<string, string>;
    expect(answer).toMatchObject({
      amount: '250.00',
      status: 'COMPLETE',
      transaction_status: 'PARTIAL_REFUND',
      refunded_amount: '250.00',
    });
    expect((await status(uuid, '1000')).text).toContain('"status":"PARTIAL_REFUND"');

    const replay = await refundRequest(uuid, 'refund-1', '250.00');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(answer);
    expect((await refundRequest(uuid, 'refund-1', '300.00')).status).toBe(409);
    expect((await refundRequest(uuid, 'refund-2', '750.01')).status).toBe(422);
    expect((await refundRequest(uuid, 'refund-3', '250.00', 'another key')).status).toBe(401);

    const rest = await refundRequest(uuid, 'refund-2', '750.00');
    expect(await rest.json()).toMatchObject({ transaction_status: 'FULL_REFUND', refunded_amount: '1000.00' });
    expect((await status(uuid, '1000')).text).toContain('"status":"FULL_REFUND"');
    expect((await refundRequest(uuid, 'refund-4', '0.01')).status).toBe(409);
    expect((await esewaControl.transaction(esewa.url, uuid)).refunds.map((r) => r.amountPaisa)).toEqual([25_000, 75_000]);

    const read = new URL(esewa.refundUrl);
    read.search = new URLSearchParams({
      product_code: 'EPAYTEST',
      transaction_uuid: uuid,
      signature: signEsewaFields(
        { product_code: 'EPAYTEST', transaction_uuid: uuid },
        ['product_code', 'transaction_uuid'],
        SECRET,
      )!,
    }).toString();
    expect(await (await fetch(read)).json()).toMatchObject({ refunded_amount: '1000.00', transaction_status: 'FULL_REFUND' });
  });

  it('refuses to refund what was not paid', async () => {
    const form = signedForm();
    await walkEsewaPages({ form, cancelAt: 'sign-in' });
    expect((await refundRequest(form.fields.transaction_uuid!, 'r-1', '1.00')).status).toBe(409);
    expect((await refundRequest('never-posted', 'r-2', '1.00')).status).toBe(404);
  });

  describe('paying without the browser', () => {
    let merchant: Server;
    let merchantUrl: string;
    const callbacks: string[] = [];

    beforeAll(async () => {
      merchant = createServer((req, res) => {
        callbacks.push(new URL(req.url!, 'http://merchant').searchParams.get('data') ?? '');
        res.end('thank you');
      });
      await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
      merchantUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => merchant.close(() => resolve())));

    it('comes back to the merchant’s success_url as the browser would, or never (the tab was closed)', async () => {
      const opened = async () => {
        const form = signedForm({ success_url: `${merchantUrl}/success`, failure_url: `${merchantUrl}/failure` });
        await fetch(form.action, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form.fields).toString(),
          redirect: 'manual',
        });
        return form.fields.transaction_uuid!;
      };
      const withCallback = await esewaControl.pay(esewa.url, await opened());
      expect(withCallback.callback).toEqual({ status: 200 });
      expect(callbacks).toHaveLength(1);
      expect(decodeCallback(callbacks[0]!)).toMatchObject({ status: 'COMPLETE', total_amount: '1,000.0' });

      const closedTab = await opened();
      const paid = await esewaControl.pay(esewa.url, closedTab, { followRedirect: false });
      expect(paid.callback).toBeNull();
      expect(callbacks).toHaveLength(1);
      expect((await status(closedTab, '1000')).text).toContain('"status":"COMPLETE"');
    });
  });

  it('bounds what it reads and what it keeps, and shows no secret', async () => {
    const huge = await fetch(esewa.formUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `amount=${'9'.repeat(20_000)}`,
      redirect: 'manual',
    });
    expect(huge.status).toBe(413);

    const store = new EsewaTransactions();
    const at = new Date().toISOString();
    for (let i = 0; i <= MAX_TRANSACTIONS; i += 1)
      store.put({
        productCode: 'P',
        transactionUuid: `t-${i}`,
        amountPaisa: 1,
        taxPaisa: 0,
        serviceChargePaisa: 0,
        deliveryChargePaisa: 0,
        totalPaisa: 1,
        successUrl: 'http://x',
        failureUrl: 'http://x',
        status: 'PENDING',
        refunds: [],
        createdAt: at,
        updatedAt: at,
      });
    expect(store.list()).toHaveLength(MAX_TRANSACTIONS);
    expect(store.get('P', 't-0')).toBeUndefined();

    await paidTransaction();
    expect(JSON.stringify(await esewaControl.state(esewa.url))).not.toContain(SECRET);
  });
});
