import { MAX_IDEMPOTENCY_KEY_LENGTH, type ApiKeyScope } from '@himal/core';
import { z } from 'zod';
import { MAX_BODY_BYTES } from './request-body.ts';
import { airOfferRequestBody, airOfferRequestView, airOfferView } from './schemas/air.ts';
import { errorBody, fxView, moneyView, warningView } from './schemas/common.ts';
import { hotelOfferView, hotelSearchBody, hotelSearchView } from './schemas/hotels.ts';
import { insuranceOfferView, insuranceQuoteBody, insuranceQuoteView } from './schemas/insurance.ts';
import { airOfferListView, airOffersQuery, hotelOfferListView, hotelOffersQuery, offerView } from './schemas/offers.ts';

/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas the routes validate with and
 * render to, so it cannot drift from what the API does. Requests are described as clients send them
 * (defaults optional), responses as the API answers.
 */
type JsonSchema = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(entries: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Components are embedded in the document, so they need neither a dialect nor an id of their own.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
}

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const properties = (z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, JsonSchema> }).properties;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
    description: property.description,
  }));
}

const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [String(status), { description: ERROR_DESCRIPTIONS[status] ?? 'Error', ...json(ref('Error')) }]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON, or a bad cursor or sort',
  404: 'Not found (unknown ids, or ids of another agency)',
  410: 'The offer expired or is no longer sold (OFFER_EXPIRED, OFFER_UNAVAILABLE)',
  413: `Body over ${MAX_BODY_BYTES} bytes`,
  415: 'Body not sent as JSON',
  422: 'Invalid fields (see `fields`)',
};

/** Search, offers and this document are open to anyone on the agency's host (rate limited per client). */
const PUBLIC = { security: [] };
/** A tenant route counts against the agency's and its client's rate limits. */
const RATE_LIMITED = {
  '429': {
    description: 'Too many requests from this client or to this agency (RATE_LIMITED); see Retry-After',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    ...json(ref('Error')),
  },
};

const API_KEY_SCHEME = 'apiKey';

/** An operation for integrations: an API key of the agency with `scope` (401 without one, 403 without the scope). */
export const apiKeySecurity = (scope: ApiKeyScope) => ({ security: [{ [API_KEY_SCHEME]: [scope] }] });

/** The Idempotency-Key header of a mutating operation (docs/api-access.md). */
export const idempotencyKeyParameter = (required: boolean) => ({
  name: 'Idempotency-Key',
  in: 'header',
  required,
  schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
  description:
    'A unique value (a UUID) per operation: a retry with the same key and the same request gets the first answer again ' +
    '(with Idempotent-Replayed: true); the same key with another request is refused (422 IDEMPOTENCY_KEY_REUSED), ' +
    'and so is a retry while the first request still runs (409 IDEMPOTENCY_KEY_IN_USE). Kept for at least 24 hours.',
});

/** The headers of an answer of an idempotent operation. */
export const idempotentAnswerHeaders = {
  'Idempotent-Replayed': {
    description: '"true" when this is the stored answer of an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
};

const idParameter = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});

export function openApiDocument() {
  const requests = componentSchemas(
    { AirOfferRequestCreate: airOfferRequestBody, HotelSearchCreate: hotelSearchBody, InsuranceQuoteCreate: insuranceQuoteBody },
    'input',
  );
  const responses = componentSchemas(
    {
      Money: moneyView,
      FxRate: fxView,
      Warning: warningView,
      Error: errorBody,
      AirOffer: airOfferView,
      HotelOffer: hotelOfferView,
      InsuranceOffer: insuranceOfferView,
      AirOfferRequest: airOfferRequestView,
      HotelSearch: hotelSearchView,
      InsuranceQuote: insuranceQuoteView,
      AirOfferList: airOfferListView,
      HotelOfferList: hotelOfferListView,
      Offer: offerView,
    },
    'output',
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Himal travel API',
      version: '1.0.0',
      description:
        'Flights, hotels and travel insurance from every supplier of the agency whose host you call. Search, then read offers by id. ' +
        'Every answer carries a request id (x-request-id, and request_id in errors). Amounts are decimal strings with a currency. ' +
        'Search is open to anyone; integrations authenticate with an API key of the agency (Authorization: Bearer hk_…).',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Himal-Proprietary' },
    },
    servers: [
      { url: '/', description: 'The agency host this document was read from' },
      {
        url: '{scheme}://{agency}.{root}',
        description: 'An agency on its own host under the platform domain',
        variables: {
          scheme: { enum: ['https', 'http'], default: 'https' },
          agency: { default: 'everest', description: "The agency's slug" },
          root: { default: 'localhost:3000', description: "The platform's ROOT_DOMAIN (localhost:3000 on a local installation)" },
        },
      },
    ],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/api/v1/air/offer-requests': {
        post: {
          operationId: 'createAirOfferRequest',
          ...PUBLIC,
          summary: 'Search flights across suppliers',
          requestBody: { required: true, ...json(ref('AirOfferRequestCreate')) },
          responses: {
            '201': {
              description: 'Offers, cheapest first, and warnings of suppliers that failed',
              ...json(ref('AirOfferRequest')),
            },
            ...errors(400, 413, 415, 422),
            ...RATE_LIMITED,
          },
        },
      },
      '/api/v1/air/offer-requests/{id}/offers': {
        get: {
          operationId: 'listAirOffers',
          ...PUBLIC,
          summary: 'Page through the offers of a flight search',
          parameters: [idParameter('orq_…'), ...queryParameters(airOffersQuery)],
          responses: {
            '200': { description: 'One page', ...json(ref('AirOfferList')) },
            ...errors(400, 404, 422),
            ...RATE_LIMITED,
          },
        },
      },
      '/api/v1/hotels/searches': {
        post: {
          operationId: 'createHotelSearch',
          ...PUBLIC,
          summary: 'Search hotels across suppliers (one result per property)',
          requestBody: { required: true, ...json(ref('HotelSearchCreate')) },
          responses: {
            '201': { description: 'Properties with their best rate, cheapest first', ...json(ref('HotelSearch')) },
            ...errors(400, 413, 415, 422),
            ...RATE_LIMITED,
          },
        },
      },
      '/api/v1/hotels/searches/{id}/offers': {
        get: {
          operationId: 'listHotelOffers',
          ...PUBLIC,
          summary: 'Page through the offers of a hotel search',
          parameters: [idParameter('hsr_…'), ...queryParameters(hotelOffersQuery)],
          responses: {
            '200': { description: 'One page', ...json(ref('HotelOfferList')) },
            ...errors(400, 404, 422),
            ...RATE_LIMITED,
          },
        },
      },
      '/api/v1/insurance/quotes': {
        post: {
          operationId: 'createInsuranceQuote',
          ...PUBLIC,
          summary: 'Quote travel insurance across insurers',
          requestBody: { required: true, ...json(ref('InsuranceQuoteCreate')) },
          responses: {
            '201': { description: 'Plans, cheapest first', ...json(ref('InsuranceQuote')) },
            ...errors(400, 413, 415, 422),
            ...RATE_LIMITED,
          },
        },
      },
      '/api/v1/offers/{id}': {
        get: {
          operationId: 'getOffer',
          ...PUBLIC,
          summary: 'Read an offer; a stale one is repriced with its supplier first',
          parameters: [idParameter('off_…')],
          responses: {
            '200': { description: 'The offer, and whether its price changed', ...json(ref('Offer')) },
            ...errors(404, 410),
            ...RATE_LIMITED,
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          ...PUBLIC,
          summary: 'This document',
          responses: {
            '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } },
            '404': { description: 'No agency answers on this host (TENANT_NOT_FOUND)', ...json(ref('Error')) },
          },
        },
      },
    },
    components: {
      schemas: { ...requests, ...responses },
      securitySchemes: {
        [API_KEY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'hk_…',
          description:
            'An API key of the agency (`npm run tenants -- api-keys create`), shown once when created: `Authorization: Bearer hk_…`. ' +
            'Each key has scopes (orders:read, orders:write, departures:write); a key of one agency opens nothing at another.',
        },
      },
    },
  };
}
