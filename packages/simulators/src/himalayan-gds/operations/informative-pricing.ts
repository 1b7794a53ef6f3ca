import { z } from 'zod';
import { minorToDecimal, type Money } from '@himal/gds';
import type { XmlNode } from '@himal/gds/xml';
import { GDS_ERRORS, GdsErrorReply, withDetail } from '../error-catalogue.ts';
import { priceJourney, type PassengerCounts } from '../journey-pricing.ts';
import { OFFICE_CURRENCY, REPLY_CURRENCIES } from '../world/currency.ts';
import { PASSENGER_TYPES } from '../world/fares.ts';
import { saleableFlight, singleCabin } from './flight-lookup.ts';
import { applyPriceChange, parseRequest, type GdsOperation } from './operation-call.ts';

const ptc = z.enum(['ADT', 'CH', 'INF']);
const pricingSchema = z.object({
  passengersGroup: z.array(
    z.object({
      travellersID: z.object({ travellerDetails: z.array(z.object({ measurementValue: z.string() })) }),
      discountPtc: z.object({ valueQualifier: ptc }),
    }),
  ),
  segmentGroup: z.array(
    z.object({
      segmentInformation: z.object({
        flightDate: z.object({ departureDate: z.string() }),
        boardPointDetails: z.object({ trueLocationId: z.string() }),
        offpointDetails: z.object({ trueLocationId: z.string() }),
        companyDetails: z.object({ marketingCompany: z.string() }),
        flightIdentification: z.object({ flightNumber: z.string(), bookingClass: z.string().optional() }),
        itemNumber: z.string(),
      }),
    }),
  ),
  pricingOptionGroup: z
    .array(
      z.object({
        pricingOptionKey: z.object({ pricingOptionKey: z.string() }),
        currency: z.object({ firstCurrencyDetails: z.object({ currencyIsoCode: z.string() }) }).optional(),
      }),
    )
    .optional(),
});

function monetary(typeQualifier: string, money: Money): XmlNode {
  return { typeQualifier, amount: minorToDecimal(money.amountMinor, money.currency), currency: money.currency };
}

/**
 * Fare_InformativePricingWithoutPNR: prices flights for a party at the classes open now, per
 * passenger type. Informative: nothing is sold, so the next call may see another price.
 */
export const informativePricing: GdsOperation = (body, call) => {
  const request = parseRequest(pricingSchema, body);
  applyPriceChange(call);
  const passengers: PassengerCounts = { ADT: 0, CH: 0, INF: 0 };
  const travellerIds: Record<string, string[]> = {};
  for (const group of request.passengersGroup) {
    const type = group.discountPtc.valueQualifier;
    passengers[type] += group.travellersID.travellerDetails.length;
    travellerIds[type] = group.travellersID.travellerDetails.map((traveller) => traveller.measurementValue);
  }
  if (passengers.ADT === 0 || passengers.INF > passengers.ADT)
    throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, 'EACH INFANT NEEDS AN ADULT'));
  const segments = request.segmentGroup.map((group) => group.segmentInformation);
  const cabin = singleCabin(segments.map((segment) => segment.flightIdentification.bookingClass));
  const flights = segments.map((segment) =>
    saleableFlight(
      {
        carrier: segment.companyDetails.marketingCompany,
        number: segment.flightIdentification.flightNumber,
        origin: segment.boardPointDetails.trueLocationId,
        destination: segment.offpointDetails.trueLocationId,
        date: segment.flightDate.departureDate,
      },
      call.now,
    ),
  );
  const asked = request.pricingOptionGroup?.find((option) => option.pricingOptionKey.pricingOptionKey === 'FCO')?.currency
    ?.firstCurrencyDetails.currencyIsoCode;
  const currency = asked && REPLY_CURRENCIES.has(asked) ? asked : OFFICE_CURRENCY;
  const journey = priceJourney(flights, cabin, passengers, currency, call.world.inventory, call.world.drift.basisPoints);
  if (journey === 'sold-out') throw new GdsErrorReply(GDS_ERRORS.unableToSatisfy);

  const types = PASSENGER_TYPES.filter((type) => passengers[type] > 0);
  return {
    mainGroup: {
      pricingGroupLevelGroup: types.map((type, index) => {
        const price = journey.byPassenger[type]!;
        return {
          numberOfPax: { segmentControlDetails: { quantity: String(index + 1), numberOfUnits: String(passengers[type]) } },
          passengersID: { travellerDetails: travellerIds[type]!.map((id) => ({ measurementValue: id })) },
          fareInfoGroup: {
            fareAmount: { monetaryDetails: monetary('B', price.base), otherMonetaryDetails: [monetary('712', price.total)] },
            textData: journey.refundable
              ? []
              : [
                  {
                    freeTextQualification: { textSubjectQualifier: '4', informationType: '70' },
                    freeText: 'TICKETS ARE NON-REFUNDABLE',
                  },
                ],
            surchargesGroup: price.taxes.length
              ? {
                  taxesAmount: {
                    taxDetails: price.taxes.map((tax) => ({
                      rate: minorToDecimal(tax.amount.amountMinor, tax.amount.currency),
                      countryCode: tax.country,
                      currencyCode: tax.amount.currency,
                      type: tax.code,
                    })),
                  },
                }
              : undefined,
            segmentLevelGroup: journey.segments.map((fare, position) => ({
              segmentInformation: {
                itemNumber: segments[position]!.itemNumber,
                bookingClass: fare.rbd,
                availability: String(Math.min(9, fare.seatsLeft)),
              },
              fareBasis: { additionalFareDetails: { rateClass: fare.byPassenger[type].fareBasis } },
              ptcSegment: { quantityDetails: { unitQualifier: type } },
            })),
          },
        };
      }),
    },
  };
};
