import { z } from 'zod';
import { decimalToMinor } from '../../money/money.ts';
import type { AirOffer, AirSearchRequest, FlightSegment } from '../../products/air.ts';
import { buildXml, type XmlNode } from '../../xml/safe-xml.ts';
import { HIMALAYAN_GDS_NS } from './dialect.ts';
import { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';
import { edifactMinutes, localDateTime, toEdifactDate } from './edifact-dates.ts';
import { encodeOfferRef, type OfferRefSegment } from './offer-ref.ts';
import { cabinClassOf, cabinCode, PTCS, ptcCounts, seatCount, travellerRefs } from './passenger-types.ts';

/** How many recommendations to ask for: the GDS groups itineraries of equal price into one. */
/** Recommendations asked for: each holds one or more combinations (offers), cheapest first. */
const MAX_RECOMMENDATIONS = 100;
/** Offers read from one answer at most; the platform keeps no more of one supplier's (cheapestOffers). */
const MAX_OFFERS = 200;

export function masterPricerRequest(request: AirSearchRequest): string {
  const counts = ptcCounts(request.passengers);
  const refs = travellerRefs(counts);
  return buildXml({
    Fare_MasterPricerTravelBoardSearch: {
      '@_xmlns': HIMALAYAN_GDS_NS,
      numberOfUnit: {
        unitNumberDetail: [
          { numberOfUnits: String(seatCount(counts)), typeOfUnit: 'PX' },
          { numberOfUnits: String(MAX_RECOMMENDATIONS), typeOfUnit: 'RC' },
        ],
      },
      paxReference: PTCS.filter((ptc) => counts[ptc] > 0).map((ptc) => ({
        ptc,
        traveller: refs[ptc].map((ref) => (ptc === 'INF' ? { ref, infantIndicator: '1' } : { ref })),
      })),
      fareOptions: {
        // Electronic tickets, published and unifares.
        pricingTickInfo: { pricingTicketing: { priceType: ['ET', 'RP', 'RU'] } },
        conversionRate: request.currency ? { conversionRateDetail: { currency: request.currency } } : undefined,
      },
      travelFlightInfo: {
        cabinId: { cabin: cabinCode(request.cabinClass) },
        flightDetail: request.maxConnections === 0 ? { flightType: 'N' } : undefined,
      },
      itinerary: request.slices.map((slice, index) => ({
        requestedSegmentRef: { segRef: String(index + 1) },
        departureLocalization: { departurePoint: { locationId: slice.origin } },
        arrivalLocalization: { arrivalPointDetails: { locationId: slice.destination } },
        timeDetails: { firstDateTimeDetail: { date: toEdifactDate(slice.departureDate) } },
      })),
    },
  });
}

const REPLY = 'Envelope.Body.Fare_MasterPricerTravelBoardSearchReply';
export const MASTER_PRICER_ARRAYS = [
  'flightIndex',
  'groupOfFlights',
  'flightProposal',
  'flightDetails',
  'location',
  'attributeDetails',
  'recommendation',
  'monetaryDetail',
  'segmentFlightRef',
  'referencingDetail',
  'paxFareProduct',
  `${REPLY}.recommendation.paxFareProduct.paxReference.traveller`,
  'fare',
  `${REPLY}.recommendation.paxFareProduct.fare.pricingMessage.description`,
  'fareDetails',
  'groupOfFares',
];

const flightInformationSchema = z.object({
  productDateTime: z.object({
    dateOfDeparture: z.string(),
    timeOfDeparture: z.string(),
    dateOfArrival: z.string(),
    timeOfArrival: z.string(),
  }),
  location: z.array(z.object({ locationId: z.string() })).length(2),
  companyId: z.object({ marketingCarrier: z.string(), operatingCarrier: z.string().optional() }),
  flightOrtrainNumber: z.string(),
  productDetail: z.object({ equipmentType: z.string() }).optional(),
  attributeDetails: z.array(z.object({ attributeType: z.string(), attributeDescription: z.string() })).optional(),
});
type FlightInformation = z.infer<typeof flightInformationSchema>;

const replySchema = z.object({
  conversionRate: z.object({ conversionRateDetail: z.object({ currency: z.string() }) }),
  flightIndex: z
    .array(
      z.object({
        requestedSegmentRef: z.object({ segRef: z.string() }),
        groupOfFlights: z.array(
          z.object({
            propFlightGrDetail: z.object({
              flightProposal: z.array(z.object({ ref: z.string(), unitQualifier: z.string().optional() })),
            }),
            flightDetails: z.array(z.object({ flightInformation: flightInformationSchema })).min(1),
          }),
        ),
      }),
    )
    .default([]),
  recommendation: z
    .array(
      z.object({
        recPriceInfo: z.object({ monetaryDetail: z.array(z.object({ amount: z.string() })).min(2) }),
        segmentFlightRef: z.array(
          z.object({ referencingDetail: z.array(z.object({ refQualifier: z.string(), refNumber: z.string() })) }),
        ),
        paxFareProduct: z
          .array(
            z.object({
              paxFareDetail: z.object({ totalFareAmount: z.string(), totalTaxAmount: z.string() }),
              paxReference: z.object({ ptc: z.string(), traveller: z.array(z.unknown()).min(1) }),
              fare: z
                .array(
                  z.object({
                    pricingMessage: z.object({ freeTextQualification: z.object({ informationType: z.string().optional() }) }),
                  }),
                )
                .optional(),
              fareDetails: z.array(
                z.object({
                  segmentRef: z.object({ segRef: z.string() }),
                  groupOfFares: z.array(
                    z.object({
                      productInformation: z.object({
                        cabinProduct: z.object({
                          rbd: z.string(),
                          cabin: z.string().optional(),
                          avlStatus: z.string().optional(),
                        }),
                        fareProductDetail: z.object({ fareBasis: z.string() }),
                      }),
                    }),
                  ),
                }),
              ),
            }),
          )
          .min(1),
      }),
    )
    .default([]),
});
type Recommendation = z.infer<typeof replySchema>['recommendation'][number];
type FlightGroup = FlightInformation[];

/** Free-text information type 70: the fare is non-refundable. */
const NON_REFUNDABLE = '70';

function toSegment(
  flight: FlightInformation,
  cabinClass: FlightSegment['cabinClass'],
  bookingClass: string | undefined,
): FlightSegment {
  const times = flight.productDateTime;
  const elapsed = flight.attributeDetails?.find((attribute) => attribute.attributeType === 'EFT')?.attributeDescription;
  return {
    marketingCarrier: flight.companyId.marketingCarrier,
    flightNumber: flight.flightOrtrainNumber,
    operatingCarrier: flight.companyId.operatingCarrier,
    origin: flight.location[0]!.locationId,
    destination: flight.location[1]!.locationId,
    departingAt: localDateTime(times.dateOfDeparture, times.timeOfDeparture),
    arrivingAt: localDateTime(times.dateOfArrival, times.timeOfArrival),
    cabinClass,
    bookingClass,
    aircraft: flight.productDetail?.equipmentType,
    durationMinutes: elapsed ? edifactMinutes(elapsed) : undefined,
  };
}

/** The recommendation's amounts: its total and taxes, checked against the per-passenger fares they add up from. */
function recommendationAmounts(recommendation: Recommendation, currency: string): { total: number; taxes: number } {
  const [totalText, taxesText] = recommendation.recPriceInfo.monetaryDetail;
  const total = decimalToMinor(totalText!.amount, currency);
  const taxes = decimalToMinor(taxesText!.amount, currency);
  const sum = (pick: (detail: { totalFareAmount: string; totalTaxAmount: string }) => string) =>
    recommendation.paxFareProduct.reduce(
      (acc, product) => acc + decimalToMinor(pick(product.paxFareDetail), currency) * product.paxReference.traveller.length,
      0,
    );
  if (sum((detail) => detail.totalFareAmount) !== total || sum((detail) => detail.totalTaxAmount) !== taxes) {
    throw new Error(`recommendation total ${totalText!.amount} ${currency} is not the sum of its passengers' fares`);
  }
  return { total, taxes };
}

/**
 * Joins the reply's references back together: every segmentFlightRef of a recommendation names
 * one groupOfFlights per requested segment; each such combination is one offer at the
 * recommendation's price.
 */
export function masterPricerOffers(replyNode: XmlNode, request: AirSearchRequest): AirOffer[] {
  const reply = replySchema.parse(replyNode);
  const currency = reply.conversionRate.conversionRateDetail.currency;
  const groups = new Map<string, Map<string, FlightGroup>>();
  for (const index of reply.flightIndex) {
    const bySegment = new Map<string, FlightGroup>();
    for (const group of index.groupOfFlights) {
      const ref = group.propFlightGrDetail.flightProposal.find((proposal) => !proposal.unitQualifier)?.ref;
      if (ref)
        bySegment.set(
          ref,
          group.flightDetails.map((details) => details.flightInformation),
        );
    }
    groups.set(index.requestedSegmentRef.segRef, bySegment);
  }

  let room = MAX_OFFERS;
  return reply.recommendation.flatMap((recommendation) => {
    if (room <= 0) return [];
    const combinations = recommendation.segmentFlightRef.slice(0, room);
    room -= combinations.length;
    const { total, taxes } = recommendationAmounts(recommendation, currency);
    const fares = recommendation.paxFareProduct[0]!.fareDetails;
    const refundable = !recommendation.paxFareProduct.some((product) =>
      product.fare?.some((fare) => fare.pricingMessage.freeTextQualification.informationType === NON_REFUNDABLE),
    );
    const availability = fares.flatMap((fare) =>
      fare.groupOfFares.map((group) => Number(group.productInformation.cabinProduct.avlStatus ?? Number.NaN)),
    );
    return combinations.map((flightRef): AirOffer => {
      const references = flightRef.referencingDetail.filter((detail) => detail.refQualifier === 'S');
      if (references.length !== request.slices.length)
        throw new Error(`a combination names ${references.length} of ${request.slices.length} requested segments`);
      const refSegments: OfferRefSegment[] = [];
      const slices = references.map((reference, sliceIndex) => {
        const flights = groups.get(String(sliceIndex + 1))?.get(reference.refNumber);
        if (!flights) throw new Error(`segment ${sliceIndex + 1} has no group of flights ${reference.refNumber}`);
        const classes = fares.find((fare) => fare.segmentRef.segRef === String(sliceIndex + 1))?.groupOfFares ?? [];
        const segments = flights.map((flight, position) => {
          const product = classes[position]?.productInformation.cabinProduct;
          const segment = toSegment(flight, cabinClassOf(product?.cabin, request.cabinClass), product?.rbd);
          refSegments.push({
            slice: sliceIndex,
            carrier: segment.marketingCarrier,
            flightNumber: segment.flightNumber,
            origin: segment.origin,
            destination: segment.destination,
            date: flight.productDateTime.dateOfDeparture,
            time: flight.productDateTime.timeOfDeparture,
            bookingClass: product?.rbd ?? 'Y',
          });
          return segment;
        });
        return { origin: segments[0]!.origin, destination: segments.at(-1)!.destination, segments };
      });
      const seats = availability.filter(Number.isFinite);
      return {
        supplierId: HIMALAYAN_GDS_SUPPLIER_ID,
        supplierOfferRef: encodeOfferRef({ v: 1, currency, segments: refSegments }),
        slices,
        passengers: request.passengers,
        base: { amountMinor: total - taxes, currency },
        taxes: { amountMinor: taxes, currency },
        total: { amountMinor: total, currency },
        fareBasis: fares[0]?.groupOfFares[0]?.productInformation.fareProductDetail.fareBasis,
        refundable,
        seatsRemaining: seats.length ? Math.min(...seats) : undefined,
      };
    });
  });
}
