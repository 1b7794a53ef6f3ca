import type { Money } from '../../money/money.ts';
import type { SupplierBooking, SupplierWarning } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf } from '../../xml/xml-navigation.ts';
import { readItineraryFare, type ItineraryFare } from './air-fare.ts';
import { readItinerarySlices } from './air-itinerary.ts';
import { badResponse, checkOtaStatus } from './ota-status.ts';
import { SKYWAYS_SUPPLIER_ID } from './supplier-id.ts';

/** AirReservation, as OTA_AirBookRS carries it after a booking and for every read. */
export interface ReservationView {
  /** The record locator: BookingReferenceID of type 14 (reservation), else the first one. */
  bookingReference?: string;
  segmentStatuses: string[];
  fare?: ItineraryFare;
  ticketTimeLimit?: string;
  ticketNumbers: string[];
  warnings: SupplierWarning[];
}

/** Segment statuses that mean the space is gone: cancelled, unable, no action taken. */
const CANCELLED_STATUSES = new Set(['HX', 'XX', 'XL', 'UN', 'UC', 'NO']);

export function readAirReservation(body: XmlNode, operation: string): ReservationView {
  const response = body.OTA_AirBookRS as XmlNode | undefined;
  if (!response) throw badResponse(operation, 'no OTA_AirBookRS in the answer');
  const warnings = checkOtaStatus(response, operation);
  const reservation = childOf(response, 'AirReservation');
  if (!reservation) throw badResponse(operation, 'the answer has no AirReservation');
  const references = childrenOf(reservation, 'BookingReferenceID');
  const ticketing = childrenOf(reservation, 'Ticketing');
  return {
    bookingReference: attributeOf(references.find((r) => attributeOf(r, 'Type') === '14') ?? references[0], 'ID'),
    segmentStatuses: readItinerarySlices(childOf(reservation, 'AirItinerary'))
      .flat()
      .map((segment) => segment.status ?? ''),
    fare: readItineraryFare(childOf(reservation, 'PriceInfo')),
    ticketTimeLimit: ticketing.map((t) => attributeOf(t, 'TicketTimeLimit')).find(Boolean),
    ticketNumbers: ticketing
      .map((t) => attributeOf(t, 'TicketDocumentNbr') ?? attributeOf(t, 'eTicketNumber'))
      .filter((n): n is string => Boolean(n)),
    warnings,
  };
}

export function bookingStatus(view: ReservationView): SupplierBooking['status'] {
  if (view.segmentStatuses.length > 0 && view.segmentStatuses.every((status) => CANCELLED_STATUSES.has(status.toUpperCase())))
    return 'cancelled';
  return view.ticketNumbers.length > 0 ? 'confirmed' : 'held';
}

/** The platform's booking; the total comes from the reservation, or from what was booked when it states none. */
export function toSupplierBooking(view: ReservationView, operation: string, bookedTotal?: Money): SupplierBooking {
  const total = view.fare?.total ?? bookedTotal;
  if (!view.bookingReference) throw badResponse(operation, 'the reservation has no booking reference');
  if (!total) throw badResponse(operation, `reservation ${view.bookingReference} states no price`);
  const status = bookingStatus(view);
  return {
    supplierId: SKYWAYS_SUPPLIER_ID,
    supplierReference: view.bookingReference,
    status,
    total,
    holdExpiresAt: status === 'held' ? view.ticketTimeLimit : undefined,
    documents: view.ticketNumbers,
  };
}
