// Aggregated search: every enabled supplier of a tenant at once, behind timeouts and circuit breakers.
export type { AggregationOptions } from './aggregation-options.ts';
export { resetCircuitBreakers } from './circuit-breaker.ts';
export type { AggregatedResult, PricedOffer } from './priced-offer.ts';
export type { SearchOptions } from './search-options.ts';
export { searchFlights } from './search-flights.ts';
export { MAX_OFFERS_PER_SEARCH, MAX_OFFERS_PER_SUPPLIER } from './cheapest-offers.ts';
export { searchHotels, type AggregatedProperty } from './search-hotels.ts';
export { quoteInsurance } from './quote-insurance.ts';
export { priceOffer, type PriceOfferOptions, type ProductOffer } from './price-offer.ts';
export { hotelStayTotal } from './hotel-stay-total.ts';
export {
  holdOffer,
  confirmSupplierBooking,
  retrieveSupplierBooking,
  quoteSupplierCancellation,
  cancelSupplierBooking,
  type ProductBookingRequest,
  type SupplierBookingOptions,
  type SupplierBookingRef,
} from './supplier-bookings.ts';
