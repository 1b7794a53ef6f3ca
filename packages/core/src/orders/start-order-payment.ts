import { withTenant, type Tenant } from '@himal/db';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { isPaymentError, PaymentError } from '../payments/payment-errors.ts';
import { PROVIDER_OF_METHOD } from '../payments/payment-provider.ts';
import { providersOf, tenantSiteUrl, type BookingOptions } from './booking-options.ts';
import { OrderError } from './order-errors.ts';
import { newPaymentId } from './order-ids.ts';
import { bookingSettings, findPayment, insertPayment, loadOrder, savePaymentSession } from './order-repository.ts';
import type { PaymentChoice } from './order-request.ts';
import { recordCreation, recordTransition } from './record-transition.ts';

/** How long after opening a payment the provider is asked what became of it, if nobody told us. */
export const PAYMENT_POLL_AFTER_MS = 5 * 60_000;

/**
 * Opens a payment for a held order with the traveller's chosen method: the provider's hosted page
 * (Stripe, authorize only) or a signed form (eSewa). Pressing "pay" twice gives the same open
 * payment back; an order already paid, or not held, is refused. The provider is asked to take
 * exactly the order's total, with an idempotency key derived from the payment's id, so a retry
 * never opens a second charge.
 */
export async function startOrderPayment(tenant: Tenant, orderId: string, choice: PaymentChoice, options: BookingOptions = {}) {
  const actor = options.actor ?? 'traveller';
  const provider = PROVIDER_OF_METHOD[choice.method];
  const adapter = providersOf(options)[provider];
  const opened = await withTenant(tenant, async (trx) => {
    const record = await loadOrder(trx, orderId, { lock: true });
    if (!record) throw new OrderError('NOT_FOUND', `no order ${orderId}`);
    const { order } = record;
    if (order.status !== 'held')
      throw new OrderError(
        'ORDER_STATE_CONFLICT',
        `order ${order.booking_reference} is ${order.status}; only a held order can be paid`,
      );
    if (record.payments.some((payment) => payment.status === 'authorized' || payment.status === 'captured'))
      throw new OrderError('ORDER_STATE_CONFLICT', `order ${order.booking_reference} is already paid`);
    if (choice.currency !== order.currency)
      throw new OrderError('INVALID_REQUEST', `order ${order.booking_reference} is priced in ${order.currency}`, {
        fields: [{ path: 'payment.currency', message: `must be ${order.currency}, the order's currency` }],
      });
    const accepted = ((await bookingSettings(trx)).payment_methods as Record<string, string[]>)[choice.method] ?? [];
    if (!adapter || !accepted.includes(choice.currency))
      throw new OrderError(
        'PAYMENT_METHOD_UNAVAILABLE',
        `this agency does not take ${choice.method} payments in ${choice.currency}`,
        {
          fields: [{ path: 'payment.method', message: `not accepted in ${choice.currency}` }],
        },
      );
    const open = record.payments.find(
      (payment) => payment.status === 'requires_action' && payment.method === choice.method && payment.next_action,
    );
    if (open) return { payment: open, record, fresh: false };
    const paymentId = newPaymentId();
    await insertPayment(trx, {
      id: paymentId,
      order_id: orderId,
      provider,
      method: choice.method,
      amount_minor: order.total_minor,
      currency: order.currency,
    });
    await recordCreation(trx, {
      subject: 'payment',
      id: paymentId,
      orderId,
      state: 'requires_action',
      actor,
      data: { method: choice.method },
    });
    return {
      payment: (await findPayment(trx, paymentId))!,
      record,
      fresh: true,
    };
  });
  if (!opened.fresh) return opened.payment;

  const { payment, record } = opened;
  const site = tenantSiteUrl(tenant);
  let session;
  try {
    session = await adapter!.startPayment(
      {
        paymentId: payment.id,
        tenantId: tenant.id,
        orderId,
        amount: { amountMinor: Number(payment.amount_minor), currency: payment.currency },
        description: `${tenant.name} · booking ${record.order.booking_reference}`,
        customerEmail: record.order.contact_email,
        successUrl: `${site}/api/v1/payment-returns/${provider}?payment_id=${payment.id}`,
        cancelUrl: `${site}/api/v1/payment-returns/${provider}?payment_id=${payment.id}&cancelled=1`,
      },
      `${payment.id}:start`,
    );
  } catch (error) {
    await withTenant(tenant, (trx) =>
      recordTransition(trx, {
        subject: 'payment',
        id: payment.id,
        orderId,
        from: 'requires_action',
        to: 'failed',
        actor,
        reason: `the provider refused to open the payment: ${(error as Error).message}`,
      }),
    );
    if (isPaymentError(error)) throw error;
    throw new PaymentError('PAYMENT_PROVIDER_UNAVAILABLE', `${provider} could not open the payment`, { cause: error });
  }
  return withTenant(tenant, async (trx) => {
    const nextAction = session.form ? { form: session.form } : { redirectUrl: session.redirectUrl };
    await savePaymentSession(trx, payment.id, { providerReference: session.providerReference, nextAction });
    await enqueueJob(
      trx,
      'poll-payment',
      { tenantId: tenant.id, paymentId: payment.id },
      { runAt: new Date(Date.now() + PAYMENT_POLL_AFTER_MS), jobKey: `poll-payment:${tenant.id}:${payment.id}` },
    );
    return (await findPayment(trx, payment.id))!;
  });
}
