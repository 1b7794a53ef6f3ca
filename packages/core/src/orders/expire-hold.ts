import { withTenant, type Tenant } from '@himal/db';
import type { BookingOptions } from './booking-options.ts';
import { loadOrder } from './order-repository.ts';
import { recordTransition } from './record-transition.ts';
import { settleOrder } from './settle-order.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';

/**
 * The expire-hold job, at an order's payment deadline: an order still held unpaid expires, and its
 * holds go back to the suppliers and its seats to the departure (which may promote the waitlist).
 * An order paid meanwhile has moved on and is left alone; a payment arriving after expiry is refunded.
 */
export async function expireHold(tenant: Tenant, orderId: string, options: BookingOptions = {}): Promise<void> {
  const actor = options.actor ?? 'job:expire-hold';
  const now = options.now?.() ?? new Date();
  const expired = await withTenant(tenant, async (trx) => {
    const record = await loadOrder(trx, orderId, { lock: true });
    if (!record || record.order.status !== 'held') return false;
    const deadline = record.order.payment_required_by;
    if (deadline && deadline > now) {
      await enqueueJob(
        trx,
        'expire-hold',
        { tenantId: tenant.id, orderId },
        { runAt: deadline, jobKey: `expire-hold:${tenant.id}:${orderId}` },
      );
      return false;
    }
    await recordTransition(trx, {
      subject: 'order',
      id: orderId,
      orderId,
      from: 'held',
      to: 'expired',
      actor,
      reason: `not paid by ${deadline?.toISOString()}`,
      set: { failure_reason: 'the hold lapsed unpaid' },
    });
    await enqueueJob(
      trx,
      'settle-order',
      { tenantId: tenant.id, orderId },
      { jobKey: `settle-order:${tenant.id}:${orderId}`, maxAttempts: 25 },
    );
    return true;
  });
  if (expired) await settleOrder(tenant, orderId, options);
}
