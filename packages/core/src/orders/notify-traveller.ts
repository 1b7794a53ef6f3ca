import type { Tenant, TenantTransaction } from '@himal/db';
import { enqueueJob } from '../jobs/enqueue-job.ts';

/** The mails the booking engine sends travellers. */
export type TravellerMail =
  'order-confirmation' | 'payment-receipt' | 'hold-expiring' | 'waitlist-promotion' | 'cancellation' | 'refund';

/**
 * Queues one mail to the order's traveller in the transaction of the change it reports, so it is
 * sent if and only if that change commits. Its id names the change (`suffix`: the payment, the
 * refund), and the send-notification job sends each id once however often it runs.
 */
export async function notifyTraveller(
  trx: TenantTransaction,
  tenant: Pick<Tenant, 'id'>,
  orderId: string,
  kind: TravellerMail,
  suffix = '',
  runAt?: Date,
): Promise<void> {
  const notificationId = `${orderId}:${kind}${suffix ? `:${suffix}` : ''}`;
  await enqueueJob(
    trx,
    'send-notification',
    { tenantId: tenant.id, orderId, kind, notificationId },
    { jobKey: `mail:${tenant.id}:${notificationId}`, runAt, maxAttempts: 10 },
  );
}
