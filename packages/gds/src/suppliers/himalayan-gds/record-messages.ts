import { z } from 'zod';
import type { CancellationQuote } from '../../products/common.ts';
import { buildXml, type XmlNode } from '../../xml/safe-xml.ts';
import { HIMALAYAN_GDS_NS } from './dialect.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';
import { offsetDateTime } from './edifact-dates.ts';
import { moneyOf } from './pnr-reply.ts';

function reservation(locator: string) {
  return { reservation: { controlNumber: locator } };
}

/** PNR_Retrieve by record locator (retrieve type 2: active record by locator). */
export function retrieveRequest(locator: string): string {
  return buildXml({
    PNR_Retrieve: {
      '@_xmlns': HIMALAYAN_GDS_NS,
      retrievalFacts: { retrieve: { type: '2' }, reservationOrProfileIdentifier: reservation(locator) },
    },
  });
}

/** DocIssuance_IssueTicket: electronic tickets (ET) for a held record. */
export function issueTicketRequest(locator: string): string {
  return buildXml({
    DocIssuance_IssueTicket: {
      '@_xmlns': HIMALAYAN_GDS_NS,
      pnrReference: reservation(locator),
      optionGroup: [{ switches: { statusDetails: { indicator: 'ET' } } }],
    },
  });
}

/** Ticket_InitRefund: what cancelling the whole record would cost now. */
export function initRefundRequest(locator: string): string {
  return buildXml({ Ticket_InitRefund: { '@_xmlns': HIMALAYAN_GDS_NS, pnrReference: reservation(locator) } });
}

/** PNR_Cancel of the whole itinerary (entry type I), committing a refund quote; option 10: end the transaction. */
export function cancelRequest(quote: CancellationQuote): string {
  return buildXml({
    PNR_Cancel: {
      '@_xmlns': HIMALAYAN_GDS_NS,
      reservationInfo: reservation(quote.supplierReference),
      pnrActions: { optionCode: '10' },
      cancelElements: { entryType: 'I' },
      refundDetails: { quoteReference: quote.quoteRef },
    },
  });
}

export const INIT_REFUND_ARRAYS = ['Envelope.Body.Ticket_InitRefundReply.refundQuote.monetaryDetails'];

const refundQuoteSchema = z.object({
  refundQuote: z.object({
    quoteReference: z.string(),
    monetaryDetails: z.array(z.object({ typeQualifier: z.string(), amount: z.string(), currency: z.string() })),
    validUntil: z.object({ date: z.string(), time: z.string(), utcOffset: z.string() }),
  }),
});

/** CP: the cancellation penalty; RFT: what would be refunded. */
export function cancellationQuoteOf(replyNode: XmlNode, locator: string): CancellationQuote {
  const { refundQuote } = refundQuoteSchema.parse(replyNode);
  return {
    supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
    supplierReference: locator,
    quoteRef: refundQuote.quoteReference,
    penalty: moneyOf(refundQuote.monetaryDetails, 'CP'),
    refund: moneyOf(refundQuote.monetaryDetails, 'RFT'),
    expiresAt: offsetDateTime(refundQuote.validUntil.date, refundQuote.validUntil.time, refundQuote.validUntil.utcOffset),
  };
}

const issueReplySchema = z.object({ processingStatus: z.object({ statusCode: z.string() }) });

/** DocIssuance answers O when the tickets were issued. */
export function ticketsIssued(replyNode: XmlNode): boolean {
  return issueReplySchema.safeParse(replyNode).data?.processingStatus.statusCode === 'O';
}
