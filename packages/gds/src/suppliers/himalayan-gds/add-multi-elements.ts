import { minorToDecimal } from '../../money/money.ts';
import type { AirBookingRequest, AirPassenger } from '../../products/air.ts';
import { buildXml } from '../../xml/safe-xml.ts';
import { HIMALAYAN_GDS_NS } from './dialect.ts';
import { toEdifactLongDate } from './edifact-dates.ts';
import type { OfferRef } from './offer-ref.ts';
import { ptcCounts, ptcOf, seatCount } from './passenger-types.ts';

/** Names as a GDS stores them: Latin capitals, spaces and hyphens only (accents dropped). */
export function gdsName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z -]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function travellerInfo(passenger: AirPassenger, index: number) {
  const firstName = [gdsName(passenger.givenName), passenger.title?.toUpperCase()].filter(Boolean).join(' ');
  return {
    elementManagementPassenger: { reference: { qualifier: 'PR', number: String(index + 1) }, segmentName: 'NM' },
    passengerData: {
      travellerInformation: {
        traveller: { surname: gdsName(passenger.familyName), quantity: '1' },
        passenger: { firstName, type: ptcOf(passenger.type) },
      },
      dateOfBirth: { dateAndTimeDetails: { date: toEdifactLongDate(passenger.dateOfBirth) } },
    },
  };
}

function freetext(segmentName: string, type: string, text: string) {
  return {
    elementManagementData: { segmentName },
    freetextData: { freetextDetail: { subjectQualifier: '3', type }, longFreetext: text },
  };
}

/**
 * PNR_AddMultiElements creating the whole record in one message: names (NM), the offer's air
 * segments sold as NN, contacts (AP), a ticketing arrangement on time limit (TK TL), who it was
 * received from (RF), and the total the traveller accepted, so the GDS refuses a changed price
 * rather than book it. Option 11: end the transaction and return the record.
 */
export function addMultiElementsRequest(booking: AirBookingRequest, ref: OfferRef): string {
  const seats = String(seatCount(ptcCounts(booking.passengers)));
  const slices = [...new Set(ref.segments.map((segment) => segment.slice))];
  let segmentNumber = 0;
  return buildXml({
    PNR_AddMultiElements: {
      '@_xmlns': HIMALAYAN_GDS_NS,
      pnrActions: { optionCode: ['11'] },
      travellerInfo: booking.passengers.map(travellerInfo),
      originDestinationDetails: slices.map((slice) => {
        const segments = ref.segments.filter((segment) => segment.slice === slice);
        return {
          originDestination: { origin: segments[0]!.origin, destination: segments.at(-1)!.destination },
          itineraryInfo: segments.map((segment) => ({
            elementManagementItinerary: { reference: { qualifier: 'SR', number: String(++segmentNumber) }, segmentName: 'AIR' },
            airAuxItinerary: {
              travelProduct: {
                product: { depDate: segment.date, depTime: segment.time },
                boardpointDetail: { cityCode: segment.origin },
                offpointDetail: { cityCode: segment.destination },
                company: { identification: segment.carrier },
                productDetails: { identification: segment.flightNumber, classOfService: segment.bookingClass },
              },
              messageAction: { business: { function: '1' } },
              relatedProduct: { quantity: seats, status: 'NN' },
            },
          })),
        };
      }),
      dataElementsMaster: {
        marker1: '',
        dataElementsIndiv: [
          freetext('AP', '5', booking.contact.phone),
          freetext('AP', 'P02', booking.contact.email),
          { elementManagementData: { segmentName: 'TK' }, ticketElement: { ticket: { indicator: 'TL' } } },
          freetext('RF', 'P22', 'HIMAL'),
        ],
      },
      acceptedPricing: {
        monetaryDetails: {
          typeQualifier: '712',
          amount: minorToDecimal(booking.offer.total.amountMinor, booking.offer.total.currency),
          currency: booking.offer.total.currency,
        },
      },
    },
  });
}
