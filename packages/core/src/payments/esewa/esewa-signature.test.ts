import { describe, expect, it } from 'vitest';
import { ESEWA_FORM_SIGNED_FIELDS, esewaSignature, esewaStatusAnswerSchema, readEsewaCallback } from './esewa-signature.ts';

const SECRET = '8gBm/:&EnhH.1/q';

function callbackData(fields: Record<string, string>, secret = SECRET) {
  const signedFieldNames = 'transaction_code,status,total_amount,transaction_uuid,product_code,signed_field_names';
  const body = { ...fields, signed_field_names: signedFieldNames };
  const signature = esewaSignature(body, signedFieldNames.split(','), secret);
  return { body: { ...body, signature }, data: Buffer.from(JSON.stringify({ ...body, signature })).toString('base64') };
}

const paid = {
  transaction_code: '000AWEO',
  status: 'COMPLETE',
  total_amount: '1,000.0',
  transaction_uuid: '250610-162413',
  product_code: 'EPAYTEST',
};

describe('eSewa ePay v2 signatures', () => {
  it('sign the payment form as eSewa’s published test vector says', () => {
    expect(
      esewaSignature(
        { total_amount: '110', transaction_uuid: '241028', product_code: 'EPAYTEST' },
        ESEWA_FORM_SIGNED_FIELDS,
        SECRET,
      ),
    ).toBe('i94zsd3oXF6ZsSr/kGqT4sSzYQzjj1W/waxjWyRwaME=');
  });

  it('read a genuine success callback, its values as the exact strings eSewa sent', () => {
    const { data } = callbackData(paid);
    expect(readEsewaCallback(data, SECRET)).toMatchObject({
      status: 'COMPLETE',
      total_amount: '1,000.0',
      transaction_code: '000AWEO',
    });
  });

  it.each([
    ['an altered amount', (body: Record<string, string>) => ({ ...body, total_amount: '1.0' })],
    ['an altered status', (body: Record<string, string>) => ({ ...body, status: 'COMPLETE ' })],
    [
      'another signature',
      (body: Record<string, string>) => ({ ...body, signature: 'i94zsd3oXF6ZsSr/kGqT4sSzYQzjj1W/waxjWyRwaME=' }),
    ],
    [
      'a list that leaves the amount unsigned',
      (body: Record<string, string>) => ({ ...body, signed_field_names: 'transaction_code,status' }),
    ],
  ])('refuse a forged callback: %s', (_, forge) => {
    const { body } = callbackData(paid);
    const data = Buffer.from(JSON.stringify(forge(body))).toString('base64');
    expect(() => readEsewaCallback(data, SECRET)).toThrow(expect.objectContaining({ code: 'PAYMENT_SIGNATURE_INVALID' }));
  });

  it('refuse a callback signed with another key', () => {
    const { data } = callbackData(paid, 'another merchant’s key');
    expect(() => readEsewaCallback(data, SECRET)).toThrow(expect.objectContaining({ code: 'PAYMENT_SIGNATURE_INVALID' }));
  });

  it.each(['not base64 json', Buffer.from('{"status":"COMPLETE"}').toString('base64')])(
    'refuse what is not a callback: %j',
    (data) => {
      expect(() => readEsewaCallback(data, SECRET)).toThrow(expect.objectContaining({ code: 'PAYMENT_MESSAGE_MALFORMED' }));
    },
  );

  it('read every status the status API answers, and nothing else', () => {
    for (const status of ['COMPLETE', 'PENDING', 'FULL_REFUND', 'PARTIAL_REFUND', 'AMBIGUOUS', 'NOT_FOUND', 'CANCELED'])
      expect(
        esewaStatusAnswerSchema.parse({
          product_code: 'EPAYTEST',
          transaction_uuid: '1',
          total_amount: 100,
          status,
          ref_id: null,
        }).status,
      ).toBe(status);
    expect(
      esewaStatusAnswerSchema.safeParse({ product_code: 'EPAYTEST', transaction_uuid: '1', total_amount: '100', status: 'DONE' })
        .success,
    ).toBe(false);
  });
});
