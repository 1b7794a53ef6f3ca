import type { AirOffer, AirPricing } from '../../products/air.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { airItineraryXml } from './air-itinerary.ts';
import type { OfferRef } from './offer-ref.ts';
import { seatsFor, travelerInfoSummaryXml } from './passenger-types.ts';
import { readPricedItineraries, toAirOffer } from './priced-itineraries.ts';
import { otaRequest, type RequestIdentity } from './ota-request.ts';
import { badResponse, checkOtaStatus } from './ota-status.ts';

export function airPriceRequest(offer: AirOffer, ref: OfferRef, identity: RequestIdentity): string {
  return otaRequest('OTA_AirPriceRQ', identity, {
    AirItinerary: airItineraryXml(ref, seatsFor(offer.passengers)),
    TravelerInfoSummary: travelerInfoSummaryXml(offer.passengers, ref.currency),
  });
}

/** The offer at skyways' price of now; `priceChanged` when the total moved (amount or currency). */
export function readAirPrice(body: XmlNode, offer: AirOffer, cabinClass: OfferRef['cabinClass']): AirPricing {
  const response = body.OTA_AirPriceRS as XmlNode | undefined;
  if (!response) throw badResponse('air.price', 'no OTA_AirPriceRS in the answer');
  checkOtaStatus(response, 'air.price');
  const itinerary = readPricedItineraries(response)[0];
  const priced = itinerary && toAirOffer(itinerary, { passengers: offer.passengers, cabinClass });
  if (!priced) throw badResponse('air.price', 'the answer has no priced itinerary with flights and a total');
  const priceChanged = priced.total.amountMinor !== offer.total.amountMinor || priced.total.currency !== offer.total.currency;
  return { offer: priced, priceChanged };
}
