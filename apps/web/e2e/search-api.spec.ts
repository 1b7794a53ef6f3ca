import { expect, test } from '@playwright/test';
import {
  answered,
  apiClient,
  flightSearch,
  hotelSearch,
  inDays,
  insuranceQuote,
  refused,
  type ApiSchemas,
} from './search-api-client.ts';

/** The search API's happy paths for each product, against the simulators global setup started. */
const everest = apiClient('everest');

test.describe('searching through the API', () => {
  test('a flight search gives the offers of every air supplier, cheapest first, in the asked currency', async () => {
    const { data } = answered(await everest.POST('/api/v1/air/offer-requests', { body: flightSearch() }), 201);
    expect(data.id).toMatch(/^orq_[0-9a-z]{26}$/);
    expect(data.warnings).toEqual([]);
    expect(new Set(data.offers.map((offer) => offer.supplier))).toEqual(new Set(['skyways', 'himalayan-gds']));
    const totals = data.offers.map((offer) => Number(offer.total_amount));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    for (const offer of data.offers) {
      expect(offer).toMatchObject({
        total_currency: 'NPR',
        offer_request_id: data.id,
        slices: [{ origin: 'KTM', destination: 'PKR' }],
      });
      expect(offer.slices[0]!.segments[0]).toMatchObject({
        origin: 'KTM',
        destination: 'PKR',
        flight_number: expect.any(String),
      });
      expect(offer.passengers).toEqual([
        { type: 'adult', age: null },
        { type: 'child', age: 8 },
      ]);
    }

    const page = answered(
      await everest.GET('/api/v1/air/offer-requests/{id}/offers', {
        params: { path: { id: data.id }, query: { sort: 'departing_at', limit: 3 } },
      }),
      200,
    );
    expect(page.data).toHaveLength(3);
    expect(page.meta.after).toEqual(expect.any(String));
  });

  test('a return trip has a slice each way', async () => {
    const { data } = answered(
      await everest.POST('/api/v1/air/offer-requests', {
        body: flightSearch({
          slices: [
            { origin: 'KTM', destination: 'DEL', departure_date: inDays(40) },
            { origin: 'DEL', destination: 'KTM', departure_date: inDays(44) },
          ],
        }),
      }),
      201,
    );
    expect(data.offers.length).toBeGreaterThan(0);
    for (const offer of data.offers) {
      expect(offer.slices.map((slice) => `${slice.origin}-${slice.destination}`)).toEqual(['KTM-DEL', 'DEL-KTM']);
    }
  });

  test('an insurance quote gives every plan, priced in the asked currency, cheapest first', async () => {
    const answer = await everest.POST('/api/v1/insurance/quotes', { body: insuranceQuote({ currency: 'NPR' }) });
    const { data } = answered(answer, 201);
    expect(answer.response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(data.id).toMatch(/^inq_[0-9a-z]{26}$/);
    expect(data.warnings).toEqual([]);
    expect(data.offers.length).toBeGreaterThan(0);
    for (const offer of data.offers) {
      expect(offer).toMatchObject({
        supplier: 'safetrip',
        total_currency: 'NPR',
        supplier_total: { currency: 'USD' },
        fx: { base: 'USD', quote: 'NPR' },
      });
      expect(offer.id).toMatch(/^off_[0-9a-z]{26}$/);
      expect(offer.total_amount).toMatch(/^\d+\.\d{2}$/);
      expect(offer.plan).toBeTruthy();
      expect(JSON.stringify(offer)).not.toContain('supplierOfferRef');
    }
    const totals = data.offers.map((offer) => Number(offer.total_amount));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  test('a hotel search gives one result per property, whole stay with taxes, in the asked currency', async () => {
    const { data } = answered(await everest.POST('/api/v1/hotels/searches', { body: hotelSearch() }), 201);
    expect(data.id).toMatch(/^hsr_/);
    expect(data.offers.length).toBeGreaterThan(5);
    const propertyIds = data.offers.map((offer) => offer.property.id);
    expect(new Set(propertyIds).size).toBe(propertyIds.length);
    expect(data.offers.some((offer) => offer.sources.length === 2)).toBe(true);
    for (const offer of data.offers) {
      expect(offer).toMatchObject({ total_currency: 'USD', nights: 3, property: { city: 'KTM' } });
      expect(offer.sources).toContain(offer.supplier);
      expect(offer.supplier_price).toHaveProperty('basis');
    }
  });

  test('offers page with an opaque cursor and sort', async () => {
    const { data: search } = answered(await everest.POST('/api/v1/hotels/searches', { body: hotelSearch() }), 201);
    const all = search.offers.map((offer) => offer.id);
    const offersOf = (query: { limit?: number; after?: string; sort?: 'total_amount' | '-total_amount' | '-star_rating' }) =>
      everest.GET('/api/v1/hotels/searches/{id}/offers', { params: { path: { id: search.id }, query } });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: ApiSchemas['HotelOfferList'] = answered(await offersOf({ limit: 4, ...(after ? { after } : {}) }), 200);
      expect(page.data.length).toBeLessThanOrEqual(4);
      expect(page.meta).toMatchObject({ limit: 4, sort: 'total_amount' });
      seen.push(...page.data.map((offer) => offer.id));
      after = page.meta.after;
    } while (after);
    expect(seen.sort()).toEqual([...all].sort());

    const byStars = answered(await offersOf({ sort: '-star_rating', limit: 100 }), 200);
    const stars = byStars.data.map((offer) => offer.property.star_rating ?? 0);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));

    // A sort the document does not list, sent anyway.
    const badSort = refused(await offersOf({ sort: 'cheapest' as 'total_amount' }), 422, 'VALIDATION_FAILED');
    expect(badSort.fields![0]!.path).toBe('sort');
    refused(await offersOf({ after: 'forged' }), 400, 'INVALID_CURSOR');
  });

  test('flight and hotel offers read back by id as they were listed', async () => {
    const flights = answered(await everest.POST('/api/v1/air/offer-requests', { body: flightSearch() }), 201);
    const hotels = answered(await everest.POST('/api/v1/hotels/searches', { body: hotelSearch() }), 201);
    for (const [type, offer] of [
      ['air', flights.data.offers[0]!],
      ['hotel', hotels.data.offers[0]!],
    ] as const) {
      const read = answered(await everest.GET('/api/v1/offers/{id}', { params: { path: { id: offer.id } } }), 200);
      expect(read.data).toEqual({ type, ...offer });
    }
  });

  test('an offer reads back by id, fresh from storage', async () => {
    const created = answered(await everest.POST('/api/v1/insurance/quotes', { body: insuranceQuote() }), 201);
    const offer = created.data.offers[0]!;
    const read = answered(await everest.GET('/api/v1/offers/{id}', { params: { path: { id: offer.id } } }), 200);
    expect(read.data).toEqual({ type: 'insurance', ...offer });
    expect(read.meta).toEqual({
      repriced: false,
      price_changed: false,
      price_changes: [],
      previous_total: null,
      warnings: [],
    });
  });

  test('the OpenAPI document describes every route with the schemas that validate them', async () => {
    const { response, data } = await everest.GET('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    // The document's own schema is not part of the document.
    const document = data as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/air/offer-requests',
        '/api/v1/air/offer-requests/{id}/offers',
        '/api/v1/hotels/searches',
        '/api/v1/hotels/searches/{id}/offers',
        '/api/v1/insurance/quotes',
        '/api/v1/offers/{id}',
      ]),
    );
    const airRequest = document.components.schemas.AirOfferRequestCreate!;
    expect(airRequest.required).toEqual(['slices', 'passengers']);
    expect(airRequest.properties.passengers).toMatchObject({ minItems: 1, maxItems: 9 });
  });
});
