import type { z } from 'zod';
import type { XmlNode } from '@himal/gds/xml';
import type { FaultPlan } from '../../harness/fault-plan.ts';
import { GDS_ERRORS, GdsErrorReply, withDetail } from '../error-catalogue.ts';
import type { PnrStore } from '../pnr-store.ts';
import type { SeatInventory } from '../seat-inventory.ts';

/** Everything the GDS knows, shared by its operations. */
export interface GdsWorld {
  inventory: SeatInventory;
  pnrs: PnrStore;
  /** Market drift added to every fare, in basis points (the price-change fault moves it). */
  drift: { basisPoints: number };
}

/** One business message, after the session layer has accepted it. */
export interface OperationCall {
  operation: string;
  world: GdsWorld;
  /** The simulator's clock, epoch milliseconds. */
  now: number;
  /** The office the session belongs to: records are visible to their own office only. */
  officeId: string;
  faults: FaultPlan;
}

/** An operation answers with the reply element's content, or throws GdsErrorReply. */
export type GdsOperation = (request: XmlNode, call: OperationCall) => XmlNode;

/** Validates a request element; a malformed one is answered with 477 FORMAT ERROR naming the field. */
export function parseRequest<T extends z.ZodType>(schema: T, request: XmlNode): z.infer<T> {
  const result = schema.safeParse(request);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new GdsErrorReply(
    withDetail(GDS_ERRORS.formatError, `${issue.path.join('/') || 'message'}: ${issue.message}`.toUpperCase()),
  );
}

/** Applies a price-change fault aimed at this operation: prices move by its percent from now on. */
export function applyPriceChange(call: OperationCall): void {
  const change = call.faults.take(call.operation, ['price-change']);
  if (change) call.world.drift.basisPoints += Math.round((change.percent ?? 10) * 100);
}
