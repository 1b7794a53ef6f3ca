import { attributeOf, childOf, childrenOf, childText, pathOf, type XmlNode } from '@himal/gds/xml';
import type { PassengerMix, Ptc } from './fares.ts';
import type { Cabin } from './network.ts';
import { SKYWAYS_ERRORS, refuse } from './ota-envelope.ts';
import type { Traveler } from './reservations.ts';

/** Reading the OpenTravel requests skyways accepts, into what its engine needs; anything missing is refused with OTA code 321. */

/** Elements that repeat in skyways' requests. */
export const REQUEST_ARRAYS = [
  'OriginDestinationInformation',
  'OriginDestinationOption',
  'FlightSegment',
  'PassengerTypeQuantity',
  'AirTravelerAvail',
  'AirTraveler',
  'CabinPref',
  'Source',
  'UniqueID',
  'ReadRequest',
  'GivenName',
  'NamePrefix',
  'Telephone',
  'Email',
];

/** Attributes as skyways reads them: trimmed, and blank is absent. */
function attr(element: XmlNode | undefined, name: string): string | undefined {
  return attributeOf(element, name)?.trim() || undefined;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') refuse(SKYWAYS_ERRORS.requiredFieldMissing, `${what} is required`);
  return value;
}

export function echoTokenOf(message: XmlNode): string | undefined {
  return attr(message, 'EchoToken');
}

const PTC_ALIASES: Record<string, Ptc> = { ADT: 'ADT', CHD: 'CHD', CNN: 'CHD', INF: 'INF' };

function ptcOf(code: string | undefined): Ptc {
  const ptc = PTC_ALIASES[required(code, 'PassengerTypeQuantity/@Code')];
  if (!ptc) refuse(SKYWAYS_ERRORS.partyMismatch, `passenger type ${code} is not sold`);
  return ptc;
}

/** PassengerTypeQuantity counts from TravelerInfoSummary/AirTravelerAvail. */
export function readPassengerMix(message: XmlNode): PassengerMix {
  const mix: PassengerMix = { ADT: 0, CHD: 0, INF: 0 };
  const summary = childOf(message, 'TravelerInfoSummary');
  for (const avail of childrenOf(summary, 'AirTravelerAvail')) {
    for (const ptq of childrenOf(avail, 'PassengerTypeQuantity')) {
      mix[ptcOf(attr(ptq, 'Code'))] += Number(attr(ptq, 'Quantity') ?? '1');
    }
  }
  if (mix.ADT + mix.CHD + mix.INF === 0)
    refuse(SKYWAYS_ERRORS.requiredFieldMissing, 'TravelerInfoSummary/AirTravelerAvail/PassengerTypeQuantity is required');
  if (mix.ADT === 0 || mix.INF > mix.ADT)
    refuse(SKYWAYS_ERRORS.partyMismatch, 'every party needs an adult, and an adult per infant');
  return mix;
}

/** The selling currency: PriceRequestInformation/@CurrencyCode, else the point of sale's, else US dollars. */
export function readCurrency(message: XmlNode): string {
  const priceRequest = pathOf(message, 'TravelerInfoSummary', 'PriceRequestInformation');
  return attr(priceRequest, 'CurrencyCode') ?? attr(pathOf(message, 'POS', 'Source'), 'ISOCurrency') ?? 'USD';
}

const CABINS: Record<string, Cabin | 'unsold'> = {
  Economy: 'economy',
  Y: 'economy',
  Business: 'business',
  C: 'business',
  J: 'business',
};

export interface SearchQuery {
  slices: Array<{ origin: string; destination: string; date: string }>;
  cabin: Cabin | 'unsold';
  maxConnections: number;
  maxResponses: number;
  /** TravelPreferences/VendorPref: carriers PreferLevel="Only" (none: any) and "Unacceptable". */
  carriers: { only: string[]; unacceptable: string[] };
}

/** Whether every leg of an itinerary is flown by a carrier the request accepts. */
export function carriersAccepted(carriers: SearchQuery['carriers'], legCarriers: string[]): boolean {
  return legCarriers.every(
    (carrier) => !carriers.unacceptable.includes(carrier) && (carriers.only.length === 0 || carriers.only.includes(carrier)),
  );
}

/** The most itineraries a search answers, whatever MaxResponses asks (a simulator option may raise it). */
export const MAX_RESPONSES_CEILING = 200;

export function readLowFareSearch(message: XmlNode, ceiling = MAX_RESPONSES_CEILING): SearchQuery {
  const slices = childrenOf(message, 'OriginDestinationInformation').map((odi) => {
    const departure = childText(odi, 'DepartureDateTime');
    return {
      origin: required(attr(childOf(odi, 'OriginLocation'), 'LocationCode'), 'OriginLocation/@LocationCode'),
      destination: required(attr(childOf(odi, 'DestinationLocation'), 'LocationCode'), 'DestinationLocation/@LocationCode'),
      date: required(departure, 'OriginDestinationInformation/DepartureDateTime').slice(0, 10),
    };
  });
  if (slices.length === 0) refuse(SKYWAYS_ERRORS.requiredFieldMissing, 'OriginDestinationInformation is required');
  const preferences = childOf(message, 'TravelPreferences');
  const cabinPref = childrenOf(preferences, 'CabinPref')[0];
  const cabin = CABINS[attr(cabinPref, 'Cabin') ?? 'Economy'] ?? 'unsold';
  const maxConnections = attr(childOf(preferences, 'FlightTypePref'), 'MaxConnections') ?? attr(preferences, 'MaxStopsQuantity');
  const directOnly = attr(message, 'DirectFlightsOnly') === 'true';
  const vendorPrefs = childrenOf(preferences, 'VendorPref');
  const codesAt = (level: string) =>
    vendorPrefs.filter((pref) => attr(pref, 'PreferLevel') === level).flatMap((pref) => attr(pref, 'Code') ?? []);
  return {
    slices,
    cabin,
    maxConnections: directOnly ? 0 : Number(maxConnections ?? '1'),
    maxResponses: Math.min(Number(attr(message, 'MaxResponses') ?? '50'), ceiling),
    carriers: { only: codesAt('Only'), unacceptable: codesAt('Unacceptable') },
  };
}

export interface RequestedSegment {
  carrier: string;
  flightNumber: string;
  origin: string;
  destination: string;
  /** Local departure date and time as the request states them. */
  date: string;
  time?: string;
  rbd: string;
}

/** AirItinerary of a price or book request: one list of segments per OriginDestinationOption. */
export function readItinerary(message: XmlNode): RequestedSegment[][] {
  const options = childrenOf(pathOf(message, 'AirItinerary', 'OriginDestinationOptions'), 'OriginDestinationOption');
  if (options.length === 0) refuse(SKYWAYS_ERRORS.requiredFieldMissing, 'AirItinerary/OriginDestinationOptions is required');
  return options.map((option) =>
    childrenOf(option, 'FlightSegment').map((segment) => {
      const departure = required(attr(segment, 'DepartureDateTime'), 'FlightSegment/@DepartureDateTime');
      return {
        carrier: required(attr(childOf(segment, 'MarketingAirline'), 'Code'), 'FlightSegment/MarketingAirline/@Code'),
        flightNumber: required(attr(segment, 'FlightNumber'), 'FlightSegment/@FlightNumber'),
        origin: required(
          attr(childOf(segment, 'DepartureAirport'), 'LocationCode'),
          'FlightSegment/DepartureAirport/@LocationCode',
        ),
        destination: required(
          attr(childOf(segment, 'ArrivalAirport'), 'LocationCode'),
          'FlightSegment/ArrivalAirport/@LocationCode',
        ),
        date: departure.slice(0, 10),
        time: departure.length >= 16 ? departure.slice(11, 16) : undefined,
        rbd: required(attr(segment, 'ResBookDesigCode'), 'FlightSegment/@ResBookDesigCode'),
      };
    }),
  );
}

/** The total the client expects to pay (PriceInfo/ItinTotalFare/TotalFare), to refuse a booking at a changed fare. */
export function readExpectedTotal(message: XmlNode): { amount: string; currency: string } | undefined {
  const total = pathOf(message, 'PriceInfo', 'ItinTotalFare', 'TotalFare');
  const amount = attr(total, 'Amount');
  const currency = attr(total, 'CurrencyCode');
  return amount && currency ? { amount, currency } : undefined;
}

const GENDERS = new Set(['Male', 'Female', 'Unknown']);

export function readTravelers(message: XmlNode): Traveler[] {
  const travelers = childrenOf(childOf(message, 'TravelerInfo'), 'AirTraveler').map((traveler, i) => {
    const name = childOf(traveler, 'PersonName');
    const gender = attr(traveler, 'Gender');
    return {
      rph: attr(childOf(traveler, 'TravelerRefNumber'), 'RPH') ?? String(i + 1),
      ptc: ptcOf(attr(traveler, 'PassengerTypeCode') ?? 'ADT'),
      namePrefix: childText(name, 'NamePrefix'),
      givenName: required(childText(name, 'GivenName'), 'AirTraveler/PersonName/GivenName'),
      surname: required(childText(name, 'Surname'), 'AirTraveler/PersonName/Surname'),
      birthDate: attr(traveler, 'BirthDate'),
      gender: gender && GENDERS.has(gender) ? gender : undefined,
      phone: attr(childrenOf(traveler, 'Telephone')[0], 'PhoneNumber'),
      email: childText(traveler, 'Email'),
    };
  });
  if (travelers.length === 0) refuse(SKYWAYS_ERRORS.requiredFieldMissing, 'TravelerInfo/AirTraveler is required');
  return travelers;
}

/** The record locator a request is about: BookingReferenceID, UniqueID Type 14, or ReadRequest/UniqueID. */
export function readLocator(message: XmlNode): string {
  const reference =
    attr(pathOf(message, 'DemandTicketDetail', 'BookingReferenceID'), 'ID') ??
    attr(
      childrenOf(message, 'UniqueID').find((id) => attr(id, 'Type') === '14'),
      'ID',
    ) ??
    attr(childOf(childrenOf(childOf(message, 'ReadRequests'), 'ReadRequest')[0], 'UniqueID'), 'ID');
  return required(reference, 'the booking reference (UniqueID Type 14)');
}

/**
 * CancelType as OpenTravel defines the two-phase cancel: Quote or Initiate asks what cancelling costs
 * (and keeps that quote), Commit cancels on the quote named (or the booking's latest one), Cancel
 * does both at once at today's charge.
 */
export interface CancelRequest {
  type: 'Quote' | 'Commit' | 'Cancel';
  quoteId?: string;
  /** The charge the client accepts (CancellationOverrides/CancellationOverride of type Charge). */
  acceptedCharge?: { amount: string; currency?: string };
}

export function readCancel(message: XmlNode): CancelRequest {
  const given = attr(message, 'CancelType');
  const type = given === 'Initiate' ? 'Quote' : given;
  if (type !== 'Quote' && type !== 'Commit' && type !== 'Cancel')
    refuse(
      SKYWAYS_ERRORS.unableToProcess,
      `CancelType ${given ?? '(none)'}: skyways cancels with Quote (or Initiate) then Commit, or with Cancel`,
    );
  const quoteId = attr(
    childrenOf(message, 'UniqueID').find((id) => attr(id, 'ID_Context') === 'CancelQuote'),
    'ID',
  );
  const override = pathOf(message, 'CancellationOverrides', 'CancellationOverride');
  const amount = attr(override, 'Amount');
  return { type, quoteId, acceptedCharge: amount ? { amount, currency: attr(override, 'CurrencyCode') } : undefined };
}
