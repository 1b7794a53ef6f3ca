import type { TenantDatabase, TenantTransaction } from '@himal/db';
import { sql, type Updateable } from 'kysely';
import { OrderError } from './order-errors.ts';
import { assertTransition, type StateOf, type Subject } from './order-states.ts';

const TABLES = {
  order: 'orders',
  item: 'order_items',
  payment: 'payments',
  refund: 'refunds',
  cancellation: 'order_cancellations',
} as const satisfies Record<Subject, keyof TenantDatabase>;

type TableOf<S extends Subject> = (typeof TABLES)[S];

export interface Transition<S extends Subject> {
  subject: S;
  id: string;
  orderId: string;
  from: StateOf<S>;
  to: StateOf<S>;
  /** Who caused it: traveller, api-key:<id>, provider:stripe, job:<name>, system. */
  actor: string;
  reason?: string;
  /** Other columns of the row that change with the state (a supplier reference, amounts). */
  set?: Omit<Updateable<TenantDatabase[TableOf<S>]>, 'status'>;
  /** What the event records beside the states. */
  data?: Record<string, unknown>;
}

/**
 * The only way a status column changes. The update is conditional on the state the caller read, so
 * of two racing changes exactly one wins and the other gets ILLEGAL_TRANSITION (nothing written);
 * the move must be one the state machine allows; and an order_events row records who, why and
 * when, in the same transaction as the change (and as the jobs the caller enqueues after it).
 */
export async function recordTransition<S extends Subject>(trx: TenantTransaction, transition: Transition<S>): Promise<void> {
  const { subject, id, from, to } = transition;
  assertTransition(subject, from, to);
  const table = TABLES[subject];
  const values = { ...(transition.set ?? {}), status: to, ...(subject === 'cancellation' ? {} : { updated_at: new Date() }) };
  const updated = await trx
    .updateTable(table as 'orders')
    .set(values as Updateable<TenantDatabase['orders']>)
    .where('id', '=', id)
    .where(sql.ref('status'), '=', from)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n)
    throw new OrderError('ILLEGAL_TRANSITION', `${subject} ${id} is no longer ${from}`, { subject, id, from, to });
  await trx
    .insertInto('order_events')
    .values({
      order_id: transition.orderId,
      subject,
      subject_id: id,
      from_state: from,
      to_state: to,
      actor: transition.actor,
      reason: transition.reason ?? null,
      data: transition.data ? JSON.stringify(transition.data) : null,
    })
    .execute();
}

/** The event of a record's creation (no previous state), for the same log. */
export async function recordCreation(
  trx: TenantTransaction,
  event: {
    subject: Subject | 'notification';
    id: string;
    orderId: string;
    state: string;
    actor: string;
    reason?: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('order_events')
    .values({
      order_id: event.orderId,
      subject: event.subject,
      subject_id: event.id,
      from_state: null,
      to_state: event.state,
      actor: event.actor,
      reason: event.reason ?? null,
      data: event.data ? JSON.stringify(event.data) : null,
    })
    .execute();
}
