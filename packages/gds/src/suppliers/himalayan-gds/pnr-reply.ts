import { z } from 'zod';
import { decimalToMinor, type Money } from '../../money/money.ts';
import type { SupplierBooking } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { offsetDateTime } from './edifact-dates.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';

export const PNR_REPLY_ARRAYS = [
  'travellerInfo',
  'originDestinationDetails',
  'itineraryInfo',
  'dataElementsIndiv',
  'monetaryInfo',
  'Envelope.Body.PNR_Reply.refundRecord.monetaryDetails',
];

const monetarySchema = z.object({ typeQualifier: z.string(), amount: z.string(), currency: z.string() });
const freetextSchema = z.object({ freetextDetail: z.object({ type: z.string() }), longFreetext: z.string() });
const pnrReplySchema = z.object({
  pnrHeader: z.object({ reservationInfo: z.object({ reservation: z.object({ controlNumber: z.string() }) }) }),
  originDestinationDetails: z
    .array(z.object({ itineraryInfo: z.array(z.object({ relatedProduct: z.object({ status: z.string() }) })) }))
    .min(1),
  dataElementsMaster: z.object({
    dataElementsIndiv: z.array(
      z.object({
        elementManagementData: z.object({ segmentName: z.string() }),
        ticketElement: z
          .object({
            ticket: z.object({
              indicator: z.string(),
              date: z.string().optional(),
              time: z.string().optional(),
              utcOffset: z.string().optional(),
            }),
          })
          .optional(),
        otherDataFreetext: freetextSchema.optional(),
      }),
    ),
  }),
  tstData: z.object({ fareData: z.object({ monetaryInfo: z.array(monetarySchema) }) }),
  refundRecord: z
    .object({ quoteReference: z.string(), refundReference: z.string(), monetaryDetails: z.array(monetarySchema) })
    .optional(),
});
type Monetary = z.infer<typeof monetarySchema>;

/** Segment status HX: cancelled (by the agent, or when the time limit lapsed). */
const CANCELLED_SEGMENT = 'HX';
/** FA element: "PAX 285-2400000001/ETRA/..." */
const TICKET_NUMBER = /^(?:PAX|INF) (\d{3}-\d{10})\//;

export function moneyOf(details: Monetary[], typeQualifier: string): Money {
  const detail = details.find((d) => d.typeQualifier === typeQualifier);
  if (!detail) throw new Error(`no amount ${typeQualifier}`);
  return { amountMinor: decimalToMinor(detail.amount, detail.currency), currency: detail.currency };
}

/**
 * A record as the platform sees it: cancelled when every air segment is HX, confirmed once the TK
 * element says OK (tickets in its FA elements), otherwise held until the TK time limit.
 */
export function bookingFromPnrReply(
  replyNode: XmlNode,
): SupplierBooking & { refund?: { reference: string; penalty: Money; refund: Money } } {
  const reply = pnrReplySchema.parse(replyNode);
  const segments = reply.originDestinationDetails.flatMap((details) => details.itineraryInfo);
  const elements = reply.dataElementsMaster.dataElementsIndiv;
  const ticketing = elements.find((element) => element.ticketElement)?.ticketElement?.ticket;
  const documents = elements.flatMap((element) => {
    const number =
      element.elementManagementData.segmentName === 'FA' &&
      TICKET_NUMBER.exec(element.otherDataFreetext?.longFreetext ?? '')?.[1];
    return number ? [number] : [];
  });
  const cancelled = segments.every((segment) => segment.relatedProduct.status === CANCELLED_SEGMENT);
  const status: SupplierBooking['status'] = cancelled ? 'cancelled' : ticketing?.indicator === 'OK' ? 'confirmed' : 'held';
  const limit = status === 'held' && ticketing?.indicator === 'TL' && ticketing.date && ticketing.time && ticketing.utcOffset;
  return {
    supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
    supplierReference: reply.pnrHeader.reservationInfo.reservation.controlNumber,
    status,
    total: moneyOf(reply.tstData.fareData.monetaryInfo, '712'),
    holdExpiresAt: limit ? offsetDateTime(ticketing.date!, ticketing.time!, ticketing.utcOffset!) : undefined,
    documents,
    refund: reply.refundRecord && {
      reference: reply.refundRecord.refundReference,
      penalty: moneyOf(reply.refundRecord.monetaryDetails, 'CP'),
      refund: moneyOf(reply.refundRecord.monetaryDetails, 'RFT'),
    },
  };
}
