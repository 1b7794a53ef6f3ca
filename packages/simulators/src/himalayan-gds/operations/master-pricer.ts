import { z } from 'zod';
import { minorToDecimal } from '@himal/gds';
import type { XmlNode } from '@himal/gds/xml';
import { GDS_ERRORS, GDS_WARNINGS, GdsErrorReply, withDetail, type GdsError } from '../error-catalogue.ts';
import { priceJourney, type PassengerCounts, type PricedJourney } from '../journey-pricing.ts';
import { fromEdifactDate, toEdifactDate, toEdifactTime } from '../local-time.ts';
import { errorMessage } from '../replies.ts';
import type { Cabin } from '../world/aircraft.ts';
import { AIRPORTS } from '../world/airports.ts';
import { OFFICE_CURRENCY, REPLY_CURRENCIES } from '../world/currency.ts';
import { PASSENGER_TYPES, type PassengerType } from '../world/fares.ts';
import { elapsedMinutes, journeysFor } from '../world/journeys.ts';
import type { ScheduledFlight } from '../world/timetable.ts';
import { SALES_CLOSE_MS } from './flight-lookup.ts';
import { applyPriceChange, parseRequest, type GdsOperation } from './operation-call.ts';

const location = z.object({ locationId: z.string() });
const searchSchema = z.object({
  numberOfUnit: z.object({
    unitNumberDetail: z.array(z.object({ numberOfUnits: z.string().regex(/^\d+$/), typeOfUnit: z.string() })),
  }),
  paxReference: z.array(
    z.object({
      ptc: z.enum(['ADT', 'CH', 'INF']),
      traveller: z.array(z.object({ ref: z.string(), infantIndicator: z.string().optional() })),
    }),
  ),
  fareOptions: z
    .object({ conversionRate: z.object({ conversionRateDetail: z.object({ currency: z.string() }) }).optional() })
    .optional(),
  travelFlightInfo: z
    .object({
      cabinId: z.object({ cabin: z.string() }).optional(),
      flightDetail: z.object({ flightType: z.string() }).optional(),
    })
    .optional(),
  itinerary: z
    .array(
      z.object({
        departureLocalization: z.object({ departurePoint: location }),
        arrivalLocalization: z.object({ arrivalPointDetails: location }),
        timeDetails: z.object({ firstDateTimeDetail: z.object({ date: z.string() }) }),
      }),
    )
    .min(1)
    .max(6),
});

/** Cabins this network sells; W (premium economy) and F (first) are known but not flown. */
const SOLD_CABINS: Record<string, Cabin> = { Y: 'Y', C: 'C' };
const KNOWN_CABINS = new Set(['Y', 'W', 'C', 'F']);
const DEFAULT_RECOMMENDATIONS = 250;
/** Beyond this many combinations of flights the cheapest options per segment are kept. */
const MAX_COMBINATIONS = 5_000;

interface SegmentOption {
  ref: number;
  journey: PricedJourney;
}

function amount(minor: number, currency: string): string {
  return minorToDecimal(minor, currency);
}

function flightInformation(flight: ScheduledFlight): XmlNode {
  return {
    flightInformation: {
      productDateTime: {
        dateOfDeparture: toEdifactDate(flight.departureDate),
        timeOfDeparture: toEdifactTime(flight.departureMinutes),
        dateOfArrival: toEdifactDate(flight.arrivalDate),
        timeOfArrival: toEdifactTime(flight.arrivalMinutes),
      },
      location: [{ locationId: flight.origin.code }, { locationId: flight.destination.code }],
      companyId: { marketingCarrier: flight.carrier },
      flightOrtrainNumber: flight.number,
      productDetail: { equipmentType: flight.equipment },
      addProductDetail: { electronicTicketing: 'Y' },
      attributeDetails: [{ attributeType: 'EFT', attributeDescription: toEdifactTime(flight.durationMinutes) }],
    },
  };
}

function majorityCarrier(flights: readonly ScheduledFlight[]): string {
  const counts = new Map<string, number>();
  for (const flight of flights) counts.set(flight.carrier, (counts.get(flight.carrier) ?? 0) + flight.durationMinutes);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function flightIndex(segRef: number, options: SegmentOption[]): XmlNode {
  return {
    requestedSegmentRef: { segRef: String(segRef) },
    groupOfFlights: options.map(({ ref, journey }) => ({
      propFlightGrDetail: {
        flightProposal: [
          { ref: String(ref) },
          { ref: toEdifactTime(elapsedMinutes(journey.flights)), unitQualifier: 'EFT' },
          { ref: majorityCarrier(journey.flights), unitQualifier: 'MCX' },
        ],
      },
      flightDetails: journey.flights.map(flightInformation),
    })),
  };
}

/** Every combination of one option per requested segment, cheapest options first when there are too many. */
function combinations(perSegment: SegmentOption[][]): SegmentOption[][] {
  const keep = Math.max(1, Math.floor(MAX_COMBINATIONS ** (1 / perSegment.length)));
  const trimmed = perSegment.map((options) =>
    [...options].sort((a, b) => a.journey.total.amountMinor - b.journey.total.amountMinor).slice(0, keep),
  );
  return trimmed.reduce<SegmentOption[][]>(
    (combos, options) => combos.flatMap((combo) => options.map((option) => [...combo, option])),
    [[]],
  );
}

function travellerRefs(passengers: PassengerCounts): Record<PassengerType, XmlNode[]> {
  const adults = Array.from({ length: passengers.ADT }, (_, i) => ({ ref: String(i + 1) }));
  const children = Array.from({ length: passengers.CH }, (_, i) => ({ ref: String(passengers.ADT + i + 1) }));
  const infants = Array.from({ length: passengers.INF }, (_, i) => ({ ref: String(i + 1), infantIndicator: '1' }));
  return { ADT: adults, CH: children, INF: infants };
}

/** What makes combinations one recommendation: the same price, classes, availability and validating carrier. */
function signature(combo: SegmentOption[]): string {
  return JSON.stringify(
    combo.map(({ journey }) => [
      journey.flights[0]!.carrier,
      journey.refundable,
      Object.entries(journey.byPassenger).map(([type, price]) => [type, price.total.amountMinor, price.taxTotal.amountMinor]),
      journey.segments.map((fare) => [fare.rbd, Math.min(9, fare.seatsLeft)]),
    ]),
  );
}

function recommendation(number: number, combos: SegmentOption[][], passengers: PassengerCounts, currency: string): XmlNode {
  const journeys = combos[0]!.map((option) => option.journey);
  const refs = travellerRefs(passengers);
  const types = PASSENGER_TYPES.filter((type) => passengers[type] > 0);
  const perType = (type: PassengerType, part: 'total' | 'taxTotal') =>
    journeys.reduce((sum, journey) => sum + journey.byPassenger[type]![part].amountMinor, 0);
  const total = types.reduce((sum, type) => sum + perType(type, 'total') * passengers[type], 0);
  const taxes = types.reduce((sum, type) => sum + perType(type, 'taxTotal') * passengers[type], 0);
  const refundable = journeys.every((journey) => journey.refundable);
  return {
    itemNumber: { itemNumberId: { number: String(number) } },
    recPriceInfo: { monetaryDetail: [{ amount: amount(total, currency) }, { amount: amount(taxes, currency) }] },
    segmentFlightRef: combos.map((combo) => ({
      referencingDetail: combo.map((option) => ({ refQualifier: 'S', refNumber: String(option.ref) })),
    })),
    paxFareProduct: types.map((type, index) => ({
      paxFareDetail: {
        paxFareNum: String(index + 1),
        totalFareAmount: amount(perType(type, 'total'), currency),
        totalTaxAmount: amount(perType(type, 'taxTotal'), currency),
        codeShareDetails: { company: journeys[0]!.flights[0]!.carrier },
      },
      paxReference: { ptc: type, traveller: refs[type] },
      fare: refundable
        ? []
        : [
            {
              pricingMessage: {
                freeTextQualification: { textSubjectQualifier: 'PEN', informationType: '70' },
                description: ['TICKETS ARE NON-REFUNDABLE'],
              },
            },
          ],
      fareDetails: journeys.map((journey, segment) => ({
        segmentRef: { segRef: String(segment + 1) },
        groupOfFares: journey.segments.map((fare) => ({
          productInformation: {
            cabinProduct: { rbd: fare.rbd, cabin: journey.cabin, avlStatus: String(Math.min(9, fare.seatsLeft)) },
            fareProductDetail: { fareBasis: fare.byPassenger[type].fareBasis, passengerType: type },
          },
        })),
      })),
    })),
  };
}

/**
 * Fare_MasterPricerTravelBoardSearch: flights per requested segment in flightIndex, priced
 * combinations in recommendation elements that point at them by reference.
 */
export const masterPricerSearch: GdsOperation = (body, call) => {
  const request = parseRequest(searchSchema, body);
  applyPriceChange(call);
  const passengers: PassengerCounts = { ADT: 0, CH: 0, INF: 0 };
  for (const reference of request.paxReference) passengers[reference.ptc] += reference.traveller.length;
  if (passengers.ADT === 0 || passengers.INF > passengers.ADT)
    throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, 'EACH INFANT NEEDS AN ADULT'));
  const cabinCode = request.travelFlightInfo?.cabinId?.cabin ?? 'Y';
  if (!KNOWN_CABINS.has(cabinCode)) throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, `CABIN ${cabinCode}`));
  const cabin = SOLD_CABINS[cabinCode];
  if (!cabin) throw new GdsErrorReply(GDS_ERRORS.noFare);

  const warnings: GdsError[] = [];
  const asked = request.fareOptions?.conversionRate?.conversionRateDetail.currency;
  const currency = asked && REPLY_CURRENCIES.has(asked) ? asked : OFFICE_CURRENCY;
  if (asked && asked !== currency) warnings.push(GDS_WARNINGS.currencyNotSupported);
  const wanted = request.numberOfUnit.unitNumberDetail.find((unit) => unit.typeOfUnit === 'RC');
  const maxRecommendations = wanted ? Number(wanted.numberOfUnits) : DEFAULT_RECOMMENDATIONS;

  const perSegment = request.itinerary.map((itinerary, index): SegmentOption[] => {
    const origin = itinerary.departureLocalization.departurePoint.locationId;
    const destination = itinerary.arrivalLocalization.arrivalPointDetails.locationId;
    const date = fromEdifactDate(itinerary.timeDetails.firstDateTimeDetail.date);
    if (!AIRPORTS.has(origin) || !AIRPORTS.has(destination))
      throw new GdsErrorReply(withDetail(GDS_ERRORS.noItinerary, `SEGMENT ${index + 1}`));
    if (!date) throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, `INVALID DATE SEGMENT ${index + 1}`));
    const journeys = journeysFor(origin, destination, date, {
      nonstopOnly: request.travelFlightInfo?.flightDetail?.flightType === 'N',
      bookableFrom: call.now + SALES_CLOSE_MS,
    });
    const priced = journeys
      .map((flights) => priceJourney(flights, cabin, passengers, currency, call.world.inventory, call.world.drift.basisPoints))
      .filter((journey): journey is PricedJourney => journey !== 'sold-out');
    if (priced.length === 0) throw new GdsErrorReply(withDetail(GDS_ERRORS.noItinerary, `SEGMENT ${index + 1}`));
    return priced.map((journey, i) => ({ ref: i + 1, journey }));
  });

  const totalOf = (combo: SegmentOption[]) => combo.reduce((sum, option) => sum + option.journey.total.amountMinor, 0);
  const grouped = new Map<string, SegmentOption[][]>();
  for (const combo of combinations(perSegment).sort((a, b) => totalOf(a) - totalOf(b))) {
    const key = signature(combo);
    grouped.set(key, [...(grouped.get(key) ?? []), combo]);
  }
  let recommendations = [...grouped.values()].slice(0, maxRecommendations);
  if (call.faults.take(call.operation, ['warning'])) {
    recommendations = recommendations.slice(0, Math.ceil(recommendations.length / 2));
    warnings.push(GDS_WARNINGS.partialResults);
  }
  if (perSegment.some((options) => options.some(({ journey }) => journey.flights.some((flight) => flight.mountain))))
    warnings.push(GDS_WARNINGS.mountainWeather);

  return {
    errorMessage: warnings.map((warning) => errorMessage(warning, 'WEC')),
    conversionRate: { conversionRateDetail: { currency } },
    flightIndex: perSegment.map((options, index) => flightIndex(index + 1, options)),
    recommendation: recommendations.map((combos, index) => recommendation(index + 1, combos, passengers, currency)),
  };
};
