import { z } from 'zod';
import { decimalToMinor } from '../../money/money.ts';
import type { AirOffer, AirPricing } from '../../products/air.ts';
import { buildXml, type XmlNode } from '../../xml/safe-xml.ts';
import { HIMALAYAN_GDS_NS } from './dialect.ts';
import { encodeOfferRef, type OfferRef } from './offer-ref.ts';
import { PTCS, ptcCounts, travellerRefs } from './passenger-types.ts';

export function informativePricingRequest(offer: AirOffer, ref: OfferRef): string {
  const counts = ptcCounts(offer.passengers);
  const refs = travellerRefs(counts);
  return buildXml({
    Fare_InformativePricingWithoutPNR: {
      '@_xmlns': HIMALAYAN_GDS_NS,
      passengersGroup: PTCS.filter((ptc) => counts[ptc] > 0).map((ptc, index) => ({
        segmentRepetitionControl: { segmentControlDetails: { quantity: String(index + 1), numberOfUnits: String(counts[ptc]) } },
        travellersID: { travellerDetails: refs[ptc].map((measurementValue) => ({ measurementValue })) },
        discountPtc: { valueQualifier: ptc },
      })),
      segmentGroup: ref.segments.map((segment, index) => ({
        segmentInformation: {
          flightDate: { departureDate: segment.date, departureTime: segment.time },
          boardPointDetails: { trueLocationId: segment.origin },
          offpointDetails: { trueLocationId: segment.destination },
          companyDetails: { marketingCompany: segment.carrier },
          flightIdentification: { flightNumber: segment.flightNumber, bookingClass: segment.bookingClass },
          flightTypeDetails: { flightIndicator: String(segment.slice + 1) },
          itemNumber: String(index + 1),
        },
      })),
      pricingOptionGroup: [
        { pricingOptionKey: { pricingOptionKey: 'RP' } },
        {
          pricingOptionKey: { pricingOptionKey: 'FCO' },
          currency: { firstCurrencyDetails: { currencyQualifier: 'FCO', currencyIsoCode: offer.total.currency } },
        },
      ],
    },
  });
}

export const INFORMATIVE_PRICING_ARRAYS = [
  'pricingGroupLevelGroup',
  'travellerDetails',
  'otherMonetaryDetails',
  'textData',
  'taxDetails',
  'segmentLevelGroup',
];

const amountSchema = z.object({ typeQualifier: z.string(), amount: z.string(), currency: z.string() });
const replySchema = z.object({
  mainGroup: z.object({
    pricingGroupLevelGroup: z
      .array(
        z.object({
          numberOfPax: z.object({ segmentControlDetails: z.object({ numberOfUnits: z.string().regex(/^\d+$/) }) }),
          fareInfoGroup: z.object({
            fareAmount: z.object({ monetaryDetails: amountSchema, otherMonetaryDetails: z.array(amountSchema) }),
            textData: z
              .array(z.object({ freeTextQualification: z.object({ informationType: z.string().optional() }) }))
              .optional(),
            segmentLevelGroup: z
              .array(
                z.object({
                  segmentInformation: z.object({
                    itemNumber: z.string(),
                    bookingClass: z.string(),
                    availability: z.string().optional(),
                  }),
                  fareBasis: z.object({ additionalFareDetails: z.object({ rateClass: z.string() }) }),
                }),
              )
              .min(1),
          }),
        }),
      )
      .min(1),
  }),
});

/** The offer as the GDS prices it now: amounts per passenger type times passengers, the classes it sold. */
export function pricedOffer(replyNode: XmlNode, offer: AirOffer, ref: OfferRef): AirPricing {
  const groups = replySchema.parse(replyNode).mainGroup.pricingGroupLevelGroup;
  const currency = groups[0]!.fareInfoGroup.fareAmount.monetaryDetails.currency;
  let base = 0;
  let total = 0;
  for (const group of groups) {
    const count = Number(group.numberOfPax.segmentControlDetails.numberOfUnits);
    const amounts = group.fareInfoGroup.fareAmount;
    const totalAmount = amounts.otherMonetaryDetails.find((detail) => detail.typeQualifier === '712');
    if (amounts.monetaryDetails.typeQualifier !== 'B' || !totalAmount)
      throw new Error('a passenger type without base fare (B) and total (712)');
    if (amounts.monetaryDetails.currency !== currency || totalAmount.currency !== currency)
      throw new Error('amounts in more than one currency');
    base += decimalToMinor(amounts.monetaryDetails.amount, currency) * count;
    total += decimalToMinor(totalAmount.amount, currency) * count;
  }
  const segmentLevel = groups[0]!.fareInfoGroup.segmentLevelGroup;
  const classOf = new Map(
    segmentLevel.map((level) => [level.segmentInformation.itemNumber, level.segmentInformation.bookingClass]),
  );
  const repriced: OfferRef = {
    ...ref,
    currency,
    segments: ref.segments.map((segment, index) => ({
      ...segment,
      bookingClass: classOf.get(String(index + 1)) ?? segment.bookingClass,
    })),
  };
  let position = 0;
  const slices = offer.slices.map((slice) => ({
    ...slice,
    segments: slice.segments.map((segment) => ({
      ...segment,
      bookingClass: repriced.segments[position++]?.bookingClass ?? segment.bookingClass,
    })),
  }));
  const seats = segmentLevel.map((level) => Number(level.segmentInformation.availability ?? Number.NaN)).filter(Number.isFinite);
  const repricedOffer: AirOffer = {
    ...offer,
    supplierOfferRef: encodeOfferRef(repriced),
    slices,
    base: { amountMinor: base, currency },
    taxes: { amountMinor: total - base, currency },
    total: { amountMinor: total, currency },
    fareBasis: segmentLevel[0]!.fareBasis.additionalFareDetails.rateClass,
    refundable: !groups.some((group) =>
      group.fareInfoGroup.textData?.some((text) => text.freeTextQualification.informationType === '70'),
    ),
    seatsRemaining: seats.length ? Math.min(...seats) : offer.seatsRemaining,
  };
  return { offer: repricedOffer, priceChanged: total !== offer.total.amountMinor || currency !== offer.total.currency };
}
