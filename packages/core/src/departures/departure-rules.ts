import { currencySchema } from '@himal/gds';
import { z } from 'zod';
import { OrderError } from '../orders/order-errors.ts';

/**
 * Bounds every writer of departures shares. A departure is a group the agency leads (a trek, a
 * tour), so a thousand seats is far beyond any; the bound keeps seat arithmetic well inside int4.
 */
export const MAX_DEPARTURE_CAPACITY = 1000;

export const capacitySchema = z.number().int().min(0).max(MAX_DEPARTURE_CAPACITY);

/** A price per seat in integer minor units; a departure is never free (an order of nothing to pay has no payment to wait for). */
export const seatPriceSchema = z.strictObject({
  amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: currencySchema,
});

/** URL names of trips: lower-case words joined by single hyphens ("everest-base-camp"). */
export const tripSlugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters and digits joined by hyphens, e.g. everest-base-camp');

export function departureNotFound(departureId: string): OrderError {
  return new OrderError('NOT_FOUND', `no departure ${departureId}`);
}

/** A cancelled departure sells nothing and changes no more (409-like: the state, not the request, is at fault). */
export function departureCancelled(departureId: string): OrderError {
  return new OrderError('ORDER_STATE_CONFLICT', `departure ${departureId} is cancelled`, { departureId });
}

/** Seats one statement moves: a positive count no departure could exceed. */
export function assertSeatCount(seats: number): void {
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_DEPARTURE_CAPACITY)
    throw new OrderError('INVALID_REQUEST', `seats is a whole number from 1 to ${MAX_DEPARTURE_CAPACITY}`, {
      fields: [{ path: 'seats', message: `is a whole number from 1 to ${MAX_DEPARTURE_CAPACITY}` }],
    });
}
