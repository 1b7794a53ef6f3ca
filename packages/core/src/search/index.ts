// Search: offer requests, hotel searches and insurance quotes across suppliers; offers kept per tenant.
export { createAirOfferRequest } from './create-air-offer-request.ts';
export { createHotelSearch } from './create-hotel-search.ts';
export { createInsuranceQuote } from './create-insurance-quote.ts';
export { listOffers, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ListOffersQuery, type OfferPage } from './list-offers.ts';
export { getOffer, type GetOfferOptions, type OfferLookup } from './get-offer.ts';
export { OFFER_SORTS, type ListedProduct, type OfferSort } from './offer-cursor.ts';
export { offerSettings, type OfferSettings } from './offer-settings.ts';
export { DEFAULT_CURRENCY, type SearchServiceOptions } from './search-service-options.ts';
export { SearchError, isSearchError, type SearchErrorCode, type RequestFieldError } from './search-errors.ts';
export { parseRequest, requiredFieldMessage } from './parse-request.ts';
export { AdmissionGate, admissionLimits, searchAdmission, type AdmissionLimits } from './search-admission.ts';
export type { SearchOffer, OfferRequestResult, OfferPriceChangeRecord } from './search-offer.ts';
