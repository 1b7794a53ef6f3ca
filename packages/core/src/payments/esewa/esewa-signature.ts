import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PaymentError } from '../payment-errors.ts';

/**
 * eSewa ePay v2 signs a message of `name=value` pairs joined by commas, over the fields it names
 * (`signed_field_names`) in that order: HMAC-SHA256 with the merchant's secret key, base64. The
 * payment form signs total_amount, transaction_uuid and product_code; the success callback names
 * its own list, and its values are signed exactly as sent (an amount may read "1,000.0").
 */
export const ESEWA_FORM_SIGNED_FIELDS = ['total_amount', 'transaction_uuid', 'product_code'] as const;

export function esewaSignature(fields: Record<string, string>, signedFieldNames: readonly string[], secret: string): string {
  const message = signedFieldNames
    .map((name) => {
      const value = fields[name];
      if (value === undefined) throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', `eSewa: the signed field ${name} is missing`);
      return `${name}=${value}`;
    })
    .join(',');
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64');
}

/** Compares in constant time, so that a forger learns nothing from how long a refusal takes. */
function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const callbackSchema = z.object({
  transaction_code: z.string().min(1),
  status: z.string().min(1),
  total_amount: z.string().min(1),
  transaction_uuid: z.string().min(1),
  product_code: z.string().min(1),
  signed_field_names: z.string().min(1),
  signature: z.string().min(1),
});
export type EsewaCallback = z.infer<typeof callbackSchema>;

/**
 * The `data` parameter eSewa appends to the success URL (base64 of a JSON object), verified: its
 * signature over the fields it lists, as the exact strings it sent, with the merchant's key.
 * Throws PaymentError for anything that is not such a message or does not verify.
 */
export function readEsewaCallback(data: string, secret: string): EsewaCallback {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch (cause) {
    throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', 'eSewa: the callback data is not base64 JSON', { cause });
  }
  const parsed = callbackSchema.safeParse(json);
  if (!parsed.success)
    throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', `eSewa: the callback lacks ${parsed.error.issues[0]?.path.join('.')}`);
  const callback = parsed.data;
  const signedFields = callback.signed_field_names.split(',');
  // A callback must sign at least what identifies the payment; otherwise any part of it could be altered.
  for (const required of ['transaction_code', 'status', 'total_amount', 'transaction_uuid', 'product_code'])
    if (!signedFields.includes(required))
      throw new PaymentError('PAYMENT_SIGNATURE_INVALID', `eSewa: the callback does not sign ${required}`);
  const values = json as Record<string, unknown>;
  const strings = Object.fromEntries(
    signedFields.map((name) => [name, typeof values[name] === 'string' ? values[name] : undefined]),
  );
  const expected = esewaSignature(strings as Record<string, string>, signedFields, secret);
  if (!sameSignature(expected, callback.signature))
    throw new PaymentError('PAYMENT_SIGNATURE_INVALID', 'eSewa: the callback signature does not verify');
  return callback;
}

/** What eSewa's status API says of a payment. */
export const ESEWA_STATUSES = [
  'COMPLETE',
  'PENDING',
  'FULL_REFUND',
  'PARTIAL_REFUND',
  'AMBIGUOUS',
  'NOT_FOUND',
  'CANCELED',
] as const;
export type EsewaStatus = (typeof ESEWA_STATUSES)[number];

export const esewaStatusAnswerSchema = z.object({
  product_code: z.string(),
  transaction_uuid: z.string(),
  total_amount: z.union([z.string(), z.number()]).transform(String),
  status: z.enum(ESEWA_STATUSES),
  ref_id: z.string().nullable().optional(),
});
export type EsewaStatusAnswer = z.infer<typeof esewaStatusAnswerSchema>;
