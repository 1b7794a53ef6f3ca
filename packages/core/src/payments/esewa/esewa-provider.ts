import { createHash } from 'node:crypto';
import type { Money } from '@himal/gds';
import { z } from 'zod';
import { PaymentError } from '../payment-errors.ts';
import type {
  PaymentProvider,
  PaymentSession,
  ProviderPayment,
  ProviderPaymentStatus,
  ProviderRefund,
  StartPaymentRequest,
} from '../payment-provider.ts';
import { callEsewa, type EsewaAnswer } from './call-esewa.ts';
import { esewaAmount, readEsewaAmount, requireNpr } from './esewa-amounts.ts';
import type { EsewaProviderConfig } from './esewa-config.ts';
import { ESEWA_FORM_SIGNED_FIELDS, esewaSignature, esewaStatusAnswerSchema, type EsewaStatus } from './esewa-signature.ts';

/**
 * eSewa ePay v2 behind the platform's PaymentProvider. eSewa takes the money when the traveller
 * confirms on its page: there is no authorization to capture later or to void, so the saga holds
 * the supplier first, takes the payment second and refunds when confirmation fails
 * (capturesOnPayment). What each call does here:
 *
 *  - startPayment: no call to eSewa. The signed form the browser posts, NPR only, amounts written
 *    exactly from paisa; transaction_uuid is the platform's payment id, which must be letters,
 *    digits and hyphens (eSewa's rule; at most 64, ours). Built from the request alone, so the same
 *    request always gives the same form: idempotent by construction. eSewa's form has no field for
 *    a description or e-mail; it shows the merchant and the amount.
 *  - retrieve: eSewa's status check, which names a payment by product code, transaction_uuid and
 *    total together. COMPLETE -> captured, PENDING -> pending (the traveller may still pay),
 *    FULL_REFUND -> refunded, PARTIAL_REFUND -> partially_refunded (how much: from the refund
 *    channel, since eSewa's answer does not say; 0 when none is configured), AMBIGUOUS -> unknown
 *    (ask again later), CANCELED -> failed (the traveller cancelled, or eSewa reversed it: nothing
 *    kept), NOT_FOUND -> failed: eSewa describes it as "payment terminated, session expired".
 *    eSewa records a form as PENDING the moment it is posted, so NOT_FOUND also reads for a form
 *    the browser has not posted yet: ask after the ~5 minutes eSewa says a callback may take, as
 *    the polling job does, never right after startPayment.
 *  - capture: nothing to take, the money was taken at payment; it checks that a payment of exactly
 *    `amount` is COMPLETE and answers it captured. A smaller amount is refused rather than guessed:
 *    the status check cannot be asked about a payment without its total, so the adapter, which
 *    keeps no state, cannot learn what was paid. Capturing less is the saga's capture of the paid
 *    amount followed by refund of the difference.
 *  - void: answers a payment that took nothing (PENDING, NOT_FOUND, CANCELED) as voided. eSewa has
 *    no call to close an open form, so a PENDING payment the traveller completes later shows up as
 *    captured on the next retrieve and is refunded then. A paid one is PAYMENT_REQUEST_REFUSED
 *    (refund it instead); an AMBIGUOUS one is retryable.
 *  - refund: ePay v2 documents no refund API (merchants refund through eSewa's merchant channel).
 *    It calls the refund channel at `refundUrl`, a small contract of this platform's that the
 *    local eSewa serves (packages/simulators/src/esewa/serve-refund-channel.ts) and that, against
 *    the real eSewa, whatever carries the merchant's refunds must speak; the idempotency key is the
 *    refund_uuid, so the same key refunds once. With no refund URL configured it refuses
 *    (PAYMENT_METHOD_UNAVAILABLE) instead of pretending.
 * Every answer is validated (zod) and must be about the payment asked for; 5xx, timeouts and
 * eSewa's outage answer are a retryable PAYMENT_PROVIDER_UNAVAILABLE.
 */
export const ESEWA_TRANSACTION_UUID = /^[A-Za-z0-9-]{1,64}$/;
const REFUND_SIGNED_FIELDS = ['product_code', 'transaction_uuid', 'refund_uuid', 'amount'] as const;
const REFUND_READ_SIGNED_FIELDS = ['product_code', 'transaction_uuid'] as const;
const REFUND_UUID = /^[A-Za-z0-9._:-]{1,200}$/;

const STATUS_OF: Record<EsewaStatus, ProviderPaymentStatus> = {
  COMPLETE: 'captured',
  PENDING: 'pending',
  FULL_REFUND: 'refunded',
  PARTIAL_REFUND: 'partially_refunded',
  AMBIGUOUS: 'unknown',
  CANCELED: 'failed',
  NOT_FOUND: 'failed',
};
const MONEY_TAKEN = new Set<EsewaStatus>(['COMPLETE', 'FULL_REFUND', 'PARTIAL_REFUND']);

const refundAnswerSchema = z.object({
  product_code: z.string(),
  transaction_uuid: z.string(),
  refund_uuid: z.string(),
  refund_code: z.string().min(1).max(100),
  amount: z.string(),
  status: z.enum(['COMPLETE', 'PENDING', 'FAILED']),
});
const refundsReadSchema = z.object({
  product_code: z.string(),
  transaction_uuid: z.string(),
  refunded_amount: z.string(),
});
const errorAnswerSchema = z.object({ code: z.unknown().optional(), error_message: z.string().max(500) }).partial();

function requireTransactionUuid(reference: string): string {
  if (!ESEWA_TRANSACTION_UUID.test(reference))
    throw new PaymentError(
      'PAYMENT_REQUEST_REFUSED',
      'eSewa: a transaction_uuid (the payment id) is 1 to 64 letters, digits and hyphens',
    );
  return reference;
}

/** The idempotency key as the refund channel's refund_uuid: as it is when it fits, else its SHA-256. */
function refundUuidFor(idempotencyKey: string): string {
  if (!idempotencyKey) throw new PaymentError('PAYMENT_REQUEST_REFUSED', 'eSewa: a refund needs an idempotency key');
  return REFUND_UUID.test(idempotencyKey) ? idempotencyKey : `k-${createHash('sha256').update(idempotencyKey).digest('hex')}`;
}

function refusedBy(what: string, answer: EsewaAnswer): PaymentError {
  const message = errorAnswerSchema.safeParse(answer.body).data?.error_message ?? `HTTP ${answer.status}`;
  if (answer.status === 404) return new PaymentError('PAYMENT_NOT_FOUND', `eSewa ${what}: ${message}`);
  return new PaymentError('PAYMENT_REQUEST_REFUSED', `eSewa ${what}: ${message} (HTTP ${answer.status})`);
}

function isAbsoluteHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

export function createEsewaProvider(config: EsewaProviderConfig): PaymentProvider {
  const { productCode, secretKey, timeoutMs } = config;
  const malformed = (what: string, detail: string) => new PaymentError('PAYMENT_MESSAGE_MALFORMED', `eSewa ${what}: ${detail}`);

  async function askStatus(reference: string, totalMinor: number) {
    const url = new URL(config.statusUrl);
    url.searchParams.set('product_code', productCode);
    url.searchParams.set('total_amount', esewaAmount(totalMinor));
    url.searchParams.set('transaction_uuid', reference);
    const answer = await callEsewa('status check', url.toString(), { method: 'GET', timeoutMs });
    if (answer.status !== 200) throw refusedBy('status check', answer);
    const parsed = esewaStatusAnswerSchema.safeParse(answer.body);
    if (!parsed.success) throw malformed('status check', `unexpected answer (${parsed.error.issues[0]?.path.join('.')})`);
    const status = parsed.data;
    if (status.product_code !== productCode || status.transaction_uuid !== reference)
      throw malformed('status check', 'the answer is about another payment');
    if (readEsewaAmount(status.total_amount) !== totalMinor) throw malformed('status check', 'the answer is for another amount');
    return status;
  }

  /** What the refund channel says was refunded so far; eSewa's status answer does not say. */
  async function refundedSoFar(reference: string): Promise<number> {
    if (!config.refundUrl) return 0;
    const url = new URL(config.refundUrl);
    const fields = { product_code: productCode, transaction_uuid: reference };
    for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
    url.searchParams.set('signature', esewaSignature(fields, REFUND_READ_SIGNED_FIELDS, secretKey));
    const answer = await callEsewa('refund read', url.toString(), { method: 'GET', timeoutMs });
    if (answer.status !== 200) throw refusedBy('refund read', answer);
    const parsed = refundsReadSchema.safeParse(answer.body);
    if (!parsed.success || parsed.data.transaction_uuid !== reference || parsed.data.product_code !== productCode)
      throw malformed('refund read', 'unexpected answer');
    return readEsewaAmount(parsed.data.refunded_amount);
  }

  async function retrieve(providerReference: string, amount: Money): Promise<ProviderPayment> {
    const reference = requireTransactionUuid(providerReference);
    const totalMinor = requireNpr(amount);
    const status = await askStatus(reference, totalMinor);
    const taken = MONEY_TAKEN.has(status.status);
    const refundedMinor =
      status.status === 'FULL_REFUND' ? totalMinor : status.status === 'PARTIAL_REFUND' ? await refundedSoFar(reference) : 0;
    return {
      provider: 'esewa',
      providerReference: reference,
      status: STATUS_OF[status.status],
      amount,
      capturedMinor: taken ? totalMinor : 0,
      refundedMinor,
      ...(status.ref_id ? { transactionReference: status.ref_id } : {}),
    };
  }

  return {
    id: 'esewa',
    capturesOnPayment: true,

    async startPayment(request: StartPaymentRequest): Promise<PaymentSession> {
      const transactionUuid = requireTransactionUuid(request.paymentId);
      const total = esewaAmount(requireNpr(request.amount));
      if (!isAbsoluteHttpUrl(request.successUrl) || !isAbsoluteHttpUrl(request.cancelUrl))
        throw new PaymentError('PAYMENT_REQUEST_REFUSED', 'eSewa: the success and cancel URLs must be absolute http(s) URLs');
      const fields: Record<string, string> = {
        amount: total,
        tax_amount: '0',
        total_amount: total,
        transaction_uuid: transactionUuid,
        product_code: productCode,
        product_service_charge: '0',
        product_delivery_charge: '0',
        success_url: request.successUrl,
        failure_url: request.cancelUrl,
        signed_field_names: ESEWA_FORM_SIGNED_FIELDS.join(','),
      };
      fields.signature = esewaSignature(fields, ESEWA_FORM_SIGNED_FIELDS, secretKey);
      return { provider: 'esewa', providerReference: transactionUuid, form: { action: config.formUrl, fields } };
    },

    retrieve,

    async capture(providerReference: string, amount: Money): Promise<ProviderPayment> {
      const payment = await retrieve(providerReference, amount);
      if (payment.status === 'captured') return payment;
      if (payment.status === 'unknown')
        throw new PaymentError(
          'PAYMENT_PROVIDER_UNAVAILABLE',
          'eSewa cannot say yet whether this payment went through (AMBIGUOUS)',
        );
      if (payment.status === 'failed')
        throw new PaymentError(
          'PAYMENT_REQUEST_REFUSED',
          'eSewa holds no completed payment of exactly this amount: eSewa takes the whole amount at payment, ' +
            'so capture what was paid and refund the difference',
        );
      throw new PaymentError('PAYMENT_REQUEST_REFUSED', `eSewa: a ${payment.status} payment cannot be captured`);
    },

    async void(providerReference: string, amount: Money): Promise<ProviderPayment> {
      const payment = await retrieve(providerReference, amount);
      if (payment.status === 'unknown')
        throw new PaymentError(
          'PAYMENT_PROVIDER_UNAVAILABLE',
          'eSewa cannot say yet whether this payment went through (AMBIGUOUS)',
        );
      if (payment.capturedMinor > 0)
        throw new PaymentError('PAYMENT_REQUEST_REFUSED', 'eSewa took this payment already: refund it instead of voiding');
      return { ...payment, status: 'voided' };
    },

    async refund(providerReference: string, amount: Money, idempotencyKey: string): Promise<ProviderRefund> {
      const reference = requireTransactionUuid(providerReference);
      const amountMinor = requireNpr(amount);
      if (!config.refundUrl)
        throw new PaymentError(
          'PAYMENT_METHOD_UNAVAILABLE',
          'eSewa: no refund channel is configured (ESEWA_REFUND_URL); ePay v2 has no refund API, refund through eSewa',
        );
      const fields: Record<string, string> = {
        product_code: productCode,
        transaction_uuid: reference,
        refund_uuid: refundUuidFor(idempotencyKey),
        amount: esewaAmount(amountMinor),
        signed_field_names: REFUND_SIGNED_FIELDS.join(','),
      };
      fields.signature = esewaSignature(fields, REFUND_SIGNED_FIELDS, secretKey);
      const answer = await callEsewa('refund', config.refundUrl, { method: 'POST', json: fields, timeoutMs });
      if (answer.status !== 200) throw refusedBy('refund', answer);
      const parsed = refundAnswerSchema.safeParse(answer.body);
      if (!parsed.success) throw malformed('refund', `unexpected answer (${parsed.error.issues[0]?.path.join('.')})`);
      const refund = parsed.data;
      if (
        refund.product_code !== productCode ||
        refund.transaction_uuid !== reference ||
        refund.refund_uuid !== fields.refund_uuid ||
        readEsewaAmount(refund.amount) !== amountMinor
      )
        throw malformed('refund', 'the answer is about another refund');
      return {
        provider: 'esewa',
        refundReference: refund.refund_code,
        amount,
        status: refund.status === 'COMPLETE' ? 'succeeded' : refund.status === 'PENDING' ? 'pending' : 'failed',
      };
    },
  };
}
