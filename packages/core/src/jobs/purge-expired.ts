import { withTenant, type Tenant } from '@himal/db';

/** Idempotency keys are kept a day (clients may retry for 24 h), offers a day past expiry, provider events 30 days. */
export const IDEMPOTENCY_KEY_DAYS = 1;
export const EXPIRED_OFFER_DAYS = 1;
export const PROVIDER_EVENT_DAYS = 30;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * One agency's purge (the purge-expired cron job runs it for every agency). Offers an order was
 * made from stay: order items keep what they were sold on, and offers are read only while valid.
 */
export async function purgeExpired(
  tenant: Tenant,
): Promise<{ idempotencyKeys: number; offerRequests: number; providerEvents: number }> {
  return withTenant(tenant, async (trx) => {
    const keys = await trx
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', daysAgo(IDEMPOTENCY_KEY_DAYS))
      .executeTakeFirst();
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
      idempotencyKeys: Number(keys.numDeletedRows),
      offerRequests: Number(requests.numDeletedRows),
      providerEvents: Number(events.numDeletedRows),
    };
  });
}
