import type { z } from 'zod';
import { requiredFieldMessage } from '../search/parse-request.ts';
import { OrderError } from '../orders/order-errors.ts';

/**
 * Input of an inventory service held to its schema: the parsed value, or INVALID_REQUEST naming
 * every field at fault ("days.3.altitudeMetres"), before anything is read or written.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(input, { error: requiredFieldMessage });
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  throw new OrderError('INVALID_REQUEST', `the ${what} has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}`, {
    fields,
  });
}

/** INVALID_REQUEST about one field. */
export function invalidField(path: string, message: string): OrderError {
  return new OrderError('INVALID_REQUEST', `${path} ${message}`, { fields: [{ path, message }] });
}
