import { SearchError } from './search-errors.ts';

/**
 * Keyset pagination of an offer list. A sort is a list of (column, direction), then the id; a
 * cursor is the sort name and the last row's keys, base64url JSON. It can only move a client within
 * a list it may already read, so it needs no signature, only validation.
 */
/** Columns of the offers table that lists sort by. */
export type SortColumn = 'total_minor' | 'duration_minutes' | 'departing_at' | 'star_rating';
export interface SortSpec {
  keys: Array<{ column: SortColumn; direction: 'asc' | 'desc' }>;
}

export const OFFER_SORTS = {
  air: {
    total_amount: { keys: [{ column: 'total_minor', direction: 'asc' }] },
    '-total_amount': { keys: [{ column: 'total_minor', direction: 'desc' }] },
    total_duration: {
      keys: [
        { column: 'duration_minutes', direction: 'asc' },
        { column: 'total_minor', direction: 'asc' },
      ],
    },
    departing_at: {
      keys: [
        { column: 'departing_at', direction: 'asc' },
        { column: 'total_minor', direction: 'asc' },
      ],
    },
  },
  hotel: {
    total_amount: { keys: [{ column: 'total_minor', direction: 'asc' }] },
    '-total_amount': { keys: [{ column: 'total_minor', direction: 'desc' }] },
    '-star_rating': {
      keys: [
        { column: 'star_rating', direction: 'desc' },
        { column: 'total_minor', direction: 'asc' },
      ],
    },
  },
} as const satisfies Record<string, Record<string, SortSpec>>;

export type ListedProduct = keyof typeof OFFER_SORTS;
export type OfferSort<P extends ListedProduct = ListedProduct> = keyof (typeof OFFER_SORTS)[P] & string;

type KeyValue = string | number;
export interface OfferCursor {
  sort: string;
  values: KeyValue[];
  id: string;
}

export function encodeCursor(cursor: OfferCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.values, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string, sort: string, spec: SortSpec): OfferCursor {
  const invalid = () =>
    new SearchError('INVALID_CURSOR', 'the cursor is not one this list gave out (or was given for another sort)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [cursorSort, values, id] = parsed as [unknown, unknown, unknown];
  if (cursorSort !== sort || typeof id !== 'string' || !Array.isArray(values) || values.length !== spec.keys.length)
    throw invalid();
  spec.keys.forEach((key, index) => {
    const value: unknown = values[index];
    const ok =
      key.column === 'departing_at'
        ? typeof value === 'string'
        : typeof value === 'string'
          ? /^-?\d{1,18}$/.test(value) // fits a bigint column
          : Number.isSafeInteger(value);
    if (!ok) throw invalid();
  });
  return { sort, values: values as KeyValue[], id };
}
