import { minorToDecimal } from '@himal/gds';
import type { XmlNode } from '@himal/gds/xml';
import type { FareQuote, TaxLine } from './fares.ts';
import type { DatedFlight } from './flight-times.ts';
import type { Reservation } from './reservations.ts';

/** The XML content skyways' answers share: flight segments, fares, travellers, tickets. */

const CABIN_TYPE = { economy: 'Economy', business: 'Business' } as const;

/** Skyways shows at most 9 seats, as GDS availability displays do. */
const MAX_SEATS_SHOWN = 9;

export interface SegmentOptions {
  rbd: string;
  cabin: keyof typeof CABIN_TYPE;
  numberInParty: number;
  rph: number;
  /** IATA segment status (HK confirmed, HX cancelled); omitted in shopping answers. */
  status?: string;
  seatsLeft?: number;
}

function amount(value: number, currency: string): XmlNode {
  return { '@_Amount': minorToDecimal(value, currency), '@_CurrencyCode': currency };
}

export function flightSegmentNode(leg: DatedFlight, options: SegmentOptions): XmlNode {
  const { flight } = leg;
  return {
    '@_DepartureDateTime': leg.departureLocal,
    '@_ArrivalDateTime': leg.arrivalLocal,
    '@_StopQuantity': '0',
    '@_RPH': String(options.rph),
    '@_FlightNumber': flight.flightNumber,
    '@_ResBookDesigCode': options.rbd,
    '@_NumberInParty': String(options.numberInParty),
    ...(options.status ? { '@_Status': options.status } : {}),
    '@_E_TicketEligibility': 'Eligible',
    DepartureAirport: { '@_LocationCode': flight.origin },
    ArrivalAirport: { '@_LocationCode': flight.destination },
    OperatingAirline: { '@_Code': flight.carrier, '@_FlightNumber': flight.flightNumber },
    Equipment: { '@_AirEquipType': flight.aircraft },
    MarketingAirline: { '@_Code': flight.carrier },
    ...(options.seatsLeft !== undefined
      ? {
          BookingClassAvails: {
            '@_CabinType': CABIN_TYPE[options.cabin],
            BookingClassAvail: {
              '@_ResBookDesigCode': options.rbd,
              '@_ResBookDesigQuantity': String(Math.min(options.seatsLeft, MAX_SEATS_SHOWN)),
            },
          },
        }
      : {}),
  };
}

/** AirItinerary: one OriginDestinationOption per slice, segments numbered through (RPH) across slices. */
export function airItineraryNode(slices: DatedFlight[][], options: Omit<SegmentOptions, 'rph'>): XmlNode {
  let rph = 0;
  const direction =
    slices.length === 1
      ? 'OneWay'
      : slices.length === 2 && slices[0]![0]!.flight.origin === slices[1]!.at(-1)!.flight.destination
        ? 'Return'
        : 'OpenJaw';
  return {
    '@_DirectionInd': direction,
    OriginDestinationOptions: {
      OriginDestinationOption: slices.map((legs, i) => ({
        '@_RefNumber': String(i + 1),
        FlightSegment: legs.map((leg) => flightSegmentNode(leg, { ...options, rph: ++rph })),
      })),
    },
  };
}

function fareNode(base: number, taxes: TaxLine[], total: number, currency: string): XmlNode {
  return {
    BaseFare: amount(base, currency),
    ...(taxes.length
      ? {
          Taxes: {
            '@_Amount': minorToDecimal(
              taxes.reduce((sum, t) => sum + t.amount, 0),
              currency,
            ),
            Tax: taxes.map((tax) => ({ '@_TaxCode': tax.code, ...amount(tax.amount, currency) })),
          },
        }
      : {}),
    TotalFare: amount(total, currency),
  };
}

/** Totals, the per-passenger-type breakdown and the fare rules, as AirItineraryPricingInfo content. */
export function pricingInfoContent(quote: FareQuote, slices: DatedFlight[][]): XmlNode {
  const { brand, currency } = quote;
  return {
    '@_PricingSource': 'Published',
    '@_ValidatingAirlineCode': slices[0]![0]!.flight.carrier,
    ItinTotalFare: fareNode(quote.base, quote.taxes, quote.total, currency),
    PTC_FareBreakdowns: {
      PTC_FareBreakdown: quote.passengers.map((p) => ({
        PassengerTypeQuantity: { '@_Code': p.ptc, '@_Quantity': String(p.quantity) },
        FareBasisCodes: { FareBasisCode: slices.map(() => brand.fareBasis) },
        PassengerFare: fareNode(p.base, p.taxes, p.total, currency),
      })),
    },
    FareInfos: {
      FareInfo: slices.map((legs) => ({
        DepartureDate: legs[0]!.departureLocal,
        FareReference: { '@_ResBookDesigCode': brand.rbd, '#text': brand.fareBasis },
        RuleInfo: {
          ChargesRules: {
            VoluntaryChanges: { '@_VolChangeInd': String(brand.name !== 'saver') },
            VoluntaryRefunds: brand.refundable
              ? {
                  '@_VolChangeInd': 'true',
                  Penalty: { '@_PenaltyType': 'Cancel', '@_Percent': String(brand.cancelPenaltyPercent) },
                }
              : { '@_VolChangeInd': 'false' },
          },
        },
        FilingAirline: { '@_Code': legs[0]!.flight.carrier },
        DepartureAirport: { '@_LocationCode': legs[0]!.flight.origin },
        ArrivalAirport: { '@_LocationCode': legs.at(-1)!.flight.destination },
      })),
    },
  };
}

export function isoInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** AirReservation as OTA_AirBookRS carries it, for a new hold and for every later read. */
export function airReservationNode(reservation: Reservation): XmlNode {
  const { quote } = reservation;
  const status = reservation.status === 'cancelled' ? 'HX' : 'HK';
  const seated = reservation.travelers.filter((t) => t.ptc !== 'INF').length;
  return {
    '@_CreateDateTime': isoInstant(reservation.createdAt),
    AirItinerary: airItineraryNode(reservation.slices, {
      rbd: quote.brand.rbd,
      cabin: quote.brand.cabin,
      numberInParty: seated,
      status,
    }),
    PriceInfo: pricingInfoContent(quote, reservation.slices),
    TravelerInfo: {
      AirTraveler: reservation.travelers.map((traveler) => ({
        ...(traveler.birthDate ? { '@_BirthDate': traveler.birthDate } : {}),
        ...(traveler.gender ? { '@_Gender': traveler.gender } : {}),
        '@_PassengerTypeCode': traveler.ptc,
        PersonName: {
          ...(traveler.namePrefix ? { NamePrefix: traveler.namePrefix } : {}),
          GivenName: traveler.givenName,
          Surname: traveler.surname,
        },
        ...(traveler.phone ? { Telephone: { '@_PhoneNumber': traveler.phone } } : {}),
        ...(traveler.email ? { Email: traveler.email } : {}),
        TravelerRefNumber: { '@_RPH': traveler.rph },
      })),
    },
    Ticketing: reservation.tickets.length
      ? reservation.tickets.map((ticket) => ({
          '@_TicketType': 'eTicket',
          '@_TravelerRefNumber': ticket.travelerRph,
          '@_TicketDocumentNbr': ticket.number,
        }))
      : [
          {
            '@_TicketTimeLimit': isoInstant(reservation.ticketTimeLimit),
            '@_CancelOnExpiryInd': 'true',
            '@_TicketType': 'eTicket',
          },
        ],
    BookingReferenceID: { '@_Type': '14', '@_ID': reservation.locator, CompanyName: { '@_CompanyShortName': 'Skyways' } },
  };
}
