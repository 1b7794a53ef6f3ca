import type { Money } from '@himal/gds';
import { PaymentError } from '../payment-errors.ts';
import type {
  PaymentProvider,
  PaymentSession,
  ProviderPayment,
  ProviderPaymentStatus,
  ProviderRefund,
  StartPaymentRequest,
} from '../payment-provider.ts';
import { askEsewaStatus } from './ask-esewa-status.ts';
import { esewaAmount, requireNpr } from './esewa-amounts.ts';
import type { EsewaProviderConfig } from './esewa-config.ts';
import { ESEWA_FORM_SIGNED_FIELDS, esewaSignature, type EsewaStatus } from './esewa-signature.ts';
import { requireTransactionUuid } from './esewa-transaction-uuid.ts';
import { readEsewaRefunded, refundEsewaPayment } from './refund-esewa-payment.ts';

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

/** eSewa's AMBIGUOUS: neither taken nor not, so nothing may be decided on it yet. */
function notYetKnown(): PaymentError {
  return new PaymentError('PAYMENT_PROVIDER_UNAVAILABLE', 'eSewa cannot say yet whether this payment went through (AMBIGUOUS)');
}

function isAbsoluteHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

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
 *  - refund: through the merchant's refund channel (refund-esewa-payment.ts: ePay v2 has no refund
 *    API), once per idempotency key; refused when no channel is configured.
 * Every answer is validated (zod) and must be about the payment asked for; 5xx, timeouts and
 * eSewa's outage answer are a retryable PAYMENT_PROVIDER_UNAVAILABLE.
 */
export function createEsewaProvider(config: EsewaProviderConfig): PaymentProvider {
  const { productCode, secretKey } = config;

  async function retrieve(providerReference: string, amount: Money): Promise<ProviderPayment> {
    const reference = requireTransactionUuid(providerReference);
    const totalMinor = requireNpr(amount);
    const status = await askEsewaStatus(config, reference, totalMinor);
    const taken = MONEY_TAKEN.has(status.status);
    const refundedMinor =
      status.status === 'FULL_REFUND'
        ? totalMinor
        : status.status === 'PARTIAL_REFUND'
          ? await readEsewaRefunded(config, reference)
          : 0;
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
      if (payment.status === 'unknown') throw notYetKnown();
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
      if (payment.status === 'unknown') throw notYetKnown();
      if (payment.capturedMinor > 0)
        throw new PaymentError('PAYMENT_REQUEST_REFUSED', 'eSewa took this payment already: refund it instead of voiding');
      return { ...payment, status: 'voided' };
    },

    async refund(providerReference: string, amount: Money, idempotencyKey: string): Promise<ProviderRefund> {
      const reference = requireTransactionUuid(providerReference);
      requireNpr(amount);
      return refundEsewaPayment(config, reference, amount, idempotencyKey);
    },
  };
}
