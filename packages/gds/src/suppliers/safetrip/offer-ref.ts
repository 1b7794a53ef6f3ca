import { z } from 'zod';
import { insuranceQuoteShape, type InsuranceQuoteRequest } from '../../products/insurance.ts';

/**
 * What the adapter needs to re-quote or book a safetrip offer later: the plan and the request it was
 * quoted for (safetrip is stateless between quote and book: each message restates the cover). The
 * platform treats it as opaque and keeps it tamper-proof.
 */
const offerRefSchema = z.object({ planId: z.string().min(1), request: insuranceQuoteShape });

export interface SafetripOfferRef {
  planId: string;
  request: InsuranceQuoteRequest;
}

export function encodeOfferRef(ref: SafetripOfferRef): string {
  return JSON.stringify(ref);
}

export function decodeOfferRef(supplierOfferRef: string): SafetripOfferRef {
  let json: unknown;
  try {
    json = JSON.parse(supplierOfferRef);
  } catch {
    throw new Error('not a safetrip offer reference');
  }
  const parsed = offerRefSchema.safeParse(json);
  if (!parsed.success) throw new Error(`not a safetrip offer reference: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
