import type { Product } from '@himal/gds';
import { isRandomId, randomId } from '../ids/random-id.ts';

export const OFFER_REQUEST_PREFIXES = { air: 'orq', hotel: 'hsr', insurance: 'inq' } as const satisfies Record<Product, string>;

export function newOfferId(): string {
  return randomId('off');
}

export function newOfferRequestId(product: Product): string {
  return randomId(OFFER_REQUEST_PREFIXES[product]);
}

/** Whether `id` could be an id of this kind at all (saves a database round trip for junk). */
export function isWellFormedId(id: string, prefix: 'off' | (typeof OFFER_REQUEST_PREFIXES)[Product]): boolean {
  return isRandomId(id, prefix);
}
