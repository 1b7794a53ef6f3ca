import { GDS_ERRORS, GdsErrorReply } from '../error-catalogue.ts';
import type { Pnr } from '../pnr-store.ts';
import type { OperationCall } from './operation-call.ts';

/** A record by its locator, for its own office only (another office's record is secured). */
export function officeRecord(locator: string, call: OperationCall): Pnr {
  const pnr = call.world.pnrs.get(locator);
  if (!pnr) throw new GdsErrorReply(GDS_ERRORS.recordNotFound);
  if (pnr.officeId !== call.officeId) throw new GdsErrorReply(GDS_ERRORS.securedPnr);
  return pnr;
}

/** A record that can still change: not cancelled, and its hold not lapsed. */
export function activeRecord(locator: string, call: OperationCall): Pnr {
  const pnr = officeRecord(locator, call);
  if (pnr.status === 'lapsed') throw new GdsErrorReply(GDS_ERRORS.timeLimitExpired);
  if (pnr.status === 'cancelled') throw new GdsErrorReply(GDS_ERRORS.pnrCancelled);
  return pnr;
}
