import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  flushSupplierCalls,
  type HotelBookingRequest,
  type HotelOffer,
  type HotelSearchRequest,
  type SupplierConnection,
} from '@himal/gds';
import { staylinkAdapter } from '@himal/gds/suppliers/staylink';
import { simulatorControl, startSimulator, type RunningSimulator } from '../../harness/simulator-server.ts';
import { createStaylinkSimulator, STAYLINK_CREDENTIALS } from '../../staylink/staylink-simulator.ts';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('staylink adapter against the staylink simulator', () => {
  let sim: RunningSimulator;
  let connection: SupplierConnection;

  const search = (overrides: Partial<HotelSearchRequest> = {}) =>
    staylinkAdapter.search(connection, {
      cityCode: 'KTM',
      checkIn: inDays(60),
      checkOut: inDays(63),
      rooms: [{ adults: 2, childAges: [] }],
      ...overrides,
    });

  const bookingFor = (offer: HotelOffer): HotelBookingRequest => ({
    offer,
    guests: [
      { givenName: 'Pasang', familyName: 'Sherpa' },
      { givenName: 'Mingma', familyName: 'Sherpa' },
    ],
    contact: { email: 'pasang@example.com', phone: '+9779800000001' },
  });

  const offerAt = async (hotelCode: string, request: Partial<HotelSearchRequest> = {}) => {
    const { offers } = await search(request);
    const offer = offers.find((candidate) => candidate.hotel.supplierHotelCode === hotelCode && candidate.room.refundable);
    if (!offer) throw new Error(`no refundable offer at ${hotelCode}`);
    return offer;
  };

  beforeAll(async () => {
    sim = await startSimulator(createStaylinkSimulator());
    connection = { supplierId: 'staylink', endpoint: sim.endpoint, credentials: STAYLINK_CREDENTIALS };
  });
  beforeEach(() => simulatorControl.reset(sim.url));
  afterAll(async () => {
    await sim.close();
    await flushSupplierCalls();
  });

  it('searches a city: totals per stay, taxes included, in US dollars, with the property as staylink lists it', async () => {
    const { offers, warnings } = await search();
    expect(warnings).toEqual([]);
    const yakAndYeti = offers.filter((offer) => offer.hotel.supplierHotelCode === 'KTM001');
    expect(yakAndYeti.length).toBeGreaterThanOrEqual(4);
    const offer = yakAndYeti[0]!;
    expect(offer).toMatchObject({
      supplierId: 'staylink',
      hotel: { name: 'Hotel Yak & Yeti', cityCode: 'KTM', starRating: 5 },
      nights: 3,
      checkIn: inDays(60),
      price: { basis: 'per_stay', taxesIncluded: true, amount: { currency: 'USD' } },
    });
    expect(offer.price.amount.amountMinor).toBeGreaterThan(0);
    expect(offer.price.taxes?.amountMinor).toBeGreaterThan(0);
    expect(offer.roomsRemaining).toBeGreaterThan(0);
    expect(offers.every((candidate) => candidate.hotel.cityCode === 'KTM')).toBe(true);
    expect((await search()).offers).toEqual(offers);
  });

  it('searches around a point', async () => {
    const { offers } = await search({ cityCode: undefined, near: { latitude: 28.2096, longitude: 83.9856, radiusKm: 4 } });
    const codes = new Set(offers.map((offer) => offer.hotel.supplierHotelCode));
    expect(codes.has('PKR001')).toBe(true);
    expect(codes.has('PKR005')).toBe(false);
    expect([...codes].every((code) => code.startsWith('PKR'))).toBe(true);
  });

  it('searches, prices, holds, confirms and retrieves a stay', async () => {
    const offer = await offerAt('KTM003', {
      rooms: [
        { adults: 2, childAges: [7] },
        { adults: 1, childAges: [] },
      ],
    });
    const { offer: priced, priceChanged } = await staylinkAdapter.price(connection, offer);
    expect(priceChanged).toBe(false);
    expect(priced.price).toEqual(offer.price);

    const held = await staylinkAdapter.book(connection, bookingFor(priced));
    expect(held).toMatchObject({ supplierId: 'staylink', status: 'held', total: offer.price.amount, documents: [] });
    expect(Date.parse(held.holdExpiresAt!)).toBeGreaterThan(Date.now());
    expect(held.holdExpiresAt).toMatch(/\+05:45$/);

    const confirmed = await staylinkAdapter.confirm(connection, held.supplierReference);
    expect(confirmed).toMatchObject({
      supplierReference: held.supplierReference,
      status: 'confirmed',
      total: offer.price.amount,
    });
    expect(confirmed.documents).toHaveLength(1);
    expect(confirmed.holdExpiresAt).toBeUndefined();

    expect(await staylinkAdapter.retrieve(connection, held.supplierReference)).toEqual(confirmed);
  });

  it('quotes a free cancellation before the deadline, commits it and gives the rooms back', async () => {
    const offer = await offerAt('PKR002', { cityCode: 'PKR' });
    const held = await staylinkAdapter.book(connection, bookingFor(offer));
    await staylinkAdapter.confirm(connection, held.supplierReference);
    const after = await offerAt('PKR002', { cityCode: 'PKR' });
    expect(after.roomsRemaining).toBe(offer.roomsRemaining! - 1);

    const quote = await staylinkAdapter.quoteCancellation(connection, held.supplierReference);
    expect(quote).toMatchObject({
      supplierReference: held.supplierReference,
      penalty: { amountMinor: 0, currency: 'USD' },
      refund: offer.price.amount,
    });
    expect(quote.expiresAt).toBeDefined();
    const result = await staylinkAdapter.cancel(connection, quote);
    expect(result).toMatchObject({ status: 'cancelled', penalty: quote.penalty, refund: quote.refund });
    expect(result.cancellationReference).toBeTruthy();

    expect((await offerAt('PKR002', { cityCode: 'PKR' })).roomsRemaining).toBe(offer.roomsRemaining);
    expect((await staylinkAdapter.retrieve(connection, held.supplierReference)).status).toBe('cancelled');
    await expect(staylinkAdapter.quoteCancellation(connection, held.supplierReference)).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '95',
    });
  });

  it('charges the first night for cancelling after the free-cancellation deadline', async () => {
    const checkIn = inDays(10);
    const offer = await offerAt('KTM006', { checkIn, checkOut: inDays(12) });
    expect(Date.parse(offer.room.cancellationDeadline!)).toBeLessThan(Date.parse(`${checkIn}T00:00:00Z`));
    const held = await staylinkAdapter.book(connection, bookingFor(offer));
    await staylinkAdapter.confirm(connection, held.supplierReference);

    await simulatorControl.advanceClock(sim.url, 9 * DAY_MS);
    const quote = await staylinkAdapter.quoteCancellation(connection, held.supplierReference);
    expect(quote.penalty.amountMinor).toBeGreaterThan(0);
    expect(quote.penalty.amountMinor).toBeLessThan(offer.price.amount.amountMinor);
    expect(quote.penalty.amountMinor + quote.refund.amountMinor).toBe(offer.price.amount.amountMinor);
    const result = await staylinkAdapter.cancel(connection, quote);
    expect(result.penalty).toEqual(quote.penalty);
  });

  it('lets a hold lapse at its time limit: confirming fails and the rooms come back', async () => {
    const offer = await offerAt('KTM010');
    const held = await staylinkAdapter.book(connection, bookingFor(offer));
    expect((await offerAt('KTM010')).roomsRemaining).toBe(offer.roomsRemaining! - 1);

    await simulatorControl.advanceClock(sim.url, Date.parse(held.holdExpiresAt!) - Date.now() + 1_000);
    await expect(staylinkAdapter.confirm(connection, held.supplierReference)).rejects.toMatchObject({
      code: 'OFFER_EXPIRED',
      supplierCode: '118',
    });
    expect((await staylinkAdapter.retrieve(connection, held.supplierReference)).status).toBe('cancelled');
    expect((await offerAt('KTM010')).roomsRemaining).toBe(offer.roomsRemaining);
  });

  it('reports a price change on recheck, and refuses to book at the old price', async () => {
    const offer = await offerAt('KTM002');
    await simulatorControl.addFault(sim.url, { operation: 'HotelAvail', kind: 'price-change', percent: 8, times: 1 });
    const { offer: repriced, priceChanged } = await staylinkAdapter.price(connection, offer);
    expect(priceChanged).toBe(true);
    expect(repriced.price.amount.amountMinor).toBeGreaterThan(offer.price.amount.amountMinor);

    await expect(staylinkAdapter.book(connection, bookingFor(offer))).rejects.toMatchObject({
      code: 'PRICE_CHANGED',
      supplierCode: '438',
      supplierId: 'staylink',
    });
    const held = await staylinkAdapter.book(connection, bookingFor(repriced));
    expect(held.total).toEqual(repriced.price.amount);
  });

  it('refuses a booking whose price changed between search and book, holding nothing', async () => {
    const offer = await offerAt('KTM004');
    await simulatorControl.addFault(sim.url, { operation: 'HotelRes', kind: 'price-change', percent: -5, times: 1 });
    await expect(staylinkAdapter.book(connection, bookingFor(offer))).rejects.toMatchObject({ code: 'PRICE_CHANGED' });
    const state = await simulatorControl.state<{ reservations: unknown[] }>(sim.url);
    expect(state.reservations).toEqual([]);
  });

  it('moves prices as the simulated days pass (deterministic drift)', async () => {
    const before = await offerAt('KTM001', { checkIn: inDays(90), checkOut: inDays(91) });
    await simulatorControl.advanceClock(sim.url, 7 * 3_600_000);
    const after = await offerAt('KTM001', { checkIn: inDays(90), checkOut: inDays(91) });
    expect(after.price.amount.amountMinor).not.toBe(before.price.amount.amountMinor);
    await simulatorControl.reset(sim.url);
    expect((await offerAt('KTM001', { checkIn: inDays(90), checkOut: inDays(91) })).price).toEqual(before.price);
  });

  it('gives the last room to exactly one of two racing bookings', async () => {
    const request = { cityCode: 'LUA', checkIn: inDays(40), checkOut: inDays(41) };
    let offer = (await search(request)).offers.find(
      (candidate) => candidate.hotel.supplierHotelCode === 'LUA002' && candidate.room.name.startsWith('Deluxe'),
    )!;
    while (offer.roomsRemaining! > 1) {
      await staylinkAdapter.book(connection, bookingFor(offer));
      offer = (await search(request)).offers.find((candidate) => candidate.supplierOfferRef === offer.supplierOfferRef)!;
    }
    const results = await Promise.allSettled([
      staylinkAdapter.book(connection, bookingFor(offer)),
      staylinkAdapter.book(connection, bookingFor(offer)),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((result) => result.status === 'rejected');
    expect(lost?.reason).toMatchObject({ code: 'INVENTORY_EXHAUSTED', supplierCode: '427' });
    expect((await search(request)).offers.some((candidate) => candidate.supplierOfferRef === offer.supplierOfferRef)).toBe(false);
  });

  it('carries warnings and the partial results they come with', async () => {
    const full = await search();
    await simulatorControl.addFault(sim.url, { operation: 'HotelAvail', kind: 'warning', times: 1 });
    const partial = await search();
    expect(partial.warnings).toEqual([expect.objectContaining({ supplierId: 'staylink', code: '187' })]);
    expect(partial.offers.length).toBeGreaterThan(0);
    expect(partial.offers.length).toBeLessThan(full.offers.length);
  });

  it.each([
    [
      { kind: 'business-error', code: '450', message: 'Unable to process' },
      { code: 'SUPPLIER_BUSINESS_ERROR', supplierCode: '450' },
    ],
    [
      { kind: 'business-error', code: '187', message: 'System currently unavailable' },
      { code: 'SUPPLIER_UNAVAILABLE', retryable: true },
    ],
    [
      { kind: 'soap-fault', code: 'soap:Server', message: 'database down' },
      { code: 'SUPPLIER_FAULT', supplierText: 'database down' },
    ],
    [{ kind: 'session-expired' }, { code: 'SUPPLIER_SESSION_EXPIRED', retryable: true }],
    [{ kind: 'http-status', status: 503 }, { code: 'SUPPLIER_UNAVAILABLE' }],
    [{ kind: 'http-status', status: 429 }, { code: 'SUPPLIER_RATE_LIMITED' }],
    [{ kind: 'malformed' }, { code: 'SUPPLIER_BAD_RESPONSE' }],
    [{ kind: 'truncated' }, { code: 'SUPPLIER_BAD_RESPONSE' }],
    [{ kind: 'unsafe-xml' }, { code: 'SUPPLIER_UNSAFE_XML' }],
  ] as const)('surfaces %j as %j', async (fault, expected) => {
    await simulatorControl.addFault(sim.url, { operation: 'HotelAvail', times: 1, ...fault });
    await expect(search()).rejects.toMatchObject({ supplierId: 'staylink', operation: 'hotel.search', ...expected });
    expect((await search()).offers.length).toBeGreaterThan(0);
  });

  it('times out a supplier that does not answer', async () => {
    await simulatorControl.addFault(sim.url, { operation: 'HotelAvail', kind: 'timeout', times: 1, delayMs: 5_000 });
    await expect(
      staylinkAdapter.search(
        connection,
        { cityCode: 'KTM', checkIn: inDays(60), checkOut: inDays(61), rooms: [{ adults: 1, childAges: [] }] },
        { timeoutMs: 300 },
      ),
    ).rejects.toMatchObject({
      code: 'SUPPLIER_TIMEOUT',
    });
  });

  it('fails authentication with a wrong password, without the password in the error', async () => {
    const wrong = { ...connection, credentials: { ...STAYLINK_CREDENTIALS, password: 'not-the-password' } };
    const failure = await search()
      .then(() =>
        staylinkAdapter.search(wrong, {
          cityCode: 'KTM',
          checkIn: inDays(60),
          checkOut: inDays(61),
          rooms: [{ adults: 1, childAges: [] }],
        }),
      )
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SUPPLIER_AUTH_FAILED', supplierCode: 'wsse:FailedAuthentication' });
    expect(JSON.stringify(failure) + String(failure)).not.toContain('not-the-password');
    await expect(
      staylinkAdapter.search(
        { ...connection, credentials: {} },
        { cityCode: 'KTM', checkIn: inDays(60), checkOut: inDays(61), rooms: [{ adults: 1, childAges: [] }] },
      ),
    ).rejects.toMatchObject({
      code: 'SUPPLIER_NOT_CONFIGURED',
    });
  });

  it('turns staylink refusals into business errors with its code and text', async () => {
    await expect(search({ checkIn: inDays(-3), checkOut: inDays(-1) })).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '381',
    });
    await expect(staylinkAdapter.retrieve(connection, 'SLRNOSUCH')).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '97',
      supplierText: 'No reservation SLRNOSUCH',
    });
  });
});
