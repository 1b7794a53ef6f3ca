import { minorToDecimal, type Money } from '@himal/gds';
import type { XmlNode } from '@himal/gds/xml';
import { edifactLocalDateTime, toEdifactDate, toEdifactLongDate, toEdifactTime } from '../local-time.ts';
import { passengerCounts, type Pnr } from '../pnr-store.ts';
import { seatsNeeded } from '../journey-pricing.ts';
import { ERROR_CODE_OWNER } from '../replies.ts';
import { OFFICE_UTC_OFFSET_MINUTES } from '../world/airports.ts';

function monetary(typeQualifier: string, money: Money): XmlNode {
  return { typeQualifier, amount: minorToDecimal(money.amountMinor, money.currency), currency: money.currency };
}

function ticketElement(pnr: Pnr): XmlNode {
  if (pnr.status === 'ticketed' || pnr.tickets.length > 0) return { ticket: { indicator: 'OK', officeId: pnr.officeId } };
  const lapsed = pnr.status === 'lapsed';
  const at = edifactLocalDateTime(lapsed ? pnr.lapsedAt! : pnr.ticketTimeLimit, OFFICE_UTC_OFFSET_MINUTES);
  return {
    ticket: { indicator: lapsed ? 'XL' : 'TL', date: at.date, time: at.time, utcOffset: at.utcOffset, officeId: pnr.officeId },
  };
}

function dataElements(pnr: Pnr): XmlNode[] {
  const elements: XmlNode[] = [];
  const add = (segmentName: string, content: XmlNode) =>
    elements.push({
      elementManagementData: { reference: { qualifier: 'OT', number: String(elements.length + 1) }, segmentName },
      ...content,
    });
  if (pnr.contacts.phone)
    add('AP', { freetextData: { freetextDetail: { subjectQualifier: '3', type: '5' }, longFreetext: pnr.contacts.phone } });
  if (pnr.contacts.email)
    add('AP', { freetextData: { freetextDetail: { subjectQualifier: '3', type: 'P02' }, longFreetext: pnr.contacts.email } });
  add('TK', { ticketElement: ticketElement(pnr) });
  const validating = pnr.segments[0]!.flight.carrier;
  for (const ticket of pnr.tickets) {
    add('FA', {
      otherDataFreetext: {
        freetextDetail: { subjectQualifier: '3', type: 'P06' },
        longFreetext: `${ticket.type === 'INF' ? 'INF' : 'PAX'} ${ticket.number}/ET${validating}/${pnr.officeId}/P${ticket.passengerRef}`,
      },
    });
  }
  return elements;
}

/** PNR_Reply: the record as the GDS holds it now. */
export function pnrReply(pnr: Pnr): XmlNode {
  const created = edifactLocalDateTime(pnr.createdAt, OFFICE_UTC_OFFSET_MINUTES);
  const active = pnr.status === 'held' || pnr.status === 'ticketed';
  const seats = String(seatsNeeded(passengerCounts(pnr.passengers)));
  const slices = [...new Set(pnr.segments.map((segment) => segment.slice))];
  return {
    pnrHeader: {
      reservationInfo: {
        reservation: { companyId: ERROR_CODE_OWNER, controlNumber: pnr.locator, date: created.date, time: created.time },
      },
    },
    securityInformation: { responsibilityInformation: { typeOfPnrElement: 'RP', officeId: pnr.officeId } },
    travellerInfo: pnr.passengers.map((passenger) => ({
      elementManagementPassenger: { reference: { qualifier: 'PT', number: String(passenger.ref) }, segmentName: 'NM' },
      passengerData: {
        travellerInformation: {
          traveller: { surname: passenger.surname, quantity: '1' },
          passenger: { firstName: passenger.firstName, type: passenger.type },
        },
        dateOfBirth: { dateAndTimeDetails: { date: toEdifactLongDate(passenger.dateOfBirth) } },
      },
    })),
    originDestinationDetails: slices.map((slice) => {
      const segments = pnr.segments.filter((segment) => segment.slice === slice);
      return {
        originDestination: { origin: segments[0]!.flight.origin.code, destination: segments.at(-1)!.flight.destination.code },
        itineraryInfo: segments.map(({ ref, flight, rbd }) => ({
          elementManagementItinerary: { reference: { qualifier: 'ST', number: String(ref) }, segmentName: 'AIR' },
          travelProduct: {
            product: {
              depDate: toEdifactDate(flight.departureDate),
              depTime: toEdifactTime(flight.departureMinutes),
              arrDate: toEdifactDate(flight.arrivalDate),
              arrTime: toEdifactTime(flight.arrivalMinutes),
            },
            boardpointDetail: { cityCode: flight.origin.code },
            offpointDetail: { cityCode: flight.destination.code },
            companyDetail: { identification: flight.carrier },
            productDetails: { identification: flight.number, classOfService: rbd },
          },
          relatedProduct: { quantity: seats, status: active ? 'HK' : 'HX' },
          flightDetail: { productDetails: { equipment: flight.equipment } },
        })),
      };
    }),
    dataElementsMaster: { dataElementsIndiv: dataElements(pnr) },
    tstData: {
      fareData: {
        monetaryInfo: [monetary('B', pnr.price.base), monetary('TX', pnr.price.taxes), monetary('712', pnr.price.total)],
      },
    },
    refundRecord: pnr.refund && {
      quoteReference: pnr.refund.quoteReference,
      refundReference: pnr.refund.refundReference,
      monetaryDetails: [monetary('CP', pnr.refund.penalty), monetary('RFT', pnr.refund.refund)],
    },
  };
}
