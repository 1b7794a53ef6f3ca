import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  flushSupplierCalls,
  type HotelBookingRequest,
  type HotelOffer,
  type HotelSearchRequest,
  type SupplierConnection,
} from '@himal/gds';
import { roomrackAdapter } from '@himal/gds/suppliers/roomrack';
import { simulatorControl, startSimulator, type RunningSimulator } from '../../harness/simulator-server.ts';
import { createRoomrackSimulator, ROOMRACK_CREDENTIALS } from '../../roomrack/roomrack-simulator.ts';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('roomrack adapter against the roomrack simulator', () => {
  let sim: RunningSimulator;
  let connection: SupplierConnection;

  const search = (overrides: Partial<HotelSearchRequest> = {}) =>
    roomrackAdapter.search(connection, {
      cityCode: 'KTM',
      checkIn: inDays(60),
      checkOut: inDays(63),
      rooms: [{ adults: 2, childAges: [] }],
      ...overrides,
    });

  const bookingFor = (offer: HotelOffer): HotelBookingRequest => ({
    offer,
    guests: [
      { givenName: 'Sabina', familyName: 'Rai' },
      { givenName: 'Bikash', familyName: 'Rai' },
    ],
    contact: { email: 'sabina@example.com', phone: '+9779800000003' },
  });

  const offerAt = async (propertyCode: string, request: Partial<HotelSearchRequest> = {}, plan = 'FLEX') => {
    const { offers } = await search(request);
    const offer = offers.find(
      (candidate) =>
        candidate.hotel.supplierHotelCode === propertyCode && JSON.parse(candidate.supplierOfferRef).ratePlan === plan,
    );
    if (!offer) throw new Error(`no ${plan} offer at ${propertyCode}`);
    return offer;
  };

  /** What roomrack charges for the whole stay: (rate + taxes) per night, times the nights. */
  const stayTotal = (offer: HotelOffer) => (offer.price.amount.amountMinor + offer.price.taxes!.amountMinor) * offer.nights;

  beforeAll(async () => {
    sim = await startSimulator(createRoomrackSimulator());
    connection = { supplierId: 'roomrack', endpoint: sim.endpoint, credentials: ROOMRACK_CREDENTIALS };
  });
  beforeEach(() => simulatorControl.reset(sim.url));
  afterAll(async () => {
    await sim.close();
    await flushSupplierCalls();
  });

  it('searches a city: per night, taxes apart and worked out, in rupees, with the property as roomrack lists it', async () => {
    const { offers, warnings } = await search();
    expect(warnings).toEqual([]);
    const offer = offers.find((candidate) => candidate.hotel.supplierHotelCode === 'RR-40112')!;
    expect(offer).toMatchObject({
      supplierId: 'roomrack',
      hotel: { name: 'Yak and Yeti Hotel', cityCode: 'KTM', starRating: 5, address: 'Durbarmarg, Kathmandu-44600, Nepal' },
      room: { name: 'Standard Double', board: 'breakfast', refundable: true },
      nights: 3,
      price: { basis: 'per_night', taxesIncluded: false, amount: { currency: 'NPR' }, taxes: { currency: 'NPR' } },
    });
    // 10 % service charge, 13 % VAT on rate plus service charge, NPR 150 tourist service fee.
    const rate = offer.price.amount.amountMinor;
    const serviceCharge = Math.round(rate * 0.1);
    expect(offer.price.taxes!.amountMinor).toBe(serviceCharge + Math.round((rate + serviceCharge) * 0.13) + 15_000);
    expect(
      offers.filter((candidate) => candidate.hotel.supplierHotelCode === 'RR-40112').map((candidate) => candidate.room.board),
    ).toContain('room_only');
    expect((await search()).offers).toEqual(offers);
  });

  it('prices every room of a multi-room offer and holds at that total', async () => {
    const deluxe = (offers: HotelOffer[]) =>
      offers.find(
        (offer) =>
          offer.hotel.supplierHotelCode === 'RR-51102' && offer.room.name === 'Deluxe Room with View' && offer.room.refundable,
      )!;
    const oneRoom = deluxe((await search({ cityCode: 'PKR' })).offers);
    const { offers } = await search({
      cityCode: 'PKR',
      rooms: [
        { adults: 2, childAges: [6] },
        { adults: 2, childAges: [] },
      ],
    });
    // A standard double sleeps two: three guests in a room leave only the larger rooms.
    expect(offers.filter((offer) => offer.hotel.supplierHotelCode === 'RR-51102').map((offer) => offer.room.name)).not.toContain(
      'Standard Double',
    );
    const twoRooms = deluxe(offers);
    expect(twoRooms.price.amount.amountMinor).toBe(2 * oneRoom.price.amount.amountMinor);
    expect(twoRooms.price.taxes!.amountMinor).toBe(2 * oneRoom.price.taxes!.amountMinor);
    const held = await roomrackAdapter.book(connection, bookingFor(twoRooms));
    expect(held.total).toEqual({ amountMinor: stayTotal(twoRooms), currency: 'NPR' });
    expect(
      (await search({ cityCode: 'PKR' })).offers.find((offer) => offer.supplierOfferRef === oneRoom.supplierOfferRef)
        ?.roomsRemaining,
    ).toBe(oneRoom.roomsRemaining! - 2);
  });

  it('searches, rechecks, holds, confirms and retrieves a stay', async () => {
    const offer = await offerAt('RR-40158');
    const { offer: priced, priceChanged } = await roomrackAdapter.price(connection, offer);
    expect(priceChanged).toBe(false);
    expect(priced.price).toEqual(offer.price);

    const held = await roomrackAdapter.book(connection, bookingFor(priced));
    expect(held).toMatchObject({
      supplierId: 'roomrack',
      status: 'held',
      total: { amountMinor: stayTotal(offer), currency: 'NPR' },
      documents: [],
    });
    expect(held.holdExpiresAt).toMatch(/\+05:45$/);
    const confirmed = await roomrackAdapter.confirm(connection, held.supplierReference);
    expect(confirmed).toMatchObject({ status: 'confirmed', total: held.total });
    expect(confirmed.documents).toHaveLength(1);
    expect(await roomrackAdapter.retrieve(connection, held.supplierReference)).toEqual(confirmed);
  });

  it('quotes a free cancellation, commits it and gives the rooms back', async () => {
    const offer = await offerAt('RR-51117', { cityCode: 'PKR' });
    const held = await roomrackAdapter.book(connection, bookingFor(offer));
    await roomrackAdapter.confirm(connection, held.supplierReference);
    expect((await offerAt('RR-51117', { cityCode: 'PKR' })).roomsRemaining).toBe(offer.roomsRemaining! - 1);

    const quote = await roomrackAdapter.quoteCancellation(connection, held.supplierReference);
    expect(quote).toMatchObject({ penalty: { amountMinor: 0, currency: 'NPR' }, refund: held.total });
    const result = await roomrackAdapter.cancel(connection, quote);
    expect(result).toMatchObject({ status: 'cancelled', penalty: quote.penalty, refund: held.total });
    expect(result.cancellationReference).toBeTruthy();
    expect((await offerAt('RR-51117', { cityCode: 'PKR' })).roomsRemaining).toBe(offer.roomsRemaining);
    await expect(roomrackAdapter.cancel(connection, quote)).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: 'ALREADY_CANCELLED',
    });
  });

  it('charges a night for cancelling after the deadline, and the whole stay for a non-refundable rate', async () => {
    const request = { checkIn: inDays(10), checkOut: inDays(13) };
    const flexible = await offerAt('RR-40183', request);
    const nonRefundable = await offerAt('RR-40183', request, 'NONREF');
    expect(nonRefundable.room.refundable).toBe(false);
    const late = await roomrackAdapter.book(connection, bookingFor(flexible));
    const strict = await roomrackAdapter.book(connection, bookingFor(nonRefundable));
    await roomrackAdapter.confirm(connection, late.supplierReference);
    await roomrackAdapter.confirm(connection, strict.supplierReference);

    await simulatorControl.advanceClock(sim.url, 8 * DAY_MS);
    const lateQuote = await roomrackAdapter.quoteCancellation(connection, late.supplierReference);
    expect(lateQuote.penalty.amountMinor).toBe(flexible.price.amount.amountMinor + flexible.price.taxes!.amountMinor);
    expect(lateQuote.refund.amountMinor).toBe(late.total.amountMinor - lateQuote.penalty.amountMinor);
    const strictQuote = await roomrackAdapter.quoteCancellation(connection, strict.supplierReference);
    expect(strictQuote).toMatchObject({ penalty: strict.total, refund: { amountMinor: 0 } });
    expect((await roomrackAdapter.cancel(connection, lateQuote)).penalty).toEqual(lateQuote.penalty);
  });

  it('lets a hold lapse: confirming fails and the rooms come back', async () => {
    const offer = await offerAt('RR-40228');
    const held = await roomrackAdapter.book(connection, bookingFor(offer));
    await simulatorControl.advanceClock(sim.url, 21 * 60_000);
    await expect(roomrackAdapter.confirm(connection, held.supplierReference)).rejects.toMatchObject({
      code: 'OFFER_EXPIRED',
      supplierCode: 'HOLD_EXPIRED',
    });
    expect((await roomrackAdapter.retrieve(connection, held.supplierReference)).status).toBe('cancelled');
    expect((await offerAt('RR-40228')).roomsRemaining).toBe(offer.roomsRemaining);
  });

  it('reports a price change on recheck with a new rate, and refuses to hold at the old one', async () => {
    const offer = await offerAt('RR-40137');
    await simulatorControl.addFault(sim.url, { operation: 'RateCheck', kind: 'price-change', percent: 6, times: 1 });
    const { offer: repriced, priceChanged } = await roomrackAdapter.price(connection, offer);
    expect(priceChanged).toBe(true);
    expect(repriced.price.amount.amountMinor).toBeGreaterThan(offer.price.amount.amountMinor);
    expect(repriced.supplierOfferRef).not.toBe(offer.supplierOfferRef);

    await expect(roomrackAdapter.book(connection, bookingFor(offer))).rejects.toMatchObject({
      code: 'PRICE_CHANGED',
      supplierCode: 'RATE_CHANGED',
    });
    const held = await roomrackAdapter.book(connection, bookingFor(repriced));
    expect(held.total.amountMinor).toBe(stayTotal(repriced));
  });

  it('refuses a hold whose price changed since the search, holding nothing', async () => {
    const offer = await offerAt('RR-40161');
    await simulatorControl.addFault(sim.url, { operation: 'HoldBooking', kind: 'price-change', percent: -4, times: 1 });
    await expect(roomrackAdapter.book(connection, bookingFor(offer))).rejects.toMatchObject({ code: 'PRICE_CHANGED' });
    expect((await simulatorControl.state<{ bookings: unknown[] }>(sim.url)).bookings).toEqual([]);
  });

  it('gives the last room to exactly one of two racing holds', async () => {
    const request = { cityCode: 'BWA', checkIn: inDays(50), checkOut: inDays(52) };
    let offer = await offerAt('RR-73022', request);
    while (offer.roomsRemaining! > 1) {
      await roomrackAdapter.book(connection, bookingFor(offer));
      offer = await offerAt('RR-73022', request);
    }
    const results = await Promise.allSettled([
      roomrackAdapter.book(connection, bookingFor(offer)),
      roomrackAdapter.book(connection, bookingFor(offer)),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((result) => result.status === 'rejected');
    expect(lost?.reason).toMatchObject({ code: 'INVENTORY_EXHAUSTED', supplierCode: 'NO_ALLOTMENT' });
  });

  it('carries notices as warnings beside partial results', async () => {
    const full = await search();
    await simulatorControl.addFault(sim.url, { operation: 'PropertySearch', kind: 'warning', times: 1 });
    const partial = await search();
    expect(partial.warnings).toEqual([expect.objectContaining({ supplierId: 'roomrack', code: 'PARTIAL_RESULTS' })]);
    expect(partial.offers.length).toBeGreaterThan(0);
    expect(partial.offers.length).toBeLessThan(full.offers.length);
  });

  it.each([
    [
      { kind: 'business-error', code: 'DESTINATION_CLOSED', message: 'Bookings to this city are suspended' },
      { code: 'SUPPLIER_BUSINESS_ERROR', supplierCode: 'DESTINATION_CLOSED' },
    ],
    [{ kind: 'business-error' }, { code: 'SUPPLIER_UNAVAILABLE', supplierCode: 'SYSTEM_BUSY', retryable: true }],
    [
      { kind: 'soap-fault', code: 'soap:Server', message: 'upstream timeout' },
      { code: 'SUPPLIER_FAULT', supplierText: 'upstream timeout' },
    ],
    [{ kind: 'http-status', status: 503 }, { code: 'SUPPLIER_UNAVAILABLE' }],
    [{ kind: 'malformed' }, { code: 'SUPPLIER_BAD_RESPONSE' }],
    [{ kind: 'unsafe-xml' }, { code: 'SUPPLIER_UNSAFE_XML' }],
  ] as const)('surfaces %j as %j', async (fault, expected) => {
    await simulatorControl.addFault(sim.url, { operation: 'PropertySearch', times: 1, ...fault });
    await expect(search()).rejects.toMatchObject({ supplierId: 'roomrack', operation: 'hotel.search', ...expected });
  });

  it('fails authentication with a wrong key, without the key in the error', async () => {
    const failure = await roomrackAdapter
      .search(
        { ...connection, credentials: { apiKey: 'rr-guessed-key' } },
        { cityCode: 'KTM', checkIn: inDays(60), checkOut: inDays(61), rooms: [{ adults: 1, childAges: [] }] },
      )
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SUPPLIER_AUTH_FAILED', supplierCode: 'AUTH_INVALID_KEY' });
    expect(JSON.stringify(failure) + String(failure)).not.toContain('rr-guessed-key');
    await expect(
      roomrackAdapter.search(
        { ...connection, credentials: {} },
        { cityCode: 'KTM', checkIn: inDays(60), checkOut: inDays(61), rooms: [{ adults: 1, childAges: [] }] },
      ),
    ).rejects.toMatchObject({
      code: 'SUPPLIER_NOT_CONFIGURED',
    });
  });

  it('turns roomrack refusals into business errors with its code and text', async () => {
    await expect(search({ checkIn: inDays(-2), checkOut: inDays(1) })).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: 'INVALID_DATES',
    });
    await expect(roomrackAdapter.retrieve(connection, 'RRRNOSUCH')).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: 'BOOKING_NOT_FOUND',
      supplierText: 'No booking RRRNOSUCH',
    });
    const offer = await offerAt('RR-40112');
    const tampered = {
      ...offer,
      supplierOfferRef: JSON.stringify({
        ...JSON.parse(offer.supplierOfferRef),
        rateKey: `${JSON.parse(offer.supplierOfferRef).rateKey}x`,
      }),
    };
    await expect(roomrackAdapter.book(connection, bookingFor(tampered))).rejects.toMatchObject({
      supplierCode: 'INVALID_RATE_KEY',
    });
  });
});
