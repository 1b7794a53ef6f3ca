import { z } from 'zod';
import { parseRequest, type GdsOperation } from './operation-call.ts';
import { officeRecord } from './pnr-access.ts';
import { pnrReply } from './pnr-reply.ts';

const retrieveSchema = z.object({
  retrievalFacts: z.object({
    reservationOrProfileIdentifier: z.object({ reservation: z.object({ controlNumber: z.string() }) }),
  }),
});

/** PNR_Retrieve: the record as it stands, lapsed and cancelled ones included. */
export const retrievePnr: GdsOperation = (body, call) => {
  const request = parseRequest(retrieveSchema, body);
  return pnrReply(officeRecord(request.retrievalFacts.reservationOrProfileIdentifier.reservation.controlNumber, call));
};
