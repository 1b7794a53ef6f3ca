import { minorToDecimal } from '../../money/money.ts';
import type { AirBookingRequest, AirPassenger } from '../../products/air.ts';
import type { CancellationQuote } from '../../products/common.ts';
import { airItineraryXml } from './air-itinerary.ts';
import type { OfferRef } from './offer-ref.ts';
import { PTC, seatsFor } from './passenger-types.ts';
import { UIT, otaRequest, type RequestIdentity } from './ota-request.ts';

/** The requests after shopping: hold (AirBook), ticket (AirDemandTicket), read, and cancel as quote then commit. */

const GENDER: Record<NonNullable<AirPassenger['gender']>, string> = { m: 'Male', f: 'Female', x: 'Unknown' };

/**
 * A hold (ResStatus Hold) of the offer's flights for the travellers, stating the total the
 * traveller accepted (PriceInfo) so skyways refuses rather than books at another fare. The contact
 * goes with the first traveller, as OpenTravel has no separate contact element here.
 */
export function airBookRequest(request: AirBookingRequest, ref: OfferRef, identity: RequestIdentity): string {
  const { offer, passengers, contact } = request;
  return otaRequest(
    'OTA_AirBookRQ',
    identity,
    {
      AirItinerary: airItineraryXml(ref, seatsFor(passengers), 'NN'),
      PriceInfo: {
        ItinTotalFare: {
          TotalFare: {
            '@_Amount': minorToDecimal(offer.total.amountMinor, offer.total.currency),
            '@_CurrencyCode': offer.total.currency,
          },
        },
      },
      TravelerInfo: {
        AirTraveler: passengers.map((passenger, i) => ({
          ...(passenger.gender ? { '@_Gender': GENDER[passenger.gender] } : {}),
          '@_BirthDate': passenger.dateOfBirth,
          '@_PassengerTypeCode': PTC[passenger.type],
          PersonName: {
            ...(passenger.title ? { NamePrefix: passenger.title.toUpperCase() } : {}),
            GivenName: passenger.givenName,
            Surname: passenger.familyName,
          },
          ...(i === 0 ? { Telephone: { '@_PhoneNumber': contact.phone.slice(0, 32) }, Email: contact.email.slice(0, 128) } : {}),
          TravelerRefNumber: { '@_RPH': String(i + 1) },
        })),
      },
      Ticketing: { '@_TicketType': 'eTicket' },
    },
    { ResStatus: 'Hold' },
  );
}

function reservationId(locator: string) {
  return { '@_Type': UIT.reservation, '@_ID': locator };
}

/** Electronic tickets (MessageFunction ET) for a held reservation, billed to the agency's account. */
export function demandTicketRequest(locator: string, identity: RequestIdentity): string {
  return otaRequest('OTA_AirDemandTicketRQ', identity, {
    DemandTicketDetail: { MessageFunction: { '@_Function': 'ET' }, BookingReferenceID: reservationId(locator) },
  });
}

export function readRequest(locator: string, identity: RequestIdentity): string {
  return otaRequest('OTA_ReadRQ', identity, { ReadRequests: { ReadRequest: { UniqueID: reservationId(locator) } } });
}

export function cancelQuoteRequest(locator: string, identity: RequestIdentity): string {
  return otaRequest('OTA_CancelRQ', identity, { UniqueID: reservationId(locator) }, { CancelType: 'Quote' });
}

/**
 * Commits a quote: the quote's reference (UniqueID of type 15, context CancelQuote) and the charge
 * it stated (CancellationOverride), so skyways cancels at exactly what the traveller was shown.
 */
export function cancelCommitRequest(quote: CancellationQuote, identity: RequestIdentity): string {
  return otaRequest(
    'OTA_CancelRQ',
    identity,
    {
      UniqueID: [
        reservationId(quote.supplierReference),
        { '@_Type': UIT.cancellation, '@_ID': quote.quoteRef, '@_ID_Context': 'CancelQuote' },
      ],
      CancellationOverrides: {
        CancellationOverride: {
          '@_Type': 'Charge',
          '@_Amount': minorToDecimal(quote.penalty.amountMinor, quote.penalty.currency),
          '@_CurrencyCode': quote.penalty.currency,
        },
      },
    },
    { CancelType: 'Commit' },
  );
}
