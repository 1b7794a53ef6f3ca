import { withTenant, type Tenant } from '@himal/db';
import { IDEMPOTENCY_KEY_RETENTION_MS, purgeIdempotencyKeys } from '../idempotency/index.ts';

/** Offers are kept a day past expiry, provider events 30 days (idempotency keys: IDEMPOTENCY_KEY_RETENTION_MS). */
export const EXPIRED_OFFER_DAYS = 1;
export const PROVIDER_EVENT_DAYS = 30;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * One agency's purge (the purge-expired cron job runs it for every agency). Offers may go once
 * expired: an order item keeps its own copy of the offer it was sold on.
 */
export async function purgeExpired(
  tenant: Tenant,
): Promise<{ idempotencyKeys: number; offerRequests: number; providerEvents: number }> {
  const idempotencyKeys = await purgeIdempotencyKeys(tenant, { olderThan: new Date(Date.now() - IDEMPOTENCY_KEY_RETENTION_MS) });
  return withTenant(tenant, async (trx) => {
    const requests = await trx
      .deleteFrom('offer_requests')
      .where('created_at', '<', daysAgo(EXPIRED_OFFER_DAYS + 1))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('offers')
              .select('offers.id')
              .whereRef('offers.offer_request_id', '=', 'offer_requests.id')
              .where('offers.expires_at', '>', daysAgo(EXPIRED_OFFER_DAYS)),
          ),
        ),
      )
      .executeTakeFirst();
    const events = await trx
      .deleteFrom('payment_webhook_events')
      .where('received_at', '<', daysAgo(PROVIDER_EVENT_DAYS))
      .executeTakeFirst();
    return {
      idempotencyKeys,
      offerRequests: Number(requests.numDeletedRows),
      providerEvents: Number(events.numDeletedRows),
    };
  });
}
