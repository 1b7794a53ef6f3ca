import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  flushSupplierCalls,
  type AirOffer,
  type AirPassenger,
  type AirSearchRequest,
  type SupplierConnection,
  type SupplierError,
} from '@himal/gds';
import { validateOpenTravelMessage } from '@himal/gds/testing/opentravel';
import { skywaysAdapter as skyways } from '@himal/gds/suppliers/skyways';
import { simulatorControl, startSimulator, type RunningSimulator } from '../../harness/simulator-server.ts';
import { seatsLeftOnFlights } from '../../skyways/control-state.ts';
import { SKYWAYS_CREDENTIALS, createSkywaysSimulator } from '../../skyways/skyways-simulator.ts';

/**
 * The adapter against the skyways simulator over real HTTP. The simulator checks every request the
 * adapter sends against the OpenTravel 2011B schemas and refuses any that does not validate.
 */

function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const traveller = (givenName: string, type: AirPassenger['type'] = 'adult', dateOfBirth = '1990-04-02'): AirPassenger => ({
  type,
  givenName,
  familyName: 'Gurung',
  dateOfBirth,
});
const contact = { email: 'bookings@example.com', phone: '+977 61 555 0101' };

describe('skyways adapter', () => {
  let sim: RunningSimulator;
  let connection: SupplierConnection;

  const oneWay = (overrides: Partial<AirSearchRequest> = {}): AirSearchRequest => ({
    slices: [{ origin: 'KTM', destination: 'PKR', departureDate: daysAhead(30) }],
    passengers: [{ type: 'adult' }],
    cabinClass: 'economy',
    currency: 'NPR',
    ...overrides,
  });

  async function flexOffer(request = oneWay(), minSeats = 1): Promise<AirOffer> {
    const { offers } = await skyways.search(connection, request);
    const offer = offers.find((o) => o.fareBasis === 'YOWFLX' && (o.seatsRemaining ?? 0) >= minSeats);
    if (!offer) throw new Error('no flexible offer with seats');
    return offer;
  }

  async function failure(promise: Promise<unknown>): Promise<SupplierError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!error) throw new Error('expected the call to fail');
    return error as SupplierError;
  }

  beforeAll(async () => {
    sim = await startSimulator(createSkywaysSimulator({ validateRequest: validateOpenTravelMessage }), 0);
    connection = { supplierId: 'skyways', endpoint: sim.endpoint, credentials: SKYWAYS_CREDENTIALS };
  });
  beforeEach(() => simulatorControl.reset(sim.url));
  afterAll(async () => {
    await sim.close();
    await flushSupplierCalls();
  });

  it('searches, prices, holds, tickets and reads back a booking', async () => {
    const { offers, warnings } = await skyways.search(connection, oneWay());
    expect(warnings).toEqual([]);
    const offer = offers[0]!;
    expect(offer).toMatchObject({ supplierId: 'skyways', total: { currency: 'NPR' }, passengers: [{ type: 'adult' }] });
    expect(offer.base.amountMinor + offer.taxes.amountMinor).toBe(offer.total.amountMinor);
    expect(offer.slices[0]!.segments[0]).toMatchObject({
      origin: 'KTM',
      destination: 'PKR',
      durationMinutes: 25,
      cabinClass: 'economy',
    });

    const { offer: priced, priceChanged } = await skyways.price(connection, offer);
    expect(priceChanged).toBe(false);
    expect(priced.total).toEqual(offer.total);

    const held = await skyways.book(connection, { offer: priced, passengers: [traveller('Sita')], contact });
    expect(held).toMatchObject({ status: 'held', total: offer.total, documents: [] });
    expect(held.supplierReference).toMatch(/^[A-Z2-9]{6}$/);
    expect(Date.parse(held.holdExpiresAt!)).toBeGreaterThan(Date.now());

    const confirmed = await skyways.confirm(connection, held.supplierReference);
    expect(confirmed).toMatchObject({ status: 'confirmed', supplierReference: held.supplierReference, total: offer.total });
    expect(confirmed.documents).toEqual([expect.stringMatching(/^\d{13}$/)]);
    expect(confirmed.holdExpiresAt).toBeUndefined();
    // Ticketing again is safe: the same tickets come back.
    expect((await skyways.confirm(connection, held.supplierReference)).documents).toEqual(confirmed.documents);
    expect(await skyways.retrieve(connection, held.supplierReference)).toEqual(confirmed);
  });

  it('prices a family on a round trip with connections exactly, in the currency asked', async () => {
    const roundTrip = (day: number) =>
      oneWay({
        slices: [
          { origin: 'PKR', destination: 'DEL', departureDate: daysAhead(day) },
          { origin: 'DEL', destination: 'PKR', departureDate: daysAhead(day + 7) },
        ],
        passengers: [{ type: 'adult' }, { type: 'adult' }, { type: 'child', age: 8 }, { type: 'infant_without_seat', age: 1 }],
        currency: 'INR',
      });
    // Three seats at a flexible fare both ways: the first day of a week that has them.
    let offer: AirOffer | undefined;
    for (let day = 50; !offer && day < 57; day++)
      offer = (await skyways.search(connection, roundTrip(day))).offers.find((o) => o.fareBasis === 'YOWFLX');
    if (!offer) throw new Error('no flexible round trip for three in a week');
    expect(offer.slices.map((s) => [s.origin, s.destination, s.segments.length])).toEqual([
      ['PKR', 'DEL', 2],
      ['DEL', 'PKR', 2],
    ]);
    expect(offer.total.currency).toBe('INR');
    expect(offer.refundable).toBe(true);
    const passengers = [
      traveller('Hari'),
      traveller('Gita'),
      traveller('Maya', 'child', '2018-06-01'),
      traveller('Ram', 'infant_without_seat', '2026-03-01'),
    ];
    const held = await skyways.book(connection, { offer, passengers, contact });
    expect(held.total).toEqual(offer.total);
  });

  it('quotes and commits a cancellation with the fare’s penalty, and the seats go back on sale', async () => {
    const offer = await flexOffer(oneWay(), 2);
    const held = await skyways.book(connection, { offer, passengers: [traveller('Sita')], contact });
    await skyways.confirm(connection, held.supplierReference);
    const seatsWhileBooked = await seatsLeftOnFlights(sim.url, offer);

    const quote = await skyways.quoteCancellation(connection, held.supplierReference);
    // Flexible fares keep 10% of the base fare; the rest, taxes included, is refunded.
    expect(quote.penalty.amountMinor).toBe(Math.round(offer.base.amountMinor / 10));
    expect(quote.penalty.amountMinor + quote.refund.amountMinor).toBe(offer.total.amountMinor);
    expect(Date.parse(quote.expiresAt!)).toBeGreaterThan(Date.now());

    const result = await skyways.cancel(connection, quote);
    expect(result).toMatchObject({
      status: 'cancelled',
      penalty: quote.penalty,
      refund: quote.refund,
      cancellationReference: `X${held.supplierReference}`,
    });
    expect((await skyways.retrieve(connection, held.supplierReference)).status).toBe('cancelled');
    expect(await seatsLeftOnFlights(sim.url, offer)).toEqual(seatsWhileBooked.map((n) => n + 1));
    expect((await failure(skyways.quoteCancellation(connection, held.supplierReference))).supplierCode).toBe('95');
  });

  it('cancels an unticketed hold at no charge, and refuses a quote that has expired', async () => {
    const held = await skyways.book(connection, { offer: await flexOffer(), passengers: [traveller('Sita')], contact });
    const quote = await skyways.quoteCancellation(connection, held.supplierReference);
    expect(quote.penalty).toEqual({ amountMinor: 0, currency: 'NPR' });
    await simulatorControl.advanceClock(sim.url, 16 * 60_000);
    const expired = await failure(skyways.cancel(connection, quote));
    expect([expired.code, expired.supplierCode]).toEqual(['OFFER_EXPIRED', 'CQX']);
    const fresh = await skyways.quoteCancellation(connection, held.supplierReference);
    expect(await skyways.cancel(connection, fresh)).toMatchObject({ status: 'cancelled', penalty: { amountMinor: 0 } });
  });

  it('lets a hold lapse at its ticket time limit', async () => {
    const held = await skyways.book(connection, { offer: await flexOffer(), passengers: [traveller('Sita')], contact });
    await simulatorControl.advanceClock(sim.url, Date.parse(held.holdExpiresAt!) - Date.now() + 60_000);
    expect(await skyways.retrieve(connection, held.supplierReference)).toMatchObject({ status: 'cancelled' });
    const lapsed = await failure(skyways.confirm(connection, held.supplierReference));
    expect([lapsed.code, lapsed.supplierCode, lapsed.retryable]).toEqual(['OFFER_EXPIRED', 'TTL', false]);
  });

  it('reports a price change at recheck, refuses to book at the old price, and books at the new one', async () => {
    const offer = await flexOffer();
    await simulatorControl.addFault(sim.url, { operation: 'AirPrice', kind: 'price-change', percent: 8, times: 1 });
    const { offer: repriced, priceChanged } = await skyways.price(connection, offer);
    expect(priceChanged).toBe(true);
    expect(repriced.total.amountMinor).toBeGreaterThan(offer.total.amountMinor);

    const stale = await failure(skyways.book(connection, { offer, passengers: [traveller('Sita')], contact }));
    expect([stale.code, stale.supplierCode]).toEqual(['PRICE_CHANGED', 'FCH']);
    expect(stale.supplierText).toContain('NPR');
    const held = await skyways.book(connection, { offer: repriced, passengers: [traveller('Sita')], contact });
    expect(held.total).toEqual(repriced.total);
  });

  it('sells the last seat to exactly one of two racing bookings', async () => {
    let offer = await flexOffer(oneWay({ slices: [{ origin: 'KTM', destination: 'BWA', departureDate: daysAhead(31) }] }));
    while (offer.seatsRemaining! > 1) {
      const party = Math.min(offer.seatsRemaining! - 1, 9);
      const filler = (
        await skyways.price(connection, {
          ...offer,
          passengers: Array.from({ length: party }, () => ({ type: 'adult' as const })),
        })
      ).offer;
      await skyways.book(connection, {
        offer: filler,
        passengers: filler.passengers.map((_, i) => traveller(`Filler${'ABCDEFGHI'[i]}`)),
        contact,
      });
      offer = (await skyways.price(connection, offer)).offer;
    }
    const race = await Promise.allSettled([
      skyways.book(connection, { offer, passengers: [traveller('Asha')], contact }),
      skyways.book(connection, { offer, passengers: [traveller('Bina')], contact }),
    ]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = race.find((r) => r.status === 'rejected')!.reason as SupplierError;
    expect([lost.code, lost.supplierCode]).toEqual(['INVENTORY_EXHAUSTED', '322']);
  });

  it('asks in US dollars for currencies skyways does not sell, leaving conversion to the platform', async () => {
    const { offers } = await skyways.search(connection, oneWay({ currency: 'EUR' }));
    expect(offers.length).toBeGreaterThan(0);
    expect(new Set(offers.map((o) => o.total.currency))).toEqual(new Set(['USD']));
  });

  it('answers no availability with no offers and the supplier’s notice', async () => {
    const result = await skyways.search(
      connection,
      oneWay({ slices: [{ origin: 'JKR', destination: 'SIN', departureDate: daysAhead(30) }], maxConnections: 0 }),
    );
    expect(result).toEqual({ offers: [], warnings: [expect.objectContaining({ supplierId: 'skyways', code: '322' })] });
  });

  it('passes warnings on with partial results', async () => {
    await simulatorControl.addFault(sim.url, {
      operation: 'AirLowFareSearch',
      kind: 'warning',
      message: 'YT did not answer',
      times: 1,
    });
    const { offers, warnings } = await skyways.search(connection, oneWay());
    expect(offers.length).toBeGreaterThan(0);
    expect(warnings).toEqual([{ supplierId: 'skyways', code: 'PRT', message: 'YT did not answer' }]);
  });

  it.each([
    [{ kind: 'business-error', code: '187', message: 'Fare engine down' }, 'SUPPLIER_BUSINESS_ERROR', '187'],
    [{ kind: 'soap-fault', message: 'NullPointerException' }, 'SUPPLIER_FAULT', 'soap:Server'],
    [{ kind: 'session-expired', times: 2 }, 'SUPPLIER_SESSION_EXPIRED', 'wsse:MessageExpired'],
    [{ kind: 'http-status', status: 503 }, 'SUPPLIER_UNAVAILABLE', 'HTTP 503'],
    [{ kind: 'http-status', status: 429 }, 'SUPPLIER_RATE_LIMITED', 'HTTP 429'],
    [{ kind: 'timeout' }, 'SUPPLIER_TIMEOUT', undefined],
    [{ kind: 'truncated' }, 'SUPPLIER_BAD_RESPONSE', undefined],
    [{ kind: 'malformed' }, 'SUPPLIER_BAD_RESPONSE', undefined],
    [{ kind: 'unsafe-xml' }, 'SUPPLIER_UNSAFE_XML', undefined],
  ] as const)('surfaces %j as %s', async (fault, code, supplierCode) => {
    await simulatorControl.addFault(sim.url, { operation: 'AirLowFareSearch', times: 1, ...fault });
    const error = await failure(skyways.search(connection, oneWay(), { timeoutMs: 1_000 }));
    expect([error.name, error.code, error.supplierId, error.supplierCode]).toEqual([
      'SupplierError',
      code,
      'skyways',
      supplierCode,
    ]);
  });

  it('retries once with a fresh token when skyways finds one expired', async () => {
    await simulatorControl.addFault(sim.url, { operation: 'AirLowFareSearch', kind: 'session-expired', times: 1 });
    expect((await skyways.search(connection, oneWay())).offers.length).toBeGreaterThan(0);
  });

  it('fails authentication without ever saying the password', async () => {
    const wrong = { ...connection, credentials: { username: 'himal', password: 'hunter2-not-it' } };
    const error = await failure(skyways.search(wrong, oneWay()));
    expect([error.code, error.retryable, error.supplierCode]).toEqual([
      'SUPPLIER_AUTH_FAILED',
      false,
      'wsse:FailedAuthentication',
    ]);
    expect(JSON.stringify({ message: error.message, text: error.supplierText })).not.toContain('hunter2');
    expect((await failure(skyways.search({ ...connection, credentials: {} }, oneWay()))).code).toBe('SUPPLIER_NOT_CONFIGURED');
  });

  it('refuses offers it did not make and parties that are not the offer’s', async () => {
    const offer = await flexOffer();
    expect((await failure(skyways.price(connection, { ...offer, supplierOfferRef: '{"v":2}' }))).code).toBe(
      'SUPPLIER_BUSINESS_ERROR',
    );
    const twoAdults = [traveller('Sita'), traveller('Gita')];
    expect((await failure(skyways.book(connection, { offer, passengers: twoAdults, contact }))).message).toContain(
      'not the party',
    );
    expect((await failure(skyways.retrieve(connection, 'ZZZZZZ'))).supplierCode).toBe('245');
  });
});
