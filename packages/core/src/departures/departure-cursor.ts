import { isoDate } from '@himal/gds';
import { isInventoryId } from './departure-ids.ts';
import { invalidField } from './parse-input.ts';

/**
 * The keyset of a departure list: the last row's start date and id, base64url JSON. It can only move
 * a client within a list it may already read, so it needs no signature, only validation.
 */
export interface DepartureCursor {
  startsOn: string;
  id: string;
}

export function encodeDepartureCursor(cursor: DepartureCursor): string {
  return Buffer.from(JSON.stringify([cursor.startsOn, cursor.id])).toString('base64url');
}

export function decodeDepartureCursor(text: string): DepartureCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    isoDate.safeParse(parsed[0]).success &&
    isInventoryId(parsed[1], 'departure')
  )
    return { startsOn: parsed[0] as string, id: parsed[1] };
  throw invalidField('cursor', 'is not one this list gave out');
}
