import { expect, test } from '@playwright/test';
import { answered, apiClient, callApi, flightSearch, hotelSearch, inDays, insuranceQuote, refused } from './search-api-client.ts';

/**
 * Bad input is refused with a stable code, field-level errors and a request id, before any supplier
 * is asked. Requests the document allows but the rules refuse go through the typed client; those
 * no client of the document could send (missing fields, broken JSON, other media types) are sent raw.
 */
const everest = apiClient('everest');

function expectError(answer: Awaited<ReturnType<typeof callApi>>, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toContain('application/json');
  expect(answer.body.error).toMatchObject({ code, message: expect.any(String), request_id: expect.stringMatching(/^req_/) });
  expect(answer.headers['x-request-id']).toBe(answer.body.error.request_id);
}

test.describe('bad requests to the search API', () => {
  test('missing fields are named', async () => {
    const answer = await callApi('everest', 'POST', '/api/v1/air/offer-requests', {});
    expectError(answer, 422, 'VALIDATION_FAILED');
    expect(answer.body.error.fields).toEqual([
      { path: 'slices', message: 'is required' },
      { path: 'passengers', message: 'is required' },
    ]);
  });

  test('past dates, unknown airports and a return before the departure are refused', async () => {
    const answer = await everest.POST('/api/v1/air/offer-requests', {
      body: flightSearch({
        slices: [
          { origin: 'KTM', destination: 'QQQ', departure_date: inDays(-2) },
          { origin: 'PKR', destination: 'KTM', departure_date: inDays(-5) },
        ],
      }),
    });
    expect(refused(answer, 422, 'VALIDATION_FAILED').fields).toEqual(
      expect.arrayContaining([
        { path: 'slices[0].destination', message: 'not an airport or city we know' },
        { path: 'slices[0].departure_date', message: 'must not be in the past' },
        { path: 'slices[1].departure_date', message: 'must not be before the previous slice departs' },
      ]),
    );
  });

  test('no travellers, or more than nine, are refused for every product', async () => {
    const none = await everest.POST('/api/v1/air/offer-requests', { body: flightSearch({ passengers: [] }) });
    expect(refused(none, 422, 'VALIDATION_FAILED').fields).toEqual([{ path: 'passengers', message: 'at least one passenger' }]);
    const ten = await everest.POST('/api/v1/air/offer-requests', {
      body: flightSearch({ passengers: Array(10).fill({ type: 'adult' }) }),
    });
    expect(refused(ten, 422, 'VALIDATION_FAILED').fields).toEqual([{ path: 'passengers', message: 'at most 9 passengers' }]);
    const crowd = await everest.POST('/api/v1/hotels/searches', { body: hotelSearch({ rooms: [{ adults: 5 }, { adults: 5 }] }) });
    expect(refused(crowd, 422, 'VALIDATION_FAILED').fields).toEqual([
      { path: 'rooms', message: 'at most 9 guests in one search' },
    ]);
    const nobody = await everest.POST('/api/v1/insurance/quotes', { body: insuranceQuote({ travellers: [] }) });
    expect(refused(nobody, 422, 'VALIDATION_FAILED').fields).toEqual([{ path: 'travellers', message: 'at least one traveller' }]);
  });

  test('a stay that ends before it starts is refused', async () => {
    const answer = await everest.POST('/api/v1/hotels/searches', { body: hotelSearch({ check_out_date: inDays(39) }) });
    expect(refused(answer, 422, 'VALIDATION_FAILED').fields).toEqual([
      { path: 'check_out_date', message: 'must be after the check-in date' },
    ]);
  });

  test('a currency the platform cannot price in is refused', async () => {
    const answer = await everest.POST('/api/v1/insurance/quotes', { body: insuranceQuote({ currency: 'XTS' }) });
    expect(refused(answer, 422, 'UNSUPPORTED_CURRENCY').fields).toEqual([
      { path: 'currency', message: 'prices cannot be shown in XTS' },
    ]);
  });

  test("an amount with more decimals than its currency is refused, and cannot close an insurer's circuit for others", async () => {
    const trip = (amount: string, currency: string) =>
      insuranceQuote({
        trip: { destination: 'NP', start_date: inDays(40), end_date: inDays(50), total_cost: { amount, currency } },
      });
    // Once enough to open a breaker (5 outages in a row) had these counted as the insurer's failures.
    for (let i = 0; i < 6; i++) {
      const answer = await everest.POST('/api/v1/insurance/quotes', { body: trip('100.125', 'NPR') });
      expect(refused(answer, 422, 'VALIDATION_FAILED').fields).toEqual([
        { path: 'trip.total_cost.amount', message: 'NPR has 2 decimals' },
      ]);
    }
    refused(await everest.POST('/api/v1/insurance/quotes', { body: trip('1500.5', 'JPY') }), 422, 'VALIDATION_FAILED');
    const other = answered(await apiClient('lumbini').POST('/api/v1/insurance/quotes', { body: trip('1500.50', 'USD') }), 201);
    expect(other.data.warnings).toEqual([]);
    expect(other.data.offers.length).toBeGreaterThan(0);
  });

  test('malformed JSON is a 400', async () => {
    expectError(
      await callApi('everest', 'POST', '/api/v1/hotels/searches', '{"destination": {"city": "KTM"'),
      400,
      'MALFORMED_JSON',
    );
    expectError(await callApi('everest', 'POST', '/api/v1/hotels/searches', ''), 400, 'MALFORMED_JSON');
  });

  test('a body that is not JSON is a 415', async () => {
    const answer = await callApi('everest', 'POST', '/api/v1/insurance/quotes', 'trip=NP', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectError(answer, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('a body over 64 KB is a 413, whether announced or streamed', async () => {
    const big = JSON.stringify({ ...hotelSearch(), padding: 'x'.repeat(70 * 1024) });
    expectError(await callApi('everest', 'POST', '/api/v1/hotels/searches', big), 413, 'PAYLOAD_TOO_LARGE');
    const chunked = await callApi('everest', 'POST', '/api/v1/hotels/searches', big, { 'transfer-encoding': 'chunked' });
    expectError(chunked, 413, 'PAYLOAD_TOO_LARGE');
  });

  test('an unknown path under the API answers in the API error format', async () => {
    expectError(await callApi('everest', 'GET', '/api/v1/trains'), 404, 'NOT_FOUND');
  });

  test('every answer carries a request id of its own', async () => {
    const first = await callApi('everest', 'POST', '/api/v1/air/offer-requests', {});
    const second = await callApi('everest', 'POST', '/api/v1/air/offer-requests', {});
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });
});
