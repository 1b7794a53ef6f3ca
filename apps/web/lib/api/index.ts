// What the API routes use: the route wrappers, callers and their keys, body and query parsing, the wire schemas, rendering.
export { apiRoute, methodNotAllowed, publicApiRoute, type ApiContext } from './api-route.ts';
export {
  idempotentApiRoute,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  type IdempotentApiContext,
  type IdempotentRouteOptions,
} from './idempotent-api-route.ts';
export { authenticateApiCaller, requireScope, type ApiCaller, type ApiKeyCaller } from './authenticate-api-caller.ts';
export { ApiError, type FieldError } from './api-error.ts';
export { jsonResponse } from './api-response.ts';
export { readJsonBody, readOptionalJsonBody, MAX_BODY_BYTES } from './request-body.ts';
export { parseInput } from './validation.ts';
export {
  toAirSearchRequest,
  toHotelSearchRequest,
  toInsuranceQuoteRequest,
  withAirBodyFields,
  withHotelBodyFields,
  withInsuranceBodyFields,
} from './platform-requests.ts';
export { airOfferRequestBody } from './schemas/air.ts';
export { hotelSearchBody } from './schemas/hotels.ts';
export { insuranceQuoteBody } from './schemas/insurance.ts';
export { airOffersQuery, hotelOffersQuery } from './schemas/offers.ts';
export {
  renderAirOffer,
  renderAnyOffer,
  renderHotelOffer,
  renderInsuranceOffer,
  renderMoney,
  renderOfferRequest,
  renderPriceChanges,
  renderWarnings,
} from './render/render-offer.ts';
export { openApiDocument } from './openapi.ts';
