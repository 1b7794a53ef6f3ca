import { sql } from 'kysely';
import type { TenantTransaction } from '@himal/db';
import type { JobName, JobPayloads } from './job-names.ts';

export interface EnqueueOptions {
  /** Not before this time. */
  runAt?: Date;
  /**
   * At most one pending job per key: enqueueing again replaces the waiting one (its payload and
   * time), so "expire this hold" or "promote this departure's waitlist" is never queued twice.
   */
  jobKey?: string;
  maxAttempts?: number;
}

/**
 * Queues background work in the caller's transaction (graphile-worker's add_job is plain SQL): the
 * job exists if and only if the state change that asked for it commits, so a side effect is never
 * lost and never runs for a change that rolled back.
 */
export async function enqueueJob<N extends JobName>(
  trx: TenantTransaction,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueOptions = {},
): Promise<void> {
  await sql`SELECT graphile_worker.add_job(
      ${name}::text,
      payload => ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text
    )`.execute(trx);
}
