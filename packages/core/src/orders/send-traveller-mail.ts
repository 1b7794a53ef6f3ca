import { withTenant, type Tenant } from '@himal/db';
import type { Money } from '@himal/gds';
import type { JobPayloads } from '../jobs/job-names.ts';
import { composeNotification } from '../notifications/compose-notification.ts';
import type { NotificationInputs, NotificationKind } from '../notifications/render-notification.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { notifierFromEnv } from '../notifications/smtp/notifier-from-env.ts';
import { tenantSiteUrl } from './booking-options.ts';
import { hasEvent, loadOrder, type OrderRecord } from './order-repository.ts';
import { recordCreation } from './record-transition.ts';

let notifier: Notifier | undefined;
const mailer = () => (notifier ??= notifierFromEnv());

/** Travel dates and deadlines are shown in Nepal's time, the agencies' home; the traveller's own zone comes with the traveller site. */
const TIME_ZONE = 'Asia/Kathmandu';

const money = (minor: string | number, currency: string): Money => ({ amountMinor: Number(minor), currency });

function itemsOf(record: OrderRecord) {
  return record.items.map((item) => ({
    product: item.product,
    title: item.description,
    dates: { start: item.starts_on, end: item.ends_on },
  }));
}

/** The mail's facts, read from the order as it is now. */
function inputOf(
  kind: NotificationKind,
  record: OrderRecord,
  base: NotificationInputs[NotificationKind],
  site: string,
  suffix?: string,
): NotificationInputs[NotificationKind] {
  const { order } = record;
  const booking = `${site}/?booking=${order.booking_reference}`;
  const paid =
    record.payments.find((payment) => payment.id === suffix) ??
    record.payments.find((payment) => Number(payment.captured_minor) > 0);
  const refunded = record.refunds.filter((refund) => refund.status === 'succeeded');
  const now = new Date().toISOString();
  switch (kind) {
    case 'order-confirmation':
      return {
        ...base,
        bookingReference: order.booking_reference,
        items: itemsOf(record).map((item, index) => ({
          ...item,
          documents: record.items[index]!.documents.map((number) => ({ kind: 'ticket' as const, number })),
        })),
        travellers: record.travellers.map((traveller) => ({ name: `${traveller.given_name} ${traveller.family_name}` })),
        totalPaid: money(order.total_minor, order.currency),
        links: { booking },
      };
    case 'payment-receipt':
      return {
        ...base,
        bookingReference: order.booking_reference,
        amount: money(paid?.captured_minor ?? order.total_minor, order.currency),
        method: (paid?.method ?? 'card') as 'card',
        transactionReference: paid?.transaction_reference ?? paid?.provider_reference ?? paid?.id ?? '',
        paidAt: (paid?.updated_at ?? new Date()).toISOString(),
        links: { booking },
      };
    case 'hold-expiring':
      return {
        ...base,
        bookingReference: order.booking_reference,
        heldItems: itemsOf(record),
        amountDue: money(order.total_minor, order.currency),
        payBy: (order.payment_required_by ?? new Date()).toISOString(),
        links: { pay: booking },
      };
    case 'waitlist-promotion': {
      const item = record.items[0]!;
      return {
        ...base,
        departure: { name: item.description, dates: { start: item.starts_on, end: item.ends_on } },
        seats: item.seats,
        heldUntil: (order.payment_required_by ?? new Date()).toISOString(),
        amountDue: money(order.total_minor, order.currency),
        links: { pay: booking },
      };
    }
    case 'cancellation':
      return {
        ...base,
        bookingReference: order.booking_reference,
        cancelledItems: itemsOf(record),
        penalty: money(
          Number(order.total_minor) - refunded.reduce((sum, refund) => sum + Number(refund.amount_minor), 0),
          order.currency,
        ),
        refundAmount: money(
          refunded.reduce((sum, refund) => sum + Number(refund.amount_minor), 0),
          order.currency,
        ),
        cancelledAt: now,
        links: { booking },
      };
    case 'refund': {
      const last = refunded.at(-1);
      return {
        ...base,
        bookingReference: order.booking_reference,
        amount: money(last?.amount_minor ?? 0, order.currency),
        method: (paid?.method ?? 'card') as 'card',
        refundReference: last?.refund_reference ?? undefined,
        refundedAt: (last?.updated_at ?? new Date()).toISOString(),
        expectedDays: paid?.method === 'esewa' ? 3 : 7,
        links: { booking },
      };
    }
  }
}

/**
 * The send-notification job: one mail to the order's traveller, in their language and the agency's
 * branding. An id already recorded as sent is not sent again (a job that runs twice sends once);
 * a hold-expiring reminder for an order no longer held is dropped.
 */
export async function sendTravellerMail(
  tenant: Tenant,
  job: JobPayloads['send-notification'],
  options: { notifier?: Notifier } = {},
): Promise<void> {
  const kind = job.kind as NotificationKind;
  const loaded = await withTenant(tenant, async (trx) => {
    if (await hasEvent(trx, job.orderId, 'notification', job.notificationId)) return undefined;
    const record = await loadOrder(trx, job.orderId);
    const theme = await trx.selectFrom('theme_settings').selectAll().where('id', '=', 1).executeTakeFirst();
    return record && { record, theme };
  });
  if (!loaded) return;
  const { record, theme } = loaded;
  if (kind === 'hold-expiring' && record.order.status !== 'held') return;
  const site = tenantSiteUrl(tenant);
  const lead = record.travellers[0];
  const base = {
    agency: {
      name: tenant.name,
      logoUrl: theme?.logo_url ?? null,
      primaryColor: theme?.primary_color ?? '#0f766e',
      accentColor: theme?.accent_color ?? '#f59e0b',
      backgroundColor: theme?.background_color ?? '#ffffff',
      textColor: theme?.text_color ?? '#0f172a',
      fontFamily: theme?.font_family ?? 'system-ui',
      siteUrl: site,
    },
    recipient: {
      name: lead ? `${lead.given_name} ${lead.family_name}` : record.order.contact_email,
      email: record.order.contact_email,
      language: record.order.language,
    },
    timeZone: TIME_ZONE,
  } as NotificationInputs[NotificationKind];
  const suffix = job.notificationId.split(':')[2];
  const mail = composeNotification(kind, inputOf(kind, record, base, site, suffix) as never);
  const sent = await (options.notifier ?? mailer()).send(mail);
  await withTenant(tenant, (trx) =>
    recordCreation(trx, {
      subject: 'notification',
      id: job.notificationId,
      orderId: job.orderId,
      state: 'sent',
      actor: 'job:send-notification',
      data: { kind, messageId: sent.messageId },
    }),
  );
}
