import { SupplierError } from '../../errors.ts';
import type { AirBookingRequest, AirSupplierAdapter } from '../../products/air.ts';
import type { CancellationQuote } from '../../products/common.ts';
import { readAirPrice, airPriceRequest } from './air-price.ts';
import { readAirReservation, toSupplierBooking } from './air-reservation.ts';
import { airBookRequest, cancelCommitRequest, cancelQuoteRequest, demandTicketRequest, readRequest } from './booking-requests.ts';
import { readCancel, readDemandTicket } from './booking-responses.ts';
import { lowFareSearchRequest, readLowFareSearch } from './low-fare-search.ts';
import { decodeOfferRef } from './offer-ref.ts';
import { badResponse } from './ota-status.ts';
import { callSkyways } from './skyways-call.ts';
import { SKYWAYS_SUPPLIER_ID } from './supplier-id.ts';

/** Skyways sells in these currencies only (its contract); other searches are asked in US dollars and converted by the platform. */
const SELLING_CURRENCIES = new Set(['NPR', 'USD', 'INR']);

function partyOf(passengers: Array<{ type: string }>): string {
  return passengers
    .map((p) => p.type)
    .sort()
    .join(',');
}

/**
 * Skyways: OpenTravel 2003/05 air over SOAP, stateless, every call signed with a WS-Security
 * UsernameToken. Shopping is OTA_AirLowFareSearch, recheck OTA_AirPrice, a hold OTA_AirBook with a
 * ticket time limit, ticketing OTA_AirDemandTicket, cancelling OTA_Cancel (Quote, then Commit) and
 * reading OTA_Read.
 */
export const skywaysAdapter: AirSupplierAdapter = {
  supplierId: SKYWAYS_SUPPLIER_ID,
  product: 'air',

  async search(connection, request, context) {
    const currency = request.currency && SELLING_CURRENCIES.has(request.currency) ? request.currency : 'USD';
    return callSkyways({
      connection,
      context,
      operation: 'air.search',
      action: 'AirLowFareSearch',
      currency,
      build: (identity) => lowFareSearchRequest(request, identity),
      read: (body) => readLowFareSearch(body, request),
    });
  },

  async price(connection, offer, context) {
    const ref = decodeOfferRef(offer.supplierOfferRef, 'air.price');
    return callSkyways({
      connection,
      context,
      operation: 'air.price',
      action: 'AirPrice',
      currency: ref.currency,
      build: (identity) => airPriceRequest(offer, ref, identity),
      read: (body) => readAirPrice(body, offer, ref.cabinClass),
    });
  },

  async book(connection, request: AirBookingRequest, context) {
    const ref = decodeOfferRef(request.offer.supplierOfferRef, 'air.book');
    if (partyOf(request.passengers) !== partyOf(request.offer.passengers)) {
      throw new SupplierError(
        'SUPPLIER_BUSINESS_ERROR',
        `${SKYWAYS_SUPPLIER_ID} air.book: the travellers are not the party the offer was priced for`,
        {
          supplierId: SKYWAYS_SUPPLIER_ID,
          operation: 'air.book',
          retryable: false,
        },
      );
    }
    return callSkyways({
      connection,
      context,
      operation: 'air.book',
      action: 'AirBook',
      currency: ref.currency,
      build: (identity) => airBookRequest(request, ref, identity),
      read: (body) => toSupplierBooking(readAirReservation(body, 'air.book'), 'air.book', request.offer.total),
    });
  },

  /** Tickets, then reads the reservation back: the ticketing answer states amounts without a currency. */
  async confirm(connection, supplierReference, context) {
    const ticketing = await callSkyways({
      connection,
      context,
      operation: 'air.confirm',
      action: 'AirDemandTicket',
      build: (identity) => demandTicketRequest(supplierReference, identity),
      read: readDemandTicket,
    });
    if (ticketing.ticketNumbers.length === 0) throw badResponse('air.confirm', `no tickets were issued for ${supplierReference}`);
    const booking = await skywaysAdapter.retrieve(connection, supplierReference, context);
    return { ...booking, documents: booking.documents.length ? booking.documents : ticketing.ticketNumbers };
  },

  async quoteCancellation(connection, supplierReference, context) {
    return callSkyways({
      connection,
      context,
      operation: 'air.cancel.quote',
      action: 'Cancel',
      build: (identity) => cancelQuoteRequest(supplierReference, identity),
      read: (body): CancellationQuote => {
        const quote = readCancel(body, 'air.cancel.quote');
        if (!quote.reference || !quote.charge || !quote.refund)
          throw badResponse('air.cancel.quote', 'the quote states no reference, charge or refund');
        return {
          supplierId: SKYWAYS_SUPPLIER_ID,
          supplierReference: quote.reservationReference ?? supplierReference,
          quoteRef: quote.reference,
          penalty: quote.charge,
          refund: quote.refund,
          expiresAt: quote.chargeValidUntil,
        };
      },
    });
  },

  async cancel(connection, quote, context) {
    return callSkyways({
      connection,
      context,
      operation: 'air.cancel',
      action: 'Cancel',
      build: (identity) => cancelCommitRequest(quote, identity),
      read: (body) => {
        const result = readCancel(body, 'air.cancel');
        if (result.status !== 'Cancelled')
          throw badResponse('air.cancel', `the cancellation ended ${result.status ?? 'without a status'}`);
        return {
          supplierId: SKYWAYS_SUPPLIER_ID,
          supplierReference: quote.supplierReference,
          status: 'cancelled' as const,
          penalty: result.charge ?? quote.penalty,
          refund: result.refund ?? quote.refund,
          cancellationReference: result.reference,
        };
      },
    });
  },

  async retrieve(connection, supplierReference, context) {
    return callSkyways({
      connection,
      context,
      operation: 'air.retrieve',
      action: 'Read',
      build: (identity) => readRequest(supplierReference, identity),
      read: (body) => toSupplierBooking(readAirReservation(body, 'air.retrieve'), 'air.retrieve'),
    });
  },
};
