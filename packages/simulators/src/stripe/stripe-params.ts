import type { FormObject, FormValue } from './read-form-body.ts';
import { invalidRequest } from './stripe-api-error.ts';

/**
 * Reading a request's parameters the way Stripe checks them: an unknown parameter, a string where
 * an integer belongs or a value outside its enum is a 400 naming the parameter, before anything runs.
 */
export function rejectUnknownParams(params: FormObject, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) {
      const name = prefix ? `${prefix}[${key}]` : key;
      throw invalidRequest(`Received unknown parameter: ${name}`, { param: name });
    }
  }
}

export function optionalString(params: FormObject, name: string, maxLength = 5_000): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${name} must be a string`, { param: name });
  if (value.length > maxLength)
    throw invalidRequest(`Invalid string: ${name} must be at most ${maxLength} characters`, { param: name });
  return value;
}

export function requiredString(params: FormObject, name: string, maxLength?: number): string {
  const value = optionalString(params, name, maxLength);
  if (value === undefined) throw invalidRequest(`Missing required param: ${name}.`, { param: name });
  return value;
}

export function optionalInteger(params: FormObject, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^-?\d{1,15}$/.test(value))
    throw invalidRequest(`Invalid integer: ${typeof value === 'string' ? value : name}`, { param: name });
  return Number(value);
}

export function requiredInteger(params: FormObject, name: string): number {
  const value = optionalInteger(params, name);
  if (value === undefined) throw invalidRequest(`Missing required param: ${name}.`, { param: name });
  return value;
}

export function optionalBoolean(params: FormObject, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidRequest(`Invalid boolean: ${typeof value === 'string' ? value : name}`, { param: name });
}

export function optionalEnum<T extends string>(params: FormObject, name: string, values: readonly T[]): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value))
    throw invalidRequest(`Invalid ${name}: must be one of ${values.join(', ')}`, { param: name });
  return value as T;
}

export function optionalObject(params: FormObject, name: string): FormObject | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' || Array.isArray(value)) throw invalidRequest(`Invalid object: ${name}`, { param: name });
  return value;
}

/** A list sent as `name[0]=…` (the SDK) or `name[]=…` (curl). */
export function optionalList(params: FormObject, name: string): FormValue[] | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') throw invalidRequest(`Invalid array: ${name}`, { param: name });
  const keys = Object.keys(value);
  if (!keys.every((k) => /^\d+$/.test(k))) throw invalidRequest(`Invalid array: ${name}`, { param: name });
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k]!);
}

/** Stripe's metadata limits: 50 keys, keys up to 40 characters, values up to 500. */
export function metadataParam(params: FormObject, name = 'metadata'): Record<string, string> {
  const value = optionalObject(params, name);
  const metadata: Record<string, string> = {};
  if (!value) return metadata;
  const keys = Object.keys(value);
  if (keys.length > 50) throw invalidRequest('Metadata can have at most 50 keys.', { param: name });
  for (const key of keys) {
    const entry = value[key];
    if (typeof entry !== 'string') throw invalidRequest(`Invalid metadata: ${name}[${key}] must be a string`, { param: name });
    if (key.length > 40) throw invalidRequest(`Metadata keys can be at most 40 characters: ${key}`, { param: name });
    if (entry.length > 500) throw invalidRequest(`Metadata values can be at most 500 characters: ${key}`, { param: name });
    if (entry !== '') metadata[key] = entry;
  }
  return metadata;
}

/** `expand[]`: dotted paths of ids to replace with the objects they name. */
export function expandParam(params: FormObject): string[] {
  const list = optionalList(params, 'expand') ?? [];
  return list.map((entry) => {
    if (typeof entry !== 'string') throw invalidRequest('Invalid expand: a list of strings', { param: 'expand' });
    return entry;
  });
}
