import { isSupplierError } from '../../errors.ts';
import type { AirOffer, AirSearchRequest, CabinClass } from '../../products/air.ts';
import type { SearchResult } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { travelerInfoSummaryXml } from './passenger-types.ts';
import { readPricedItineraries, toAirOffer } from './priced-itineraries.ts';
import { otaRequest, type RequestIdentity } from './ota-request.ts';
import { NO_AVAILABILITY, badResponse, checkOtaStatus } from './ota-status.ts';
import { SKYWAYS_SUPPLIER_ID } from './supplier-id.ts';

export const OTA_CABIN: Record<CabinClass, string> = {
  economy: 'Economy',
  premium_economy: 'PremiumEconomy',
  business: 'Business',
  first: 'First',
};

/** Skyways answers at most this many itineraries; the cheapest come first. */
const MAX_RESPONSES = 50;

export function lowFareSearchRequest(request: AirSearchRequest, identity: RequestIdentity, maxResponses = MAX_RESPONSES): string {
  return otaRequest(
    'OTA_AirLowFareSearchRQ',
    identity,
    {
      OriginDestinationInformation: request.slices.map((slice, i) => ({
        '@_RPH': String(i + 1),
        DepartureDateTime: slice.departureDate,
        OriginLocation: { '@_LocationCode': slice.origin },
        DestinationLocation: { '@_LocationCode': slice.destination },
      })),
      TravelPreferences: {
        ...(request.maxConnections !== undefined
          ? { FlightTypePref: { '@_MaxConnections': String(request.maxConnections) } }
          : {}),
        CabinPref: { '@_PreferLevel': 'Only', '@_Cabin': OTA_CABIN[request.cabinClass] },
      },
      TravelerInfoSummary: travelerInfoSummaryXml(request.passengers, identity.currency ?? 'USD'),
    },
    { MaxResponses: String(maxResponses) },
  );
}

/**
 * Offers from OTA_AirLowFareSearchRS. "No availability" is an answer, not a failure: no offers and
 * the supplier's notice as a warning. Itineraries that cannot be sold as they are (no flights, no
 * arrival time, no price) are left out, and a warning says how many.
 */
export function readLowFareSearch(body: XmlNode, request: AirSearchRequest): SearchResult<AirOffer> {
  const response = body.OTA_AirLowFareSearchRS as XmlNode | undefined;
  if (!response) throw badResponse('air.search', 'no OTA_AirLowFareSearchRS in the answer');
  let warnings;
  try {
    warnings = checkOtaStatus(response, 'air.search');
  } catch (error) {
    if (isSupplierError(error) && error.supplierCode === NO_AVAILABILITY) {
      return {
        offers: [],
        warnings: [{ supplierId: SKYWAYS_SUPPLIER_ID, code: NO_AVAILABILITY, message: error.supplierText ?? 'no availability' }],
      };
    }
    throw error;
  }
  const itineraries = readPricedItineraries(response);
  const offers = itineraries
    .map((itinerary) => toAirOffer(itinerary, request))
    .filter((offer): offer is AirOffer => offer !== undefined);
  const left = itineraries.length - offers.length;
  if (left > 0)
    warnings.push({
      supplierId: SKYWAYS_SUPPLIER_ID,
      code: 'INCOMPLETE_ITINERARY',
      message: `${left} of ${itineraries.length} itineraries lacked flights, times or a price and were left out`,
    });
  return { offers, warnings };
}
