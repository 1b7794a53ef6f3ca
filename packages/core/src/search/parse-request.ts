import type { z } from 'zod';
import { SearchError } from './search-errors.ts';

/** zod's message for a field that is missing altogether, as every client is told it. */
export const requiredFieldMessage: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

/**
 * A client's request held to its product's rules (the schemas of @himal/gds products): the
 * request with its defaults, or INVALID_REQUEST naming every field that breaks one, before any
 * supplier is asked or any place taken.
 */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
  refuse: (message: string, fields: InvalidField[]) => Error = (message, fields) =>
    new SearchError('INVALID_REQUEST', message, { fields }),
): z.output<Schema> {
  const result = schema.safeParse(input, { error: requiredFieldMessage });
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: [...issue.path] as Array<string | number>,
    message: issue.message,
  }));
  throw refuse(`the ${what} has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}`, fields);
}

export interface InvalidField {
  path: Array<string | number>;
  message: string;
}
