import { databaseUrl, findTenantById, listTenants, type Tenant } from '@himal/db';
import { Logger, run, runMigrations, type Runner, type Task, type TaskList } from 'graphile-worker';
import type { BookingOptions } from '../orders/booking-options.ts';
import { carryOutCancellation } from '../orders/carry-out-cancellation.ts';
import { confirmOrder } from '../orders/confirm-order.ts';
import { expireHold } from '../orders/expire-hold.ts';
import { pollPayment } from '../orders/poll-payment.ts';
import { recoverOrders } from '../orders/recover-orders.ts';
import { sendTravellerMail } from '../orders/send-traveller-mail.ts';
import { settleOrder } from '../orders/settle-order.ts';
import { promoteDepartureWaitlist } from '../orders/promote-departure-waitlist.ts';
import { purgeExpired } from './purge-expired.ts';
import type { JobName, JobPayloads } from './job-names.ts';

/** The queue lives beside the tenants, in schema graphile_worker; LISTEN needs a direct connection. */
function queueUrl(): string {
  return process.env.DIRECT_DATABASE_URL ?? databaseUrl();
}

/** Creates or upgrades the job queue's schema (idempotent); npm start, the tests and the worker run it. */
export async function installJobQueue(): Promise<void> {
  await runMigrations({ connectionString: queueUrl(), logger: quietLogger() });
}

/** A tenant job: its tenant looked up by id; a deleted or suspended agency's jobs end quietly. */
function tenantTask<N extends JobName>(name: N, work: (tenant: Tenant, payload: JobPayloads[N]) => Promise<unknown>): Task {
  return async (payload) => {
    const job = payload as JobPayloads[N] & { tenantId: string };
    const tenant = await findTenantById(job.tenantId);
    if (!tenant || tenant.status !== 'active') return;
    await work(tenant, job);
  };
}

/** Every agency, one after another: cron jobs that sweep the platform. */
async function everyTenant(work: (tenant: Tenant) => Promise<unknown>): Promise<void> {
  for (const tenant of await listTenants()) {
    if (tenant.status !== 'active') continue;
    try {
      await work(tenant);
    } catch (error) {
      console.error(`[jobs] ${tenant.slug}: ${(error as Error).message}`);
    }
  }
}

export function jobTasks(options: BookingOptions = {}): TaskList {
  const tasks: Record<JobName, Task> = {
    'confirm-order': tenantTask('confirm-order', (tenant, job) => confirmOrder(tenant, job.orderId, options)),
    'expire-hold': tenantTask('expire-hold', (tenant, job) => expireHold(tenant, job.orderId, options)),
    'settle-order': tenantTask('settle-order', (tenant, job) => settleOrder(tenant, job.orderId, options)),
    'cancel-order': tenantTask('cancel-order', (tenant, job) =>
      carryOutCancellation(tenant, job.orderId, job.cancellationId, options),
    ),
    'poll-payment': tenantTask('poll-payment', (tenant, job) => pollPayment(tenant, job.paymentId, options)),
    'promote-waitlist': tenantTask('promote-waitlist', (tenant, job) =>
      promoteDepartureWaitlist(tenant, job.departureId, options),
    ),
    'send-notification': tenantTask('send-notification', (tenant, job) => sendTravellerMail(tenant, job)),
    'recover-orders': () => everyTenant((tenant) => recoverOrders(tenant, options)),
    'purge-expired': () => everyTenant((tenant) => purgeExpired(tenant)),
  };
  return tasks;
}

/** Recovery every minute; purging old keys, offers and provider events every hour. */
export const JOB_CRONTAB = ['* * * * * recover-orders ?max=1', '17 * * * * purge-expired ?max=1'].join('\n');

export interface JobWorkerOptions {
  concurrency?: number;
  pollIntervalMs?: number;
  /** Run the cron jobs too (one worker per installation is enough; several are safe). */
  cron?: boolean;
  booking?: BookingOptions;
}

/** A worker in this process until `stop()`: the npm start worker, the compose service, the tests. */
export async function startJobWorker(options: JobWorkerOptions = {}): Promise<Runner> {
  return run({
    connectionString: queueUrl(),
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollIntervalMs ?? 1000,
    noHandleSignals: true,
    taskList: jobTasks(options.booking),
    crontab: options.cron === false ? '' : JOB_CRONTAB,
    logger: quietLogger(),
  });
}

/** graphile-worker's logger without its debug and info chatter. */
function quietLogger(): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') console.error(`[jobs] ${message}`);
  });
}
