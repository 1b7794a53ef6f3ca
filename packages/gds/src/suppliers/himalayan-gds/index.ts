// What other packages see of himalayan-gds (@himal/gds/suppliers/himalayan-gds): the adapter and the
// messages it sends, for the tests in @himal/simulators that drive them against the simulator.
// Production reaches the adapter through the registry.
export { createHimalayanGdsAdapter, type HimalayanGdsAdapter } from './himalayan-gds-adapter.ts';
export { HIMALAYAN_GDS_SUPPLIER_ID } from './supplier-id.ts';
export { addMultiElementsRequest, gdsName } from './add-multi-elements.ts';
export { localDateTime, offsetDateTime, toEdifactDate, toEdifactLongDate } from './edifact-dates.ts';
export { informativePricingRequest } from './informative-pricing.ts';
export { MASTER_PRICER_ARRAYS, masterPricerOffers, masterPricerRequest } from './master-pricer.ts';
export { decodeOfferRef, type OfferRef } from './offer-ref.ts';
export { cancelRequest, initRefundRequest, issueTicketRequest, retrieveRequest } from './record-messages.ts';
export { authenticateRequest, sessionHeader, signOutRequest, type GdsSession } from './security-messages.ts';
