import { withTenant, type Tenant, type TenantTransaction } from '@himal/db';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { ProviderPayment } from '../payments/payment-provider.ts';
import { claimProviderEvent, findPayment, loadOrder, type PaymentRow } from './order-repository.ts';
import { canTransition, type PaymentState } from './order-states.ts';
import { recordTransition } from './record-transition.ts';

/** The payment state a provider's view stands for; undefined when it says nothing new (pending, unknown). */
function stateOf(observed: ProviderPayment): PaymentState | undefined {
  switch (observed.status) {
    case 'authorized':
    case 'captured':
    case 'voided':
    case 'failed':
    case 'refunded':
    case 'partially_refunded':
      return observed.status;
    default:
      return undefined;
  }
}

export interface PaymentOutcome {
  /** The provider's own event id ("stripe:evt_…"), so a replayed or duplicated event is applied once. */
  eventId?: string;
  eventType?: string;
  observed: ProviderPayment;
  actor: string;
}

/**
 * What a provider says happened to a payment (a webhook, a callback, a status poll, recovery),
 * applied through the state machine: a state the payment cannot move to from where it is (a late
 * "authorized" after the capture, an event seen before) changes nothing, and an amount other than
 * the order's is never taken as payment. A payment that authorizes or captures moves a held order
 * on to confirmation; one that arrives for an order no longer held (expired, cancelled, failed, or
 * already paid another way) is given back.
 */
export async function applyPaymentOutcome(
  tenant: Tenant,
  paymentId: string,
  outcome: PaymentOutcome,
): Promise<'applied' | 'ignored'> {
  return withTenant(tenant, async (trx) => {
    const located = await findPayment(trx, paymentId);
    if (!located) return 'ignored';
    const record = (await loadOrder(trx, located.order_id, { lock: true }))!;
    const payment = (await findPayment(trx, paymentId, { lock: true }))!;
    if (
      outcome.eventId &&
      !(await claimProviderEvent(trx, { id: outcome.eventId, type: outcome.eventType ?? 'unknown', paymentId }))
    )
      return 'ignored';
    const target = stateOf(outcome.observed);
    // The state machine also refuses a repeat of the state the payment is in (but another partial refund).
    if (!target || !canTransition('payment', payment.status, target)) return 'ignored';
    const paidEnough =
      outcome.observed.amount.currency === payment.currency &&
      outcome.observed.amount.amountMinor >= Number(payment.amount_minor);
    if ((target === 'authorized' || target === 'captured') && !paidEnough) {
      await settleLater(trx, tenant, record.order.id);
      return 'ignored';
    }
    await recordTransition(trx, {
      subject: 'payment',
      id: payment.id,
      orderId: record.order.id,
      from: payment.status,
      to: target,
      actor: outcome.actor,
      reason: outcome.eventType,
      set: {
        captured_minor: String(Math.min(outcome.observed.capturedMinor, Number(payment.amount_minor))),
        refunded_minor: String(Math.min(outcome.observed.refundedMinor, outcome.observed.capturedMinor)),
        transaction_reference: outcome.observed.transactionReference ?? payment.transaction_reference,
      },
      data: { provider: payment.provider, providerStatus: outcome.observed.status },
    });
    if (target === 'authorized' || target === 'captured') await paymentTaken(trx, tenant, record.order, payment, outcome.actor);
    return 'applied';
  });
}

async function paymentTaken(
  trx: TenantTransaction,
  tenant: Tenant,
  order: { id: string; status: string },
  payment: PaymentRow,
  actor: string,
): Promise<void> {
  if (order.status === 'held') {
    await recordTransition(trx, {
      subject: 'order',
      id: order.id,
      orderId: order.id,
      from: 'held',
      to: 'confirming',
      actor,
      reason: `paid by ${payment.method}`,
    });
    await enqueueJob(
      trx,
      'confirm-order',
      { tenantId: tenant.id, orderId: order.id },
      { jobKey: `confirm-order:${tenant.id}:${order.id}`, maxAttempts: 8 },
    );
    return;
  }
  await settleLater(trx, tenant, order.id);
}

/** Money that arrived for an order that cannot use it goes back (settle-order voids or refunds it). */
async function settleLater(trx: TenantTransaction, tenant: Tenant, orderId: string): Promise<void> {
  await enqueueJob(
    trx,
    'settle-order',
    { tenantId: tenant.id, orderId },
    { jobKey: `settle-order:${tenant.id}:${orderId}`, maxAttempts: 25 },
  );
}
