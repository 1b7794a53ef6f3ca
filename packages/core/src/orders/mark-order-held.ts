import type { Tenant, TenantTransaction } from '@himal/db';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { recordTransition } from './record-transition.ts';

/**
 * A pending order whose items are all held starts waiting for payment until `paymentRequiredBy`;
 * the expire-hold job for that moment is queued in the same transaction.
 */
export async function markOrderHeld(
  trx: TenantTransaction,
  tenant: Pick<Tenant, 'id'>,
  orderId: string,
  paymentRequiredBy: Date,
  actor: string,
): Promise<void> {
  await recordTransition(trx, {
    subject: 'order',
    id: orderId,
    orderId,
    from: 'pending',
    to: 'held',
    actor,
    set: { payment_required_by: paymentRequiredBy },
  });
  await enqueueJob(
    trx,
    'expire-hold',
    { tenantId: tenant.id, orderId },
    { runAt: paymentRequiredBy, jobKey: `expire-hold:${tenant.id}:${orderId}` },
  );
}
