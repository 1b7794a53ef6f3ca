import { SearchError } from './search-errors.ts';

/**
 * Keyset pagination of an offer list. A sort is a list of (column, direction), then the id; a
 * cursor is the sort name and the last row's keys, base64url JSON. It can only move a client within
 * a list it may already read, so it needs no signature, only validation.
 */
export type SortColumn = 'totalMinor' | 'durationMinutes' | 'departingAt' | 'starRating';
export interface SortSpec {
  keys: Array<{ column: SortColumn; direction: 'asc' | 'desc' }>;
}

export const OFFER_SORTS = {
  air: {
    total_amount: { keys: [{ column: 'totalMinor', direction: 'asc' }] },
    '-total_amount': { keys: [{ column: 'totalMinor', direction: 'desc' }] },
    total_duration: {
      keys: [
        { column: 'durationMinutes', direction: 'asc' },
        { column: 'totalMinor', direction: 'asc' },
      ],
    },
    departing_at: {
      keys: [
        { column: 'departingAt', direction: 'asc' },
        { column: 'totalMinor', direction: 'asc' },
      ],
    },
  },
  hotel: {
    total_amount: { keys: [{ column: 'totalMinor', direction: 'asc' }] },
    '-total_amount': { keys: [{ column: 'totalMinor', direction: 'desc' }] },
    '-star_rating': {
      keys: [
        { column: 'starRating', direction: 'desc' },
        { column: 'totalMinor', direction: 'asc' },
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
      key.column === 'departingAt'
        ? typeof value === 'string'
        : typeof value === 'string'
          ? /^-?\d+$/.test(value)
          : Number.isSafeInteger(value);
    if (!ok) throw invalid();
  });
  return { sort, values: values as KeyValue[], id };
}

/** A Prisma where clause for "after this cursor" in the spec's order: (k1 > v1) or (k1 = v1 and k2 > v2) ... or (all equal and id > last id). */
export function afterCursorWhere(spec: SortSpec, cursor: OfferCursor): Record<string, unknown> {
  const typed = (column: SortColumn, value: KeyValue) => (column === 'totalMinor' ? BigInt(value) : value);
  const branches: Array<Record<string, unknown>> = [];
  for (let depth = 0; depth <= spec.keys.length; depth++) {
    const branch: Record<string, unknown> = {};
    for (let k = 0; k < depth; k++) branch[spec.keys[k]!.column] = typed(spec.keys[k]!.column, cursor.values[k]!);
    if (depth < spec.keys.length) {
      const key = spec.keys[depth]!;
      branch[key.column] = { [key.direction === 'asc' ? 'gt' : 'lt']: typed(key.column, cursor.values[depth]!) };
    } else {
      branch.id = { gt: cursor.id };
    }
    branches.push(branch);
  }
  return { OR: branches };
}
