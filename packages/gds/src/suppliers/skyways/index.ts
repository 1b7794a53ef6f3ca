// What other packages see of skyways (@himal/gds/suppliers/skyways): the adapter and the messages
// it sends and reads, for the tests in @himal/simulators that drive them against the simulator.
// Production reaches the adapter through the registry.
export { skywaysAdapter } from './skyways-adapter.ts';
export { airPriceRequest } from './air-price.ts';
export { airBookRequest, cancelCommitRequest, cancelQuoteRequest, demandTicketRequest, readRequest } from './booking-requests.ts';
export { lowFareSearchRequest, readLowFareSearch } from './low-fare-search.ts';
export { decodeOfferRef } from './offer-ref.ts';
export { SKYWAYS_ARRAYS } from './skyways-call.ts';
