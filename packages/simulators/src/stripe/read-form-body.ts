import type { IncomingMessage } from 'node:http';
import { invalidRequest } from './stripe-api-error.ts';

/**
 * Stripe's request encoding: application/x-www-form-urlencoded with bracket nesting, as the SDK
 * writes it (`metadata[order_id]=…`, `line_items[0][price_data][currency]=usd`, `expand[0]=…`) and
 * as curl users write it (`expand[]=…`). Objects are built without prototypes, so no key can reach
 * Object.prototype; indexed keys stay object keys until a handler reads them as a list.
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export const MAX_REQUEST_BYTES = 1024 * 1024;
const MAX_PAIRS = 2_000;
const MAX_DEPTH = 6;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The body, or undefined once it passes `maxBytes` (the rest is drained, not kept). */
export function readRequestBody(req: IncomingMessage, maxBytes = MAX_REQUEST_BYTES): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest('The request body is not valid form encoding.');
  }
}

/** `a[b][]` -> ['a', 'b', '']. */
function keyPath(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) throw invalidRequest(`Invalid parameter name: ${key}`);
  const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
  if (path.length > MAX_DEPTH) throw invalidRequest(`Parameter ${key} is nested too deeply.`);
  for (const segment of path) if (FORBIDDEN_KEYS.has(segment)) throw invalidRequest(`Invalid parameter name: ${key}`);
  return path;
}

function newObject(): FormObject {
  return Object.create(null) as FormObject;
}

export function parseStripeForm(text: string): FormObject {
  const root = newObject();
  if (!text) return root;
  const pairs = text.split('&').filter(Boolean);
  if (pairs.length > MAX_PAIRS) throw invalidRequest(`Too many parameters (at most ${MAX_PAIRS}).`);
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = decode(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decode(pair.slice(equals + 1));
    const path = keyPath(key);
    let container: FormObject | FormValue[] = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      if (Array.isArray(container)) {
        if (segment !== '') throw invalidRequest(`Invalid array parameter: ${key}`);
        if (last) container.push(value);
        else {
          const child = newObject();
          container.push(child);
          container = child;
        }
        continue;
      }
      const existing: FormValue | undefined = container[segment];
      if (last) {
        if (existing !== undefined && typeof existing !== 'string') throw invalidRequest(`Invalid hash: ${key}`);
        container[segment] = value;
        continue;
      }
      const next = path[i + 1]!;
      if (existing === undefined) container[segment] = next === '' ? [] : newObject();
      const child: FormValue = container[segment]!;
      if (typeof child === 'string' || (next === '') !== Array.isArray(child)) throw invalidRequest(`Invalid hash: ${key}`);
      container = child;
    }
  }
  return root;
}

/**
 * A canonical text of the parameters (keys sorted at every level), so that two requests with the
 * same parameters in another order compare equal for idempotency.
 */
export function canonicalParams(value: FormValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalParams).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalParams(value[k])}`)
    .join(',')}}`;
}
