import { isSupplierError, SupplierError } from '../../errors.ts';
import type { AirBookingRequest, AirOffer, AirPricing, AirSearchRequest, AirSupplierAdapter } from '../../products/air.ts';
import type {
  CallContext,
  CancellationQuote,
  CancellationResult,
  SearchResult,
  SupplierBooking,
  SupplierConnection,
} from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { addMultiElementsRequest } from './add-multi-elements.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';
import { badReply } from './gds-errors.ts';
import { GdsSessionClient } from './gds-session-client.ts';
import { informativePricingRequest, INFORMATIVE_PRICING_ARRAYS, pricedOffer } from './informative-pricing.ts';
import { masterPricerOffers, masterPricerRequest, MASTER_PRICER_ARRAYS } from './master-pricer.ts';
import { decodeOfferRef } from './offer-ref.ts';
import { ptcCounts, PTCS } from './passenger-types.ts';
import { bookingFromPnrReply, PNR_REPLY_ARRAYS } from './pnr-reply.ts';
import {
  cancellationQuoteOf,
  cancelRequest,
  initRefundRequest,
  INIT_REFUND_ARRAYS,
  issueTicketRequest,
  retrieveRequest,
  ticketsIssued,
} from './record-messages.ts';
import type { SessionPoolOptions } from './session-pool.ts';

/** 931 no itinerary, 866 no fare: a search that found nothing, not a failure. */
const NOTHING_FOUND = new Set(['931', '866']);
/** 1208: the record is ticketed already (a confirm retried after a lost reply). */
const ALREADY_TICKETED = '1208';

/** Mapping a reply that does not say what the dialect promises is the supplier's bad response. */
function mapReply<T>(label: string, map: () => T): T {
  try {
    return map();
  } catch (error) {
    throw badReply(label, (error as Error).message, error);
  }
}

function asBooking(reply: XmlNode, label: string): SupplierBooking {
  const { refund: _refund, ...booking } = mapReply(label, () => bookingFromPnrReply(reply));
  return booking;
}

/** The himalayan-gds adapter with its own session pool; `close` signs the pooled sessions out. */
export interface HimalayanGdsAdapter extends AirSupplierAdapter {
  /** Signs out the pooled sessions (shutdown). */
  close(): Promise<void>;
  /** Idle sessions pooled for a connection. */
  idleSessions(connection: SupplierConnection): number;
}

/**
 * himalayan-gds: Amadeus-style sessions (see GdsSessionClient) and EDIFACT-shaped messages.
 * search: Fare_MasterPricerTravelBoardSearch; price: Fare_InformativePricingWithoutPNR; book:
 * PNR_AddMultiElements with the accepted total (the record goes on a ticketing time limit);
 * confirm: DocIssuance_IssueTicket, then PNR_Retrieve for the ticket numbers; cancel:
 * Ticket_InitRefund for the quote, PNR_Cancel to commit it; retrieve: PNR_Retrieve.
 */
export function createHimalayanGdsAdapter(options: Partial<SessionPoolOptions> = {}): HimalayanGdsAdapter {
  const sessions = new GdsSessionClient(options);
  return {
    supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
    product: 'air',

    async search(
      connection: SupplierConnection,
      request: AirSearchRequest,
      context?: CallContext,
    ): Promise<SearchResult<AirOffer>> {
      return sessions.converse(connection, 'air.search', context, async (send) => {
        try {
          const { reply, warnings } = await send(
            'Fare_MasterPricerTravelBoardSearch',
            masterPricerRequest(request),
            MASTER_PRICER_ARRAYS,
          );
          return {
            offers: mapReply('air.search', () => masterPricerOffers(reply, request)),
            warnings: warnings.map((warning) => ({
              supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
              code: warning.code,
              message: warning.text,
            })),
          };
        } catch (error) {
          if (isSupplierError(error) && error.supplierCode && NOTHING_FOUND.has(error.supplierCode))
            return { offers: [], warnings: [] };
          throw error;
        }
      });
    },

    async price(connection: SupplierConnection, offer: AirOffer, context?: CallContext): Promise<AirPricing> {
      const ref = decodeOfferRef(offer.supplierOfferRef, 'air.price');
      return sessions.converse(connection, 'air.price', context, async (send) => {
        const { reply } = await send(
          'Fare_InformativePricingWithoutPNR',
          informativePricingRequest(offer, ref),
          INFORMATIVE_PRICING_ARRAYS,
        );
        return mapReply('air.price', () => pricedOffer(reply, offer, ref));
      });
    },

    async book(connection: SupplierConnection, booking: AirBookingRequest, context?: CallContext): Promise<SupplierBooking> {
      const ref = decodeOfferRef(booking.offer.supplierOfferRef, 'air.book');
      const offered = ptcCounts(booking.offer.passengers);
      const named = ptcCounts(booking.passengers);
      if (PTCS.some((ptc) => offered[ptc] !== named[ptc])) {
        throw new SupplierError('SUPPLIER_BUSINESS_ERROR', 'the passengers named are not the ones the offer was priced for', {
          supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
          operation: 'air.book',
          retryable: false,
        });
      }
      return sessions.converse(connection, 'air.book', context, async (send) => {
        const { reply } = await send('PNR_AddMultiElements', addMultiElementsRequest(booking, ref), PNR_REPLY_ARRAYS);
        return asBooking(reply, 'air.book');
      });
    },

    async confirm(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking> {
      return sessions.converse(connection, 'air.confirm', context, async (send) => {
        try {
          const { reply } = await send('DocIssuance_IssueTicket', issueTicketRequest(supplierReference), []);
          if (!ticketsIssued(reply)) throw badReply('air.confirm', 'DocIssuance_IssueTicket did not say the tickets were issued');
        } catch (error) {
          if (!(isSupplierError(error) && error.supplierCode === ALREADY_TICKETED)) throw error;
        }
        const { reply } = await send('PNR_Retrieve', retrieveRequest(supplierReference), PNR_REPLY_ARRAYS);
        return asBooking(reply, 'air.confirm');
      });
    },

    async quoteCancellation(
      connection: SupplierConnection,
      supplierReference: string,
      context?: CallContext,
    ): Promise<CancellationQuote> {
      return sessions.converse(connection, 'air.cancel-quote', context, async (send) => {
        const { reply } = await send('Ticket_InitRefund', initRefundRequest(supplierReference), INIT_REFUND_ARRAYS);
        return mapReply('air.cancel-quote', () => cancellationQuoteOf(reply, supplierReference));
      });
    },

    async cancel(connection: SupplierConnection, quote: CancellationQuote, context?: CallContext): Promise<CancellationResult> {
      return sessions.converse(connection, 'air.cancel', context, async (send) => {
        const { reply } = await send('PNR_Cancel', cancelRequest(quote), PNR_REPLY_ARRAYS);
        const record = mapReply('air.cancel', () => bookingFromPnrReply(reply));
        if (record.status !== 'cancelled' || !record.refund) throw badReply('air.cancel', 'PNR_Cancel left the record active');
        return {
          supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
          supplierReference: record.supplierReference,
          status: 'cancelled',
          penalty: record.refund.penalty,
          refund: record.refund.refund,
          cancellationReference: record.refund.reference,
        };
      });
    },

    async retrieve(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking> {
      return sessions.converse(connection, 'air.retrieve', context, async (send) => {
        const { reply } = await send('PNR_Retrieve', retrieveRequest(supplierReference), PNR_REPLY_ARRAYS);
        return asBooking(reply, 'air.retrieve');
      });
    },

    /** Signs out the pooled sessions (shutdown). */
    close(): Promise<void> {
      return sessions.close();
    },

    /** Idle sessions pooled for a connection. */
    idleSessions(connection: SupplierConnection): number {
      return sessions.idleSessions(connection);
    },
  };
}

export const himalayanGdsAdapter = createHimalayanGdsAdapter();
