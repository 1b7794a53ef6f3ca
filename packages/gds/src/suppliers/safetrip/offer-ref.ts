import { z } from 'zod';
import { insuranceQuoteShape } from '../../products/insurance.ts';
import { offerRefCodec } from '../offer-ref-codec.ts';
import { SAFETRIP_SUPPLIER_ID } from './supplier-id.ts';

/**
 * What the adapter needs to re-quote or book a safetrip offer later: the plan and the request it was
 * quoted for (safetrip is stateless between quote and book: each message restates the cover). The
 * platform treats it as opaque and keeps it tamper-proof.
 */
const offerRefSchema = z.object({ planId: z.string().min(1), request: insuranceQuoteShape });
export type SafetripOfferRef = z.output<typeof offerRefSchema>;

export const { encode: encodeOfferRef, decode: decodeOfferRef } = offerRefCodec(SAFETRIP_SUPPLIER_ID, offerRefSchema);
