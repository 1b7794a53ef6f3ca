import { createHash } from 'node:crypto';
import type { Money } from '@himal/gds';
import { z } from 'zod';
import { PaymentError } from '../payment-errors.ts';
import type { ProviderRefund } from '../payment-provider.ts';
import { callEsewa, malformedAnswer, refusalOf } from './call-esewa.ts';
import { esewaAmount, readEsewaAmount } from './esewa-amounts.ts';
import type { EsewaProviderConfig } from './esewa-config.ts';
import { esewaSignature } from './esewa-signature.ts';

/**
 * Refunds through the merchant's refund channel (config.refundUrl). ePay v2 documents no refund
 * API: merchants refund through eSewa's merchant channel, so this is a contract of the platform's,
 * in ePay's style, that the local eSewa serves (packages/simulators/src/esewa/serve-refund-channel.ts)
 * and that whatever carries refunds to the real eSewa must speak. Requests are signed like ePay's
 * messages with the merchant's secret; the idempotency key is the refund_uuid, so the same key
 * refunds once and answers the first refund again. No channel configured: refused, not pretended.
 */
const REFUND_SIGNED_FIELDS = ['product_code', 'transaction_uuid', 'refund_uuid', 'amount'] as const;
const REFUND_READ_SIGNED_FIELDS = ['product_code', 'transaction_uuid'] as const;
const REFUND_UUID = /^[A-Za-z0-9._:-]{1,200}$/;

const refundAnswerSchema = z.object({
  product_code: z.string(),
  transaction_uuid: z.string(),
  refund_uuid: z.string(),
  refund_code: z.string().min(1).max(100),
  amount: z.string(),
  status: z.enum(['COMPLETE', 'PENDING', 'FAILED']),
});
const refundsReadSchema = z.object({ product_code: z.string(), transaction_uuid: z.string(), refunded_amount: z.string() });

/** The idempotency key as a refund_uuid: as it is when the channel allows it, else its SHA-256. */
function refundUuidFor(idempotencyKey: string): string {
  if (!idempotencyKey) throw new PaymentError('PAYMENT_REQUEST_REFUSED', 'eSewa: a refund needs an idempotency key');
  return REFUND_UUID.test(idempotencyKey) ? idempotencyKey : `k-${createHash('sha256').update(idempotencyKey).digest('hex')}`;
}

function requireRefundUrl(config: EsewaProviderConfig): string {
  if (!config.refundUrl)
    throw new PaymentError(
      'PAYMENT_METHOD_UNAVAILABLE',
      'eSewa: no refund channel is configured (ESEWA_REFUND_URL); ePay v2 has no refund API, refund through eSewa',
    );
  return config.refundUrl;
}

export async function refundEsewaPayment(
  config: EsewaProviderConfig,
  transactionUuid: string,
  amount: Money,
  idempotencyKey: string,
): Promise<ProviderRefund> {
  const refundUrl = requireRefundUrl(config);
  const fields: Record<string, string> = {
    product_code: config.productCode,
    transaction_uuid: transactionUuid,
    refund_uuid: refundUuidFor(idempotencyKey),
    amount: esewaAmount(amount.amountMinor),
    signed_field_names: REFUND_SIGNED_FIELDS.join(','),
  };
  fields.signature = esewaSignature(fields, REFUND_SIGNED_FIELDS, config.secretKey);
  const answer = await callEsewa('refund', refundUrl, { method: 'POST', json: fields, timeoutMs: config.timeoutMs });
  if (answer.status !== 200) throw refusalOf('refund', answer);
  const parsed = refundAnswerSchema.safeParse(answer.body);
  if (!parsed.success) throw malformedAnswer('refund', `unexpected answer (${parsed.error.issues[0]?.path.join('.')})`);
  const refund = parsed.data;
  if (
    refund.product_code !== config.productCode ||
    refund.transaction_uuid !== transactionUuid ||
    refund.refund_uuid !== fields.refund_uuid ||
    readEsewaAmount(refund.amount) !== amount.amountMinor
  )
    throw malformedAnswer('refund', 'the answer is about another refund');
  return {
    provider: 'esewa',
    refundReference: refund.refund_code,
    amount,
    status: refund.status === 'COMPLETE' ? 'succeeded' : refund.status === 'PENDING' ? 'pending' : 'failed',
  };
}

/** What the channel says was refunded of a payment so far (eSewa's status answer does not say); 0 without a channel. */
export async function readEsewaRefunded(config: EsewaProviderConfig, transactionUuid: string): Promise<number> {
  if (!config.refundUrl) return 0;
  const url = new URL(config.refundUrl);
  const fields = { product_code: config.productCode, transaction_uuid: transactionUuid };
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  url.searchParams.set('signature', esewaSignature(fields, REFUND_READ_SIGNED_FIELDS, config.secretKey));
  const answer = await callEsewa('refund read', url.toString(), { method: 'GET', timeoutMs: config.timeoutMs });
  if (answer.status !== 200) throw refusalOf('refund read', answer);
  const parsed = refundsReadSchema.safeParse(answer.body);
  if (!parsed.success || parsed.data.transaction_uuid !== transactionUuid || parsed.data.product_code !== config.productCode)
    throw malformedAnswer('refund read', 'unexpected answer');
  return readEsewaAmount(parsed.data.refunded_amount);
}
