import type { AirOffer, AirSearchRequest, CabinClass } from '../../products/air.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, pathOf } from '../../xml/xml-navigation.ts';
import { readFareBasis, readItineraryFare, readRefundable, type ItineraryFare } from './air-fare.ts';
import { readItinerarySlices, toFlightSegment, toSegmentRef, type OtaSegment } from './air-itinerary.ts';
import { encodeOfferRef } from './offer-ref.ts';
import { SKYWAYS_SUPPLIER_ID } from './supplier-id.ts';

/** PricedItineraries (low fare search and price answers) as read, and as platform offers. */

export interface PricedItineraryView {
  sequenceNumber?: string;
  slices: OtaSegment[][];
  fare?: ItineraryFare;
  fareBasis?: string;
  refundable?: boolean;
  /** TicketingInfo/@TicketTimeLimit: the latest a booking made now could be ticketed. */
  ticketTimeLimit?: string;
}

export function readPricedItineraries(response: XmlNode): PricedItineraryView[] {
  return childrenOf(childOf(response, 'PricedItineraries'), 'PricedItinerary').map((itinerary) => {
    const pricing = childOf(itinerary, 'AirItineraryPricingInfo');
    return {
      sequenceNumber: attributeOf(itinerary, 'SequenceNumber'),
      slices: readItinerarySlices(childOf(itinerary, 'AirItinerary')),
      fare: readItineraryFare(pricing),
      fareBasis: readFareBasis(pricing),
      refundable: readRefundable(pricing),
      ticketTimeLimit: attributeOf(pathOf(itinerary, 'TicketingInfo'), 'TicketTimeLimit'),
    };
  });
}

export interface OfferContext {
  passengers: AirSearchRequest['passengers'];
  cabinClass: CabinClass;
}

/** Every item, or undefined when any is missing. */
function allOf<T>(items: Array<T | undefined>): T[] | undefined {
  return items.length > 0 && items.every((item) => item !== undefined) ? (items as T[]) : undefined;
}

/** A platform offer, or undefined when the itinerary lacks flights, times or a price to sell it by. */
export function toAirOffer(itinerary: PricedItineraryView, context: OfferContext): AirOffer | undefined {
  const { fare } = itinerary;
  const slices = allOf(
    itinerary.slices.map((segments) => allOf(segments.map((segment) => toFlightSegment(segment, context.cabinClass)))),
  );
  const refs = slices && allOf(slices.map((segments) => allOf(segments.map(toSegmentRef))));
  if (!fare || !slices || !refs) return undefined;
  const seats = allOf(itinerary.slices.flat().map((segment) => segment.seatsAvailable));
  return {
    supplierId: SKYWAYS_SUPPLIER_ID,
    supplierOfferRef: encodeOfferRef({ v: 1, slices: refs, cabinClass: context.cabinClass, currency: fare.total.currency }),
    slices: slices.map((segments) => ({ origin: segments[0]!.origin, destination: segments.at(-1)!.destination, segments })),
    passengers: context.passengers,
    base: fare.base,
    taxes: fare.taxes,
    total: fare.total,
    fareBasis: itinerary.fareBasis,
    refundable: itinerary.refundable,
    seatsRemaining: seats && Math.min(...seats),
  };
}
