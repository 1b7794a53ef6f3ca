import { z } from 'zod';
import type { CabinClass, FlightSegment } from '../../products/air.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, pathOf } from '../../xml/xml-navigation.ts';
import type { OfferRef, SegmentRef } from './offer-ref.ts';

/** AirItinerary both ways: read from skyways' answers (and others' samples), written into price and book requests. */

/** A FlightSegment as read, every part optional as the schema has it. */
export interface OtaSegment {
  marketingCarrier?: string;
  flightNumber?: string;
  operatingCarrier?: string;
  origin?: string;
  destination?: string;
  departingAt?: string;
  arrivingAt?: string;
  bookingClass?: string;
  aircraft?: string;
  cabinType?: string;
  seatsAvailable?: number;
  /** Segment status (IATA HK/HX or OpenTravel STS codes). */
  status?: string;
}

function readSegment(segment: XmlNode): OtaSegment {
  const bookingClass = attributeOf(segment, 'ResBookDesigCode');
  const avails = childrenOf(segment, 'BookingClassAvails');
  const avail = avails
    .flatMap((a) => childrenOf(a, 'BookingClassAvail'))
    .find((a) => attributeOf(a, 'ResBookDesigCode') === bookingClass);
  const seats = Number(attributeOf(avail, 'ResBookDesigQuantity'));
  return {
    marketingCarrier: attributeOf(childOf(segment, 'MarketingAirline'), 'Code'),
    flightNumber: attributeOf(segment, 'FlightNumber'),
    operatingCarrier: attributeOf(childOf(segment, 'OperatingAirline'), 'Code'),
    origin: attributeOf(childOf(segment, 'DepartureAirport'), 'LocationCode'),
    destination: attributeOf(childOf(segment, 'ArrivalAirport'), 'LocationCode'),
    departingAt: attributeOf(segment, 'DepartureDateTime'),
    arrivingAt: attributeOf(segment, 'ArrivalDateTime'),
    bookingClass,
    aircraft: attributeOf(childOf(segment, 'Equipment'), 'AirEquipType'),
    cabinType: attributeOf(avails[0], 'CabinType'),
    seatsAvailable: Number.isInteger(seats) ? seats : undefined,
    status: attributeOf(segment, 'Status'),
  };
}

/** One list of segments per OriginDestinationOption; empty when the element is absent. */
export function readItinerarySlices(airItinerary: XmlNode | undefined): OtaSegment[][] {
  return childrenOf(pathOf(airItinerary, 'OriginDestinationOptions'), 'OriginDestinationOption').map((option) =>
    childrenOf(option, 'FlightSegment').map(readSegment),
  );
}

const CABINS: Record<string, CabinClass> = {
  Economy: 'economy',
  Y: 'economy',
  PremiumEconomy: 'premium_economy',
  W: 'premium_economy',
  Business: 'business',
  PremiumBusiness: 'business',
  C: 'business',
  J: 'business',
  First: 'first',
  Suite: 'first',
  F: 'first',
};

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** Only what an offer cannot do without is required; a segment lacking it makes its itinerary unsellable. */
const sellableSegmentSchema = z.object({
  marketingCarrier: z.string().min(2),
  flightNumber: z.string().min(1),
  origin: z.string().min(3),
  destination: z.string().min(3),
  departingAt: z.iso.datetime({ local: true, offset: true }),
  arrivingAt: z.iso.datetime({ local: true, offset: true }),
});

export function toFlightSegment(segment: OtaSegment, defaultCabin: CabinClass): FlightSegment | undefined {
  const parsed = sellableSegmentSchema.safeParse(segment);
  if (!parsed.success) return undefined;
  const { departingAt, arrivingAt } = parsed.data;
  const timed = WITH_OFFSET.test(departingAt) && WITH_OFFSET.test(arrivingAt);
  return {
    ...parsed.data,
    operatingCarrier: segment.operatingCarrier,
    cabinClass: CABINS[segment.cabinType ?? ''] ?? defaultCabin,
    bookingClass: segment.bookingClass,
    aircraft: segment.aircraft,
    durationMinutes: timed ? Math.round((Date.parse(arrivingAt) - Date.parse(departingAt)) / 60_000) : undefined,
  };
}

/** The segments an offer reference keeps, from the platform's segments. */
export function toSegmentRef(segment: FlightSegment): SegmentRef | undefined {
  if (!segment.bookingClass) return undefined;
  return {
    carrier: segment.marketingCarrier,
    flightNumber: segment.flightNumber,
    origin: segment.origin,
    destination: segment.destination,
    departingAt: segment.departingAt,
    arrivingAt: segment.arrivingAt,
    bookingClass: segment.bookingClass,
  };
}

function directionOf(slices: SegmentRef[][]): string {
  if (slices.length === 1) return 'OneWay';
  const returnsHome = slices.length === 2 && slices[0]![0]!.origin === slices[1]!.at(-1)!.destination;
  return returnsHome ? 'Return' : 'OpenJaw';
}

/** AirItinerary of a price or book request: the offer's flights, for `seats` seated travellers. */
export function airItineraryXml(ref: OfferRef, seats: number, status?: string): XmlNode {
  let rph = 0;
  return {
    '@_DirectionInd': directionOf(ref.slices),
    OriginDestinationOptions: {
      OriginDestinationOption: ref.slices.map((segments) => ({
        FlightSegment: segments.map((segment) => ({
          '@_DepartureDateTime': segment.departingAt,
          '@_ArrivalDateTime': segment.arrivingAt,
          '@_RPH': String(++rph),
          '@_FlightNumber': segment.flightNumber,
          '@_ResBookDesigCode': segment.bookingClass,
          '@_NumberInParty': String(seats),
          ...(status ? { '@_Status': status } : {}),
          DepartureAirport: { '@_LocationCode': segment.origin },
          ArrivalAirport: { '@_LocationCode': segment.destination },
          MarketingAirline: { '@_Code': segment.carrier },
        })),
      })),
    },
  };
}
