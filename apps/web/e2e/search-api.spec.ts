import { expect, test } from '@playwright/test';
import { callApi, flightSearch, hotelSearch, inDays, insuranceQuote } from './search-api-client.ts';

/** The search API's happy paths for each product, against the simulators global setup started. */
test.describe('searching through the API', () => {
  test('a flight search gives the offers of every air supplier, cheapest first, in the asked currency', async () => {
    const answer = await callApi('everest', 'POST', '/api/v1/air/offer-requests', flightSearch());
    expect(answer.status, answer.text).toBe(201);
    const { data } = answer.body;
    expect(data.id).toMatch(/^orq_[0-9a-z]{26}$/);
    expect(data.warnings).toEqual([]);
    expect(new Set(data.offers.map((offer: { supplier: string }) => offer.supplier))).toEqual(
      new Set(['skyways', 'himalayan-gds']),
    );
    const totals = data.offers.map((offer: { total_amount: string }) => Number(offer.total_amount));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    for (const offer of data.offers) {
      expect(offer).toMatchObject({
        total_currency: 'NPR',
        offer_request_id: data.id,
        slices: [{ origin: 'KTM', destination: 'PKR' }],
      });
      expect(offer.slices[0].segments[0]).toMatchObject({ origin: 'KTM', destination: 'PKR', flight_number: expect.any(String) });
      expect(offer.passengers).toEqual([
        { type: 'adult', age: null },
        { type: 'child', age: 8 },
      ]);
    }

    const page = await callApi('everest', 'GET', `/api/v1/air/offer-requests/${data.id}/offers?sort=departing_at&limit=3`);
    expect(page.status, page.text).toBe(200);
    expect(page.body.data).toHaveLength(3);
    expect(page.body.meta.after).toEqual(expect.any(String));
  });

  test('a return trip has a slice each way', async () => {
    const answer = await callApi(
      'everest',
      'POST',
      '/api/v1/air/offer-requests',
      flightSearch({
        slices: [
          { origin: 'KTM', destination: 'DEL', departure_date: inDays(40) },
          { origin: 'DEL', destination: 'KTM', departure_date: inDays(44) },
        ],
      }),
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.data.offers.length).toBeGreaterThan(0);
    for (const offer of answer.body.data.offers) {
      expect(
        offer.slices.map((slice: { origin: string; destination: string }) => `${slice.origin}-${slice.destination}`),
      ).toEqual(['KTM-DEL', 'DEL-KTM']);
    }
  });

  test('an insurance quote gives every plan, priced in the asked currency, cheapest first', async () => {
    const answer = await callApi('everest', 'POST', '/api/v1/insurance/quotes', insuranceQuote({ currency: 'NPR' }));
    expect(answer.status, answer.text).toBe(201);
    expect(answer.headers['x-request-id']).toMatch(/^req_/);
    const { data } = answer.body;
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
    const totals = data.offers.map((offer: { total_amount: string }) => Number(offer.total_amount));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  test('a hotel search gives one result per property, whole stay with taxes, in the asked currency', async () => {
    const answer = await callApi('everest', 'POST', '/api/v1/hotels/searches', hotelSearch());
    expect(answer.status, answer.text).toBe(201);
    const { data } = answer.body;
    expect(data.id).toMatch(/^hsr_/);
    expect(data.offers.length).toBeGreaterThan(5);
    const propertyIds = data.offers.map((offer: { property: { id: string } }) => offer.property.id);
    expect(new Set(propertyIds).size).toBe(propertyIds.length);
    expect(data.offers.some((offer: { sources: string[] }) => offer.sources.length === 2)).toBe(true);
    for (const offer of data.offers) {
      expect(offer).toMatchObject({ total_currency: 'USD', nights: 3, property: { city: 'KTM' } });
      expect(offer.sources).toContain(offer.supplier);
      expect(offer.supplier_price).toHaveProperty('basis');
    }
  });

  test('offers page with an opaque cursor and sort', async () => {
    const created = await callApi('everest', 'POST', '/api/v1/hotels/searches', hotelSearch());
    const id = created.body.data.id;
    const all = created.body.data.offers.map((offer: { id: string }) => offer.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await callApi(
        'everest',
        'GET',
        `/api/v1/hotels/searches/${id}/offers?limit=4${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      expect(page.status, page.text).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(4);
      expect(page.body.meta).toMatchObject({ limit: 4, sort: 'total_amount' });
      seen.push(...page.body.data.map((offer: { id: string }) => offer.id));
      after = page.body.meta.after;
    } while (after);
    expect(seen.sort()).toEqual([...all].sort());

    const byStars = await callApi('everest', 'GET', `/api/v1/hotels/searches/${id}/offers?sort=-star_rating&limit=100`);
    const stars = byStars.body.data.map((offer: { property: { star_rating: number | null } }) => offer.property.star_rating ?? 0);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));

    const badSort = await callApi('everest', 'GET', `/api/v1/hotels/searches/${id}/offers?sort=cheapest`);
    expect(badSort.status).toBe(422);
    expect(badSort.body.error.fields[0].path).toBe('sort');
    const badCursor = await callApi('everest', 'GET', `/api/v1/hotels/searches/${id}/offers?after=forged`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.code).toBe('INVALID_CURSOR');
  });

  test('flight and hotel offers read back by id as they were listed', async () => {
    const flights = await callApi('everest', 'POST', '/api/v1/air/offer-requests', flightSearch());
    const hotels = await callApi('everest', 'POST', '/api/v1/hotels/searches', hotelSearch());
    for (const [type, offer] of [
      ['air', flights.body.data.offers[0]],
      ['hotel', hotels.body.data.offers[0]],
    ]) {
      const read = await callApi('everest', 'GET', `/api/v1/offers/${offer.id}`);
      expect(read.status, read.text).toBe(200);
      expect(read.body.data).toEqual({ type, ...offer });
    }
  });

  test('an offer reads back by id, fresh from storage', async () => {
    const created = await callApi('everest', 'POST', '/api/v1/insurance/quotes', insuranceQuote());
    const offer = created.body.data.offers[0];
    const read = await callApi('everest', 'GET', `/api/v1/offers/${offer.id}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.data).toEqual({ type: 'insurance', ...offer });
    expect(read.body.meta).toEqual({
      repriced: false,
      price_changed: false,
      price_changes: [],
      previous_total: null,
      warnings: [],
    });
  });

  test('the OpenAPI document describes every route with the schemas that validate them', async () => {
    const answer = await callApi('everest', 'GET', '/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    const document = answer.body;
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
    const airRequest = document.components.schemas.AirOfferRequestCreate;
    expect(airRequest.required).toEqual(['slices', 'passengers']);
    expect(airRequest.properties.passengers).toMatchObject({ minItems: 1, maxItems: 9 });
  });
});
