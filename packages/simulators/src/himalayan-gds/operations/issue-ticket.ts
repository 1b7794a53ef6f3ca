import { z } from 'zod';
import { GDS_ERRORS, GdsErrorReply } from '../error-catalogue.ts';
import { parseRequest, type GdsOperation } from './operation-call.ts';
import { activeRecord } from './pnr-access.ts';

const issueSchema = z.object({ pnrReference: z.object({ reservation: z.object({ controlNumber: z.string() }) }) });

/** DocIssuance_IssueTicket: tickets a held record at its stored price; the numbers appear in its FA elements. */
export const issueTicket: GdsOperation = (body, call) => {
  const request = parseRequest(issueSchema, body);
  const pnr = activeRecord(request.pnrReference.reservation.controlNumber, call);
  if (pnr.status === 'ticketed') throw new GdsErrorReply(GDS_ERRORS.alreadyTicketed);
  call.world.pnrs.issueTickets(pnr);
  return { processingStatus: { statusCode: 'O' } };
};
