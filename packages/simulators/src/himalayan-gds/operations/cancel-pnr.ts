import { z } from 'zod';
import { GDS_ERRORS, GdsErrorReply } from '../error-catalogue.ts';
import { parseRequest, type GdsOperation } from './operation-call.ts';
import { activeRecord } from './pnr-access.ts';
import { pnrReply } from './pnr-reply.ts';

const cancelSchema = z.object({
  reservationInfo: z.object({ reservation: z.object({ controlNumber: z.string() }) }),
  cancelElements: z.object({ entryType: z.literal('I') }),
  refundDetails: z.object({ quoteReference: z.string() }),
});

/**
 * PNR_Cancel: commits a refund quote from Ticket_InitRefund. The whole itinerary is cancelled, its
 * seats go back on sale, and the record keeps the refund it was given.
 */
export const cancelPnr: GdsOperation = (body, call) => {
  const request = parseRequest(cancelSchema, body);
  const pnr = activeRecord(request.reservationInfo.reservation.controlNumber, call);
  const quote = call.world.pnrs.quote(request.refundDetails.quoteReference);
  if (!quote || quote.locator !== pnr.locator || quote.used) throw new GdsErrorReply(GDS_ERRORS.refundQuoteNotFound);
  // A quote made before the record changed (say, before ticketing) no longer tells the truth.
  if (quote.validUntil < call.now || quote.quotedStatus !== pnr.status) throw new GdsErrorReply(GDS_ERRORS.refundQuoteExpired);
  quote.used = true;
  pnr.status = 'cancelled';
  call.world.pnrs.releaseSeats(pnr, call.world.inventory);
  pnr.refund = {
    quoteReference: quote.reference,
    refundReference: call.world.pnrs.nextRefundReference(),
    penalty: quote.penalty,
    refund: quote.refund,
  };
  return pnrReply(pnr);
};
