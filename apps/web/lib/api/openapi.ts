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
        'Every answer carries a request id (x-request-id, and request_id in errors). Amounts are decimal strings with a currency.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/api/v1/air/offer-requests': {
        post: {
          operationId: 'createAirOfferRequest',
          summary: 'Search flights across suppliers',
          requestBody: { required: true, ...json(ref('AirOfferRequestCreate')) },
          responses: {
            '201': {
              description: 'Offers, cheapest first, and warnings of suppliers that failed',
              ...json(ref('AirOfferRequest')),
            },
            ...errors(400, 413, 415, 422),
          },
        },
      },
      '/api/v1/air/offer-requests/{id}/offers': {
        get: {
          operationId: 'listAirOffers',
          summary: 'Page through the offers of a flight search',
          parameters: [idParameter('orq_…'), ...queryParameters(airOffersQuery)],
          responses: { '200': { description: 'One page', ...json(ref('AirOfferList')) }, ...errors(400, 404, 422) },
        },
      },
      '/api/v1/hotels/searches': {
        post: {
          operationId: 'createHotelSearch',
          summary: 'Search hotels across suppliers (one result per property)',
          requestBody: { required: true, ...json(ref('HotelSearchCreate')) },
          responses: {
            '201': { description: 'Properties with their best rate, cheapest first', ...json(ref('HotelSearch')) },
            ...errors(400, 413, 415, 422),
          },
        },
      },
      '/api/v1/hotels/searches/{id}/offers': {
        get: {
          operationId: 'listHotelOffers',
          summary: 'Page through the offers of a hotel search',
          parameters: [idParameter('hsr_…'), ...queryParameters(hotelOffersQuery)],
          responses: { '200': { description: 'One page', ...json(ref('HotelOfferList')) }, ...errors(400, 404, 422) },
        },
      },
      '/api/v1/insurance/quotes': {
        post: {
          operationId: 'createInsuranceQuote',
          summary: 'Quote travel insurance across insurers',
          requestBody: { required: true, ...json(ref('InsuranceQuoteCreate')) },
          responses: {
            '201': { description: 'Plans, cheapest first', ...json(ref('InsuranceQuote')) },
            ...errors(400, 413, 415, 422),
          },
        },
      },
      '/api/v1/offers/{id}': {
        get: {
          operationId: 'getOffer',
          summary: 'Read an offer; a stale one is repriced with its supplier first',
          parameters: [idParameter('off_…')],
          responses: {
            '200': { description: 'The offer, and whether its price changed', ...json(ref('Offer')) },
            ...errors(404, 410),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } },
        },
      },
    },
    components: { schemas: { ...requests, ...responses } },
  };
}
