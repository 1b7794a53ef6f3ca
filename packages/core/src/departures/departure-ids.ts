import { randomBase32, RANDOM_BASE32_PATTERN } from '../ids/random-id.ts';

/**
 * Ids of the agency's own inventory: a prefix that says what they name, then 128 random bits, like
 * every id the platform makes. A string that cannot be one is refused before any query.
 */
export const INVENTORY_ID_PREFIXES = {
  trip: 'trp',
  itineraryVersion: 'itv',
  departure: 'dep',
  waitlistEntry: 'wle',
} as const;

export type InventoryKind = keyof typeof INVENTORY_ID_PREFIXES;

const PATTERNS = Object.fromEntries(
  Object.entries(INVENTORY_ID_PREFIXES).map(([kind, prefix]) => [kind, new RegExp(`^${prefix}_${RANDOM_BASE32_PATTERN}$`)]),
) as Record<InventoryKind, RegExp>;

export function newInventoryId(kind: InventoryKind): string {
  return `${INVENTORY_ID_PREFIXES[kind]}_${randomBase32()}`;
}

export function isInventoryId(id: unknown, kind: InventoryKind): id is string {
  return typeof id === 'string' && PATTERNS[kind].test(id);
}
