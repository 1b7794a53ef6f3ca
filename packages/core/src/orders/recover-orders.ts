import { withTenant, type Tenant } from '@himal/db';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { BookingOptions } from './booking-options.ts';
import { stuckOrders, unsettledPayments } from './order-repository.ts';
import { settleFailedOrder } from './settle-order.ts';

/** How long an order may sit mid-step before recovery takes it over. */
export const STUCK_AFTER_MS = 5 * 60_000;
const BATCH = 100;

/**
 * One agency's recovery pass (the recover-orders cron job runs it for every agency): an order left
 * pending by a process that died while holding fails and gives back what it held; one left
 * confirming or cancelling has its job queued again (the job asks the suppliers what they already
 * did); a held order's payment nobody reported on is asked about at its provider.
 */
export async function recoverOrders(
  tenant: Tenant,
  options: BookingOptions = {},
): Promise<{ failed: number; resumed: number; polled: number }> {
  const now = options.now?.() ?? new Date();
  const before = new Date(now.getTime() - STUCK_AFTER_MS);
  const { stuck, payments } = await withTenant(tenant, async (trx) => ({
    stuck: await stuckOrders(trx, before, BATCH),
    payments: await unsettledPayments(trx, before, BATCH),
  }));
  let failed = 0;
  let resumed = 0;
  for (const order of stuck) {
    if (order.status === 'pending') {
      await settleFailedOrder(
        tenant,
        order.id,
        { ...options, actor: 'job:recover-orders' },
        'the booking was interrupted before every item was held',
      );
      failed++;
      continue;
    }
    await withTenant(tenant, async (trx) => {
      if (order.status === 'confirming')
        await enqueueJob(
          trx,
          'confirm-order',
          { tenantId: tenant.id, orderId: order.id },
          { jobKey: `confirm-order:${tenant.id}:${order.id}`, maxAttempts: 8 },
        );
      else {
        const cancellation = await trx
          .selectFrom('order_cancellations')
          .select('id')
          .where('order_id', '=', order.id)
          .where('status', '=', 'confirmed')
          .executeTakeFirst();
        if (cancellation)
          await enqueueJob(
            trx,
            'cancel-order',
            { tenantId: tenant.id, orderId: order.id, cancellationId: cancellation.id },
            { jobKey: `cancel-order:${tenant.id}:${order.id}`, maxAttempts: 25 },
          );
      }
    });
    resumed++;
  }
  await withTenant(tenant, async (trx) => {
    for (const payment of payments)
      await enqueueJob(
        trx,
        'poll-payment',
        { tenantId: tenant.id, paymentId: payment.id },
        { jobKey: `poll-payment:${tenant.id}:${payment.id}` },
      );
  });
  return { failed, resumed, polled: payments.length };
}
