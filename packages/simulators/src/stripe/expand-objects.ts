import { invalidRequest } from './stripe-api-error.ts';
import type { StripeStore } from './stripe-store.ts';

/**
 * `expand[]`: each dotted path names a field holding an id (`payment_intent`,
 * `payment_intent.latest_charge`) to answer with the object instead. Paths are checked before the
 * request runs (so a bad one changes nothing); expansion works on a copy, so stored objects keep
 * their ids. Stripe allows four levels.
 */
const EXPANDABLE: Record<string, (store: StripeStore, id: string) => unknown> = {
  payment_intent: (store, id) => store.intents.get(id)?.intent,
  latest_charge: (store, id) => store.charges.get(id)?.charge,
  charge: (store, id) => store.charges.get(id)?.charge,
};

export function checkExpandPaths(paths: string[]): void {
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > 4)
      throw invalidRequest(`You cannot expand more than 4 levels of a property (${path}).`, { param: 'expand' });
    if (!parts.every((part) => part in EXPANDABLE))
      throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
  }
}

function expandPath(store: StripeStore, target: Record<string, unknown>, path: string[]): void {
  const [field, ...rest] = path;
  if (!field) return;
  let value = target[field];
  if (typeof value === 'string') {
    const found = EXPANDABLE[field]!(store, value);
    if (found) target[field] = value = structuredClone(found);
  }
  if (rest.length && value && typeof value === 'object') expandPath(store, value as Record<string, unknown>, rest);
}

export function expandObject(store: StripeStore, object: unknown, paths: string[]): unknown {
  if (paths.length === 0 || !object || typeof object !== 'object') return object;
  const copy = structuredClone(object) as Record<string, unknown>;
  for (const path of paths) expandPath(store, copy, path.split('.'));
  return copy;
}
