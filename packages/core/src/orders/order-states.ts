import { OrderError } from './order-errors.ts';

/**
 * The state machines of the booking engine: for each kind of record, the states it may move to
 * from each state. `recordTransition` is the only writer of a status column and refuses any move
 * not listed here.
 */
export const TRANSITIONS = {
  order: {
    pending: ['held', 'failed'],
    held: ['confirming', 'cancelling', 'expired', 'failed'],
    confirming: ['confirmed', 'failed'],
    confirmed: ['fulfilled', 'cancelling'],
    cancelling: ['cancelled', 'refunded'],
    cancelled: ['refunded'],
    fulfilled: [],
    refunded: [],
    failed: [],
    expired: [],
  },
  item: {
    pending: ['held', 'failed'],
    held: ['confirmed', 'cancelled', 'failed', 'expired'],
    confirmed: ['cancelled'],
    cancelled: [],
    failed: [],
    expired: [],
  },
  payment: {
    requires_action: ['authorized', 'captured', 'voided', 'failed'],
    authorized: ['captured', 'voided', 'failed'],
    captured: ['partially_refunded', 'refunded'],
    partially_refunded: ['partially_refunded', 'refunded'],
    voided: [],
    failed: [],
    refunded: [],
  },
  refund: {
    pending: ['succeeded', 'failed'],
    succeeded: [],
    failed: [],
  },
  cancellation: {
    quoted: ['confirmed', 'superseded', 'expired'],
    confirmed: ['completed'],
    superseded: [],
    expired: [],
    completed: [],
  },
} as const;

export type Subject = keyof typeof TRANSITIONS;
export type StateOf<S extends Subject> = keyof (typeof TRANSITIONS)[S] & string;
export type OrderState = StateOf<'order'>;
export type ItemState = StateOf<'item'>;
export type PaymentState = StateOf<'payment'>;

/** Order states no further step leaves. */
export const FINAL_ORDER_STATES: readonly OrderState[] = ['fulfilled', 'refunded', 'failed', 'expired', 'cancelled'];

export function canTransition<S extends Subject>(subject: S, from: StateOf<S>, to: StateOf<S>): boolean {
  const allowed = (TRANSITIONS[subject] as Record<string, readonly string[]>)[from];
  return !!allowed && allowed.includes(to);
}

export function assertTransition<S extends Subject>(subject: S, from: StateOf<S>, to: StateOf<S>): void {
  if (!canTransition(subject, from, to))
    throw new OrderError('ILLEGAL_TRANSITION', `a ${subject} cannot go from ${from} to ${to}`, { subject, from, to });
}
