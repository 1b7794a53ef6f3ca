import type { Product } from '@himal/gds';
import { isRandomId, newRandomId } from '../ids/random-id.ts';

/** Offers and the searches that made them: random ids (ids/random-id.ts) behind a prefix per kind. */
export const OFFER_REQUEST_PREFIXES = { air: 'orq', hotel: 'hsr', insurance: 'inq' } as const satisfies Record<Product, string>;

export function newOfferId(): string {
  return newRandomId('off');
}

export function newOfferRequestId(product: Product): string {
  return newRandomId(OFFER_REQUEST_PREFIXES[product]);
}

/** Whether `id` could be an id of this kind at all (saves a database round trip for junk). */
export function isWellFormedId(id: string, prefix: 'off' | (typeof OFFER_REQUEST_PREFIXES)[Product]): boolean {
  return isRandomId(id, prefix);
}
