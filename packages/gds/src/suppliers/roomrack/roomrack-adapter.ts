import { SupplierError, isSupplierError } from '../../errors.ts';
import type {
  CallContext,
  CancellationQuote,
  CancellationResult,
  SearchResult,
  SupplierBooking,
  SupplierConnection,
  SupplierWarning,
} from '../../products/common.ts';
import type { HotelBookingRequest, HotelOffer, HotelSearchRequest, HotelSupplierAdapter } from '../../products/hotel.ts';
import { callSoap } from '../../transport/soap-transport.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import {
  BOOKING_RESPONSE_ARRAYS,
  buildBookingRequest,
  buildCancelCommitRequest,
  buildHoldBookingRequest,
  readBooking,
  readCancellation,
  readCancelQuote,
} from './booking-messages.ts';
import { decodeOfferRef } from './offer-ref.ts';
import { apiKeyHeader } from './roomrack-connection.ts';
import { roomrackOutcome, type RoomrackOperation } from './roomrack-outcome.ts';
import { buildPropertySearchRequest, buildRateCheckRequest, mapProperties, SEARCH_RESPONSE_ARRAYS } from './search-messages.ts';
import { ROOMRACK_SUPPLIER_ID } from './supplier-id.ts';

/**
 * roomrack speaks its own XML over SOAP, with an API key in a header element: PropertySearch,
 * RateCheck (recheck by rateKey), HoldBooking then ConfirmBooking, CancelQuote then CancelCommit,
 * GetBooking. Its prices are per room and night, in rupees, with taxes listed apart; offers carry
 * them per night for all rooms, taxes worked out exactly as roomrack states them.
 */
const SOAP_ACTION_BASE = 'http://xml.roomrack.example/hotel/v3/';

type Action = 'PropertySearch' | 'RateCheck' | 'HoldBooking' | 'ConfirmBooking' | 'GetBooking' | 'CancelQuote' | 'CancelCommit';

/** Reading a well-formed answer that does not hold what the dialect promises is the supplier's fault. */
function mapped<T>(operation: RoomrackOperation, map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (isSupplierError(error)) throw error;
    throw new SupplierError(
      'SUPPLIER_BAD_RESPONSE',
      `${ROOMRACK_SUPPLIER_ID} ${operation}: unexpected answer (${(error as Error).message.slice(0, 200)})`,
      {
        supplierId: ROOMRACK_SUPPLIER_ID,
        operation,
        cause: error,
      },
    );
  }
}

async function exchange(
  connection: SupplierConnection,
  operation: RoomrackOperation,
  action: Action,
  bodyXml: string,
  arrays: string[],
  context: CallContext = {},
): Promise<{ root: XmlNode; warnings: SupplierWarning[] }> {
  const result = await callSoap({
    supplierId: ROOMRACK_SUPPLIER_ID,
    operation,
    endpoint: connection.endpoint,
    soapAction: `${SOAP_ACTION_BASE}${action}`,
    bodyXml,
    headerXml: apiKeyHeader(connection),
    arrays,
    timeoutMs: context.timeoutMs,
    tenantId: context.tenantId,
    signal: context.signal,
  });
  const root = result.body[`${action}Response`] as XmlNode | undefined;
  const warnings = roomrackOutcome(root, operation);
  return { root: root ?? {}, warnings };
}

async function bookingCall(
  connection: SupplierConnection,
  operation: RoomrackOperation,
  action: Action,
  bodyXml: string,
  context?: CallContext,
): Promise<SupplierBooking> {
  const { root } = await exchange(connection, operation, action, bodyXml, BOOKING_RESPONSE_ARRAYS, context);
  return mapped(operation, () => readBooking(root));
}

export const roomrackAdapter: HotelSupplierAdapter = {
  supplierId: ROOMRACK_SUPPLIER_ID,
  product: 'hotel',

  async search(
    connection: SupplierConnection,
    request: HotelSearchRequest,
    context?: CallContext,
  ): Promise<SearchResult<HotelOffer>> {
    const { root, warnings } = await exchange(
      connection,
      'hotel.search',
      'PropertySearch',
      buildPropertySearchRequest(request, { cityCode: request.cityCode, near: request.near }),
      SEARCH_RESPONSE_ARRAYS,
      context,
    );
    return { offers: mapped('hotel.search', () => mapProperties(root, request)), warnings };
  },

  async price(
    connection: SupplierConnection,
    offer: HotelOffer,
    context?: CallContext,
  ): Promise<{ offer: HotelOffer; priceChanged: boolean }> {
    const ref = decodeOfferRef(offer.supplierOfferRef, 'hotel.price');
    const { root } = await exchange(
      connection,
      'hotel.price',
      'RateCheck',
      buildRateCheckRequest(ref.rateKey),
      SEARCH_RESPONSE_ARRAYS,
      context,
    );
    const [current] = mapped('hotel.price', () => mapProperties(root, offer));
    if (!current) {
      throw new SupplierError('INVENTORY_EXHAUSTED', `${ROOMRACK_SUPPLIER_ID} hotel.price: the rate is no longer offered`, {
        supplierId: ROOMRACK_SUPPLIER_ID,
        operation: 'hotel.price',
      });
    }
    const priceChanged =
      current.price.amount.amountMinor !== offer.price.amount.amountMinor ||
      current.price.amount.currency !== offer.price.amount.currency ||
      current.price.taxes?.amountMinor !== offer.price.taxes?.amountMinor;
    return { offer: current, priceChanged };
  },

  async book(connection: SupplierConnection, request: HotelBookingRequest, context?: CallContext): Promise<SupplierBooking> {
    const ref = decodeOfferRef(request.offer.supplierOfferRef, 'hotel.book');
    return bookingCall(connection, 'hotel.book', 'HoldBooking', buildHoldBookingRequest(ref.rateKey, request), context);
  },

  confirm(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking> {
    return bookingCall(
      connection,
      'hotel.confirm',
      'ConfirmBooking',
      buildBookingRequest('ConfirmBookingRequest', supplierReference),
      context,
    );
  },

  retrieve(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking> {
    return bookingCall(
      connection,
      'hotel.retrieve',
      'GetBooking',
      buildBookingRequest('GetBookingRequest', supplierReference),
      context,
    );
  },

  async quoteCancellation(
    connection: SupplierConnection,
    supplierReference: string,
    context?: CallContext,
  ): Promise<CancellationQuote> {
    const { root } = await exchange(
      connection,
      'hotel.cancel-quote',
      'CancelQuote',
      buildBookingRequest('CancelQuoteRequest', supplierReference),
      BOOKING_RESPONSE_ARRAYS,
      context,
    );
    const quote = mapped('hotel.cancel-quote', () => readCancelQuote(root));
    return {
      supplierId: ROOMRACK_SUPPLIER_ID,
      supplierReference,
      quoteRef: quote.quoteId,
      penalty: quote.fee,
      refund: quote.refund,
      expiresAt: quote.validUntil,
    };
  },

  async cancel(connection: SupplierConnection, quote: CancellationQuote, context?: CallContext): Promise<CancellationResult> {
    const { root } = await exchange(
      connection,
      'hotel.cancel',
      'CancelCommit',
      buildCancelCommitRequest(quote.supplierReference, quote.quoteRef),
      BOOKING_RESPONSE_ARRAYS,
      context,
    );
    const cancellation = mapped('hotel.cancel', () => readCancellation(root));
    if (cancellation.status !== 'cancelled') {
      throw new SupplierError(
        'SUPPLIER_BAD_RESPONSE',
        `${ROOMRACK_SUPPLIER_ID} hotel.cancel: the booking is ${cancellation.status} after the commit`,
        { supplierId: ROOMRACK_SUPPLIER_ID, operation: 'hotel.cancel' },
      );
    }
    return {
      supplierId: ROOMRACK_SUPPLIER_ID,
      supplierReference: quote.supplierReference,
      status: 'cancelled',
      penalty: cancellation.fee,
      refund: cancellation.refund,
      cancellationReference: cancellation.number,
    };
  },
};
