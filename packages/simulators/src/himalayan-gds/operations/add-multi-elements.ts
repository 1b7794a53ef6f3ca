import { z } from 'zod';
import { decimalToMinor, minorToDecimal } from '@himal/gds';
import { GDS_ERRORS, GdsErrorReply, withDetail } from '../error-catalogue.ts';
import { priceJourney, seatsNeeded } from '../journey-pricing.ts';
import { fromEdifactLongDate } from '../local-time.ts';
import { passengerCounts, type PnrPassenger, type PnrSegment } from '../pnr-store.ts';
import { isDomestic } from '../world/airports.ts';
import { OFFICE_CURRENCY, REPLY_CURRENCIES } from '../world/currency.ts';
import { saleableFlight, singleCabin } from './flight-lookup.ts';
import { applyPriceChange, parseRequest, type GdsOperation } from './operation-call.ts';
import { pnrReply } from './pnr-reply.ts';

const addSchema = z.object({
  travellerInfo: z
    .array(
      z.object({
        passengerData: z.object({
          travellerInformation: z.object({
            traveller: z.object({ surname: z.string().min(1) }),
            passenger: z.object({ firstName: z.string().min(1), type: z.enum(['ADT', 'CH', 'INF']) }),
          }),
          dateOfBirth: z.object({ dateAndTimeDetails: z.object({ date: z.string().regex(/^\d{8}$/) }) }),
        }),
      }),
    )
    .min(1)
    .max(9),
  originDestinationDetails: z
    .array(
      z.object({
        itineraryInfo: z.array(
          z.object({
            airAuxItinerary: z.object({
              travelProduct: z.object({
                product: z.object({ depDate: z.string() }),
                boardpointDetail: z.object({ cityCode: z.string() }),
                offpointDetail: z.object({ cityCode: z.string() }),
                company: z.object({ identification: z.string() }),
                productDetails: z.object({ identification: z.string(), classOfService: z.string() }),
              }),
              relatedProduct: z.object({ quantity: z.string().regex(/^\d+$/) }),
            }),
          }),
        ),
      }),
    )
    .min(1),
  dataElementsMaster: z.object({
    dataElementsIndiv: z.array(
      z.object({
        elementManagementData: z.object({ segmentName: z.string() }),
        freetextData: z.object({ freetextDetail: z.object({ type: z.string() }), longFreetext: z.string() }).optional(),
      }),
    ),
  }),
  acceptedPricing: z.object({ monetaryDetails: z.object({ amount: z.string(), currency: z.string() }) }).optional(),
});

/** How long a record is held unticketed: short on domestic sectors, a day on international ones. */
const HOLD_MS = { domestic: 2 * 3_600_000, international: 24 * 3_600_000 };
/** A hold never outlives the hour before departure. */
const TICKET_BEFORE_DEPARTURE_MS = 3_600_000;

/**
 * PNR_AddMultiElements: sells the segments, prices them as sold and stores the record on hold
 * with a ticketing time limit. Refused with 3079 (and the new total) when the price is not the one
 * the client accepted, and with 288 when the seats are gone.
 */
export const addMultiElements: GdsOperation = (body, call) => {
  const request = parseRequest(addSchema, body);
  applyPriceChange(call);
  const passengers: PnrPassenger[] = request.travellerInfo.map((traveller, index) => {
    const data = traveller.passengerData;
    const dateOfBirth = fromEdifactLongDate(data.dateOfBirth.dateAndTimeDetails.date);
    if (!dateOfBirth) throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, `DATE OF BIRTH PASSENGER ${index + 1}`));
    return {
      ref: index + 1,
      type: data.travellerInformation.passenger.type,
      surname: data.travellerInformation.traveller.surname,
      firstName: data.travellerInformation.passenger.firstName,
      dateOfBirth,
    };
  });
  const counts = passengerCounts(passengers);
  if (counts.ADT === 0 || counts.INF > counts.ADT)
    throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, 'EACH INFANT NEEDS AN ADULT'));

  const requested = request.originDestinationDetails.flatMap((details, slice) =>
    details.itineraryInfo.map((info) => ({ slice, ...info.airAuxItinerary })),
  );
  if (requested.some((segment) => Number(segment.relatedProduct.quantity) !== seatsNeeded(counts))) {
    throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, 'SEGMENT QUANTITY DOES NOT MATCH NAMES'));
  }
  const cabin = singleCabin(requested.map((segment) => segment.travelProduct.productDetails.classOfService));
  const flights = requested.map(({ travelProduct }) =>
    saleableFlight(
      {
        carrier: travelProduct.company.identification,
        number: travelProduct.productDetails.identification,
        origin: travelProduct.boardpointDetail.cityCode,
        destination: travelProduct.offpointDetail.cityCode,
        date: travelProduct.product.depDate,
      },
      call.now,
    ),
  );

  const accepted = request.acceptedPricing?.monetaryDetails;
  const currency = accepted && REPLY_CURRENCIES.has(accepted.currency) ? accepted.currency : OFFICE_CURRENCY;
  const journey = priceJourney(flights, cabin, counts, currency, call.world.inventory, call.world.drift.basisPoints);
  if (journey === 'sold-out') throw new GdsErrorReply(GDS_ERRORS.unableToSatisfy);
  if (
    accepted &&
    (accepted.currency !== currency || decimalToMinor(accepted.amount, currency, { round: true }) !== journey.total.amountMinor)
  ) {
    throw new GdsErrorReply(
      withDetail(GDS_ERRORS.priceDiscrepancy, `NEW TOTAL ${minorToDecimal(journey.total.amountMinor, currency)} ${currency}`),
    );
  }
  if (!call.world.inventory.sell(flights, cabin, seatsNeeded(counts))) throw new GdsErrorReply(GDS_ERRORS.unableToSatisfy);

  const contact = (type: string) =>
    request.dataElementsMaster.dataElementsIndiv.find(
      (element) => element.elementManagementData.segmentName === 'AP' && element.freetextData?.freetextDetail.type === type,
    )?.freetextData?.longFreetext;
  const domestic = flights.every((flight) => isDomestic(flight.origin, flight.destination));
  const firstDeparture = Math.min(...flights.map((flight) => flight.departsAt));
  const pnr = call.world.pnrs.create({
    officeId: call.officeId,
    createdAt: call.now,
    passengers,
    segments: flights.map((flight, index): PnrSegment => ({
      ref: index + 1,
      slice: requested[index]!.slice,
      flight,
      rbd: journey.segments[index]!.rbd,
    })),
    cabin,
    contacts: { phone: contact('5'), email: contact('P02') },
    price: { base: journey.base, taxes: journey.taxes, total: journey.total },
    refundable: journey.refundable,
    status: 'held',
    ticketTimeLimit: Math.min(
      call.now + (domestic ? HOLD_MS.domestic : HOLD_MS.international),
      firstDeparture - TICKET_BEFORE_DEPARTURE_MS,
    ),
    tickets: [],
  });
  return pnrReply(pnr);
};
