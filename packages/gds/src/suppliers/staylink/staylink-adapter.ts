import { SupplierError, isSupplierError } from '../../errors.ts';
import type { Money } from '../../money/money.ts';
import type {
  CallContext,
  CancellationQuote,
  CancellationResult,
  SearchResult,
  SupplierBooking,
  SupplierConnection,
} from '../../products/common.ts';
import type { HotelBookingRequest, HotelOffer, HotelSearchRequest, HotelSupplierAdapter } from '../../products/hotel.ts';
import { callSoap } from '../../transport/soap-transport.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { usernameTokenHeader } from '../../xml/ws-security.ts';
import { buildAvailRQ, type AvailRequest } from './avail-request.ts';
import { AVAIL_RESPONSE_ARRAYS, mapHotelAvailRS, type AvailMapping } from './avail-response.ts';
import { buildCancelRQ, CANCEL_RESPONSE_ARRAYS, readCancelRS, type CancelRead } from './cancel-messages.ts';
import { decodeOfferRef } from './offer-ref.ts';
import { otaOutcome, type StaylinkOperation } from './ota-outcome.ts';
import { buildCommitRQ, buildInitiateRQ, buildReadRQ } from './reservation-requests.ts';
import { readHotelReservations, RES_RESPONSE_ARRAYS, type ReservationRead } from './reservation-response.ts';
import { staylinkCredentials } from './staylink-connection.ts';
import { STAYLINK_SUPPLIER_ID } from './supplier-id.ts';

/**
 * staylink speaks OpenTravel 2003/05 over SOAP with a WS-Security UsernameToken: availability
 * (OTA_HotelAvail) for search and recheck, OTA_HotelRes Initiate (hold) then Commit (confirm),
 * OTA_Cancel Quote then Commit, and OTA_Read. Its prices are totals for the stay with taxes in.
 */
const SOAP_ACTION_BASE = 'http://staylink.example/ota/2003/05/';

interface Exchange {
  operation: StaylinkOperation;
  action: 'HotelAvail' | 'HotelRes' | 'Cancel' | 'Read';
  bodyXml: string;
  root: string;
  arrays: string[];
}

/** Mapping failures on a well-formed answer are the supplier's malformed data, typed as such. */
function mapped<T>(operation: StaylinkOperation, map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (isSupplierError(error)) throw error;
    throw new SupplierError('SUPPLIER_BAD_RESPONSE', `${STAYLINK_SUPPLIER_ID} ${operation}: ${(error as Error).message}`, {
      supplierId: STAYLINK_SUPPLIER_ID,
      operation,
      cause: error,
    });
  }
}

async function exchange(
  connection: SupplierConnection,
  request: Exchange,
  context: CallContext = {},
): Promise<{ root: XmlNode; warnings: ReturnType<typeof otaOutcome> }> {
  const credentials = staylinkCredentials(connection);
  const result = await callSoap({
    supplierId: STAYLINK_SUPPLIER_ID,
    operation: request.operation,
    endpoint: connection.endpoint,
    soapAction: `${SOAP_ACTION_BASE}${request.action}`,
    bodyXml: request.bodyXml,
    headerXml: usernameTokenHeader(credentials.username, credentials.password),
    arrays: request.arrays,
    timeoutMs: context.timeoutMs,
    tenantId: context.tenantId,
    signal: context.signal,
  });
  const root = result.body[request.root] as XmlNode | undefined;
  const warnings = otaOutcome(root, request.operation);
  return { root: root ?? {}, warnings };
}

function bookingFrom(reservation: ReservationRead | undefined, operation: StaylinkOperation): SupplierBooking {
  if (!reservation)
    throw new SupplierError('SUPPLIER_BAD_RESPONSE', `${STAYLINK_SUPPLIER_ID} ${operation}: no reservation in the answer`, {
      supplierId: STAYLINK_SUPPLIER_ID,
      operation,
    });
  if (!reservation.total)
    throw new SupplierError(
      'SUPPLIER_BAD_RESPONSE',
      `${STAYLINK_SUPPLIER_ID} ${operation}: reservation ${reservation.reference} without a total`,
      { supplierId: STAYLINK_SUPPLIER_ID, operation },
    );
  if (reservation.status === 'unknown')
    throw new SupplierError(
      'SUPPLIER_BAD_RESPONSE',
      `${STAYLINK_SUPPLIER_ID} ${operation}: reservation ${reservation.reference} in an unknown status`,
      { supplierId: STAYLINK_SUPPLIER_ID, operation },
    );
  return {
    supplierId: STAYLINK_SUPPLIER_ID,
    supplierReference: reservation.reference,
    status: reservation.status,
    total: reservation.total,
    ...(reservation.status === 'held' && reservation.holdExpiresAt ? { holdExpiresAt: reservation.holdExpiresAt } : {}),
    documents: reservation.confirmationNumbers,
  };
}

async function reservationCall(
  connection: SupplierConnection,
  operation: StaylinkOperation,
  action: 'HotelRes' | 'Read',
  bodyXml: string,
  context?: CallContext,
): Promise<SupplierBooking> {
  const { root } = await exchange(
    connection,
    { operation, action, bodyXml, root: 'OTA_HotelResRS', arrays: RES_RESPONSE_ARRAYS },
    context,
  );
  return mapped(operation, () => bookingFrom(readHotelReservations(root)[0], operation));
}

async function availability(
  connection: SupplierConnection,
  operation: StaylinkOperation,
  request: AvailRequest,
  context?: CallContext,
): Promise<AvailMapping & { warnings: ReturnType<typeof otaOutcome> }> {
  const { root, warnings } = await exchange(
    connection,
    { operation, action: 'HotelAvail', bodyXml: buildAvailRQ(request), root: 'OTA_HotelAvailRS', arrays: AVAIL_RESPONSE_ARRAYS },
    context,
  );
  return {
    ...mapped(operation, () =>
      mapHotelAvailRS(root, { checkIn: request.checkIn, checkOut: request.checkOut, rooms: request.rooms }),
    ),
    warnings,
  };
}

function sameMoney(a: Money, b: Money): boolean {
  return a.amountMinor === b.amountMinor && a.currency === b.currency;
}

async function cancelCall(
  connection: SupplierConnection,
  operation: StaylinkOperation,
  bodyXml: string,
  context?: CallContext,
): Promise<CancelRead> {
  const { root } = await exchange(
    connection,
    { operation, action: 'Cancel', bodyXml, root: 'OTA_CancelRS', arrays: CANCEL_RESPONSE_ARRAYS },
    context,
  );
  return mapped(operation, () => readCancelRS(root));
}

function penaltyAndRefund(
  read: CancelRead,
  operation: StaylinkOperation,
): { penalty: Money; refund: Money; charge?: { cancelByDate?: string } } {
  const charge = read.rules.find((rule) => rule.type === 'Charge' || rule.type === undefined);
  const refund = read.rules.find((rule) => rule.type === 'Refund');
  if (!charge?.amount || !refund?.amount) {
    throw new SupplierError(
      'SUPPLIER_BAD_RESPONSE',
      `${STAYLINK_SUPPLIER_ID} ${operation}: the answer does not state the penalty and the refund`,
      { supplierId: STAYLINK_SUPPLIER_ID, operation },
    );
  }
  return { penalty: charge.amount, refund: refund.amount, charge };
}

export const staylinkAdapter: HotelSupplierAdapter = {
  supplierId: STAYLINK_SUPPLIER_ID,
  product: 'hotel',

  async search(
    connection: SupplierConnection,
    request: HotelSearchRequest,
    context?: CallContext,
  ): Promise<SearchResult<HotelOffer>> {
    const { requestorId } = staylinkCredentials(connection);
    const { offers, unpriced, warnings } = await availability(
      connection,
      'hotel.search',
      {
        requestorId,
        cityCode: request.cityCode,
        near: request.near,
        checkIn: request.checkIn,
        checkOut: request.checkOut,
        rooms: request.rooms,
      },
      context,
    );
    if (unpriced > 0)
      warnings.push({
        supplierId: STAYLINK_SUPPLIER_ID,
        code: 'UNPRICED_ROOM_RATES',
        message: `${unpriced} room rates without a usable price or hotel were left out`,
      });
    return { offers, warnings };
  },

  async price(
    connection: SupplierConnection,
    offer: HotelOffer,
    context?: CallContext,
  ): Promise<{ offer: HotelOffer; priceChanged: boolean }> {
    const ref = decodeOfferRef(offer.supplierOfferRef, 'hotel.price');
    const { requestorId } = staylinkCredentials(connection);
    const { offers } = await availability(connection, 'hotel.price', { requestorId, ...ref }, context);
    const current = offers.find((candidate) => {
      const candidateRef = decodeOfferRef(candidate.supplierOfferRef, 'hotel.price');
      return (
        candidateRef.hotelCode === ref.hotelCode &&
        candidateRef.roomTypeCode === ref.roomTypeCode &&
        candidateRef.ratePlanCode === ref.ratePlanCode
      );
    });
    if (!current) {
      throw new SupplierError(
        'INVENTORY_EXHAUSTED',
        `${STAYLINK_SUPPLIER_ID} hotel.price: ${ref.roomTypeCode}/${ref.ratePlanCode} at ${ref.hotelCode} is no longer available`,
        {
          supplierId: STAYLINK_SUPPLIER_ID,
          operation: 'hotel.price',
        },
      );
    }
    return {
      offer: current,
      priceChanged: !sameMoney(current.price.amount, offer.price.amount) || current.price.basis !== offer.price.basis,
    };
  },

  async book(connection: SupplierConnection, request: HotelBookingRequest, context?: CallContext): Promise<SupplierBooking> {
    const ref = decodeOfferRef(request.offer.supplierOfferRef, 'hotel.book');
    const { requestorId } = staylinkCredentials(connection);
    if (request.offer.price.basis !== 'per_stay' || !request.offer.price.taxesIncluded) {
      throw new SupplierError(
        'SUPPLIER_BUSINESS_ERROR',
        `${STAYLINK_SUPPLIER_ID} hotel.book: staylink books at its total for the stay, taxes included`,
        { supplierId: STAYLINK_SUPPLIER_ID, operation: 'hotel.book', retryable: false },
      );
    }
    return reservationCall(
      connection,
      'hotel.book',
      'HotelRes',
      buildInitiateRQ(ref, request, request.offer.price.amount, requestorId),
      context,
    );
  },

  async confirm(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking> {
    const { requestorId } = staylinkCredentials(connection);
    return reservationCall(connection, 'hotel.confirm', 'HotelRes', buildCommitRQ(supplierReference, requestorId), context);
  },

  async retrieve(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking> {
    const { requestorId } = staylinkCredentials(connection);
    return reservationCall(connection, 'hotel.retrieve', 'Read', buildReadRQ(supplierReference, requestorId), context);
  },

  async quoteCancellation(
    connection: SupplierConnection,
    supplierReference: string,
    context?: CallContext,
  ): Promise<CancellationQuote> {
    const { requestorId } = staylinkCredentials(connection);
    const read = await cancelCall(
      connection,
      'hotel.cancel-quote',
      buildCancelRQ('Quote', supplierReference, { requestorId }),
      context,
    );
    const { penalty, refund, charge } = penaltyAndRefund(read, 'hotel.cancel-quote');
    if (!read.quoteRef)
      throw new SupplierError('SUPPLIER_BAD_RESPONSE', `${STAYLINK_SUPPLIER_ID} hotel.cancel-quote: no quote id in the answer`, {
        supplierId: STAYLINK_SUPPLIER_ID,
        operation: 'hotel.cancel-quote',
      });
    return {
      supplierId: STAYLINK_SUPPLIER_ID,
      supplierReference,
      quoteRef: read.quoteRef,
      penalty,
      refund,
      ...(charge?.cancelByDate ? { expiresAt: charge.cancelByDate } : {}),
    };
  },

  async cancel(connection: SupplierConnection, quote: CancellationQuote, context?: CallContext): Promise<CancellationResult> {
    const { requestorId } = staylinkCredentials(connection);
    const read = await cancelCall(
      connection,
      'hotel.cancel',
      buildCancelRQ('Commit', quote.supplierReference, { quoteRef: quote.quoteRef, requestorId }),
      context,
    );
    if (read.status !== 'Cancelled') {
      throw new SupplierError(
        'SUPPLIER_BAD_RESPONSE',
        `${STAYLINK_SUPPLIER_ID} hotel.cancel: status ${read.status ?? '(none)'} after a commit`,
        { supplierId: STAYLINK_SUPPLIER_ID, operation: 'hotel.cancel' },
      );
    }
    const { penalty, refund } = penaltyAndRefund(read, 'hotel.cancel');
    return {
      supplierId: STAYLINK_SUPPLIER_ID,
      supplierReference: quote.supplierReference,
      status: 'cancelled',
      penalty,
      refund,
      cancellationReference: read.cancellationNumber,
    };
  },
};
