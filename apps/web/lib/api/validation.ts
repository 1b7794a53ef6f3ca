import { requiredFieldMessage } from '@himal/core';
import type { z } from 'zod';
import { ApiError, type FieldError } from './api-error.ts';

/** The wire name of a domain name: "departure_date" from "departureDate". */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** "slices[0].departure_date" from ['slices', 0, 'departure_date']. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** Parses input with a schema or answers 422 with every field's problem. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, what = 'request'): z.output<Schema> {
  const result = schema.safeParse(input, { error: requiredFieldMessage });
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => ({ path: fieldPath(issue.path), message: issue.message }));
  throw new ApiError(
    422,
    'VALIDATION_FAILED',
    `the ${what} has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}`,
    fields,
  );
}
