import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { flushSupplierCalls, isSupplierError, type AirOffer, type SupplierError } from '@himal/gds';
import { createHimalayanGdsAdapter } from '@himal/gds/suppliers/himalayan-gds';
import { simulatorControl, startSimulator, type RunningSimulator } from '../../harness/simulator-server.ts';
import { createHimalayanGdsSimulator } from '../../himalayan-gds/himalayan-gds-simulator.ts';
import { connectionTo, CONTACT, inDays, oneWay, OTHER_AGENCY_OFFICE, travellersFor } from './himalayan-gds-test-kit.ts';

/** The SupplierError a call failed with. */
async function rejection(call: Promise<unknown>): Promise<SupplierError> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isSupplierError(outcome)) throw new Error(`expected a SupplierError, got ${String(outcome)}`);
  return outcome;
}

interface SimulatorState {
  seatsSold: Record<string, number>;
  records: Array<{ locator: string; status: string }>;
}

describe('himalayan-gds adapter', () => {
  let sim: RunningSimulator;
  const adapter = createHimalayanGdsAdapter();
  const connection = () => connectionTo(sim);
  const state = () => simulatorControl.state<SimulatorState>(sim.url);

  /** Prices an offer, then holds it for named travellers at that price. */
  async function hold(offer: AirOffer) {
    const { offer: priced } = await adapter.price(connection(), offer);
    return adapter.book(connection(), { offer: priced, passengers: travellersFor(priced), contact: CONTACT });
  }

  beforeAll(async () => {
    sim = await startSimulator(createHimalayanGdsSimulator());
  });
  beforeEach(async () => {
    await simulatorControl.reset(sim.url);
  });
  afterAll(async () => {
    await adapter.close();
    await sim.close();
    await flushSupplierCalls();
  });

  it('finds flights with exact amounts, local times and what it needs to book them again', async () => {
    const { offers, warnings } = await adapter.search(connection(), {
      ...oneWay('KTM', 'PKR', [{ type: 'adult' }, { type: 'child', age: 8 }, { type: 'infant_without_seat' }]),
      currency: 'NPR',
    });
    expect(warnings).toEqual([]);
    expect(offers.length).toBeGreaterThanOrEqual(7);
    for (const offer of offers) {
      expect(offer.total.amountMinor).toBe(offer.base.amountMinor + offer.taxes.amountMinor);
      expect([offer.total.currency, offer.base.currency, offer.taxes.currency]).toEqual(['NPR', 'NPR', 'NPR']);
      expect(offer.slices).toHaveLength(1);
    }
    const [cheapest] = offers;
    expect(cheapest!.total.amountMinor).toBe(Math.min(...offers.map((offer) => offer.total.amountMinor)));
    expect(cheapest!.slices[0]!.segments[0]).toMatchObject({
      origin: 'KTM',
      destination: 'PKR',
      cabinClass: 'economy',
      bookingClass: 'Q',
      durationMinutes: 25,
      departingAt: expect.stringMatching(new RegExp(`^${inDays(30)}T\\d{2}:\\d{2}:00$`)),
    });
    expect(cheapest).toMatchObject({ supplierId: 'himalayan-gds', refundable: true, seatsRemaining: 9, fareBasis: 'QOWNP' });
    expect(JSON.parse(cheapest!.supplierOfferRef)).toMatchObject({
      currency: 'NPR',
      segments: [{ origin: 'KTM', destination: 'PKR', bookingClass: 'Q' }],
    });
  });

  it('joins round trips and connections from the references between flights and fares', async () => {
    const { offers } = await adapter.search(connection(), {
      slices: [
        { origin: 'PKR', destination: 'DXB', departureDate: inDays(40) },
        { origin: 'DXB', destination: 'PKR', departureDate: inDays(47) },
      ],
      passengers: [{ type: 'adult' }],
      cabinClass: 'economy',
      currency: 'USD',
    });
    expect(offers.length).toBeGreaterThan(1);
    for (const offer of offers) {
      expect(offer.slices.map((slice) => [slice.origin, slice.destination])).toEqual([
        ['PKR', 'DXB'],
        ['DXB', 'PKR'],
      ]);
      expect(offer.slices[0]!.segments.map((segment) => segment.destination)).toEqual(['KTM', 'DXB']);
      expect(offer.total.currency).toBe('USD');
    }
    // The lowest international class is sold non-refundable.
    expect(offers[0]!.refundable).toBe(false);
  });

  it('answers no flights with no offers, and mountain sectors with a weather warning', async () => {
    expect(await adapter.search(connection(), oneWay('KTM', 'JMO'))).toEqual({ offers: [], warnings: [] });
    expect(await adapter.search(connection(), { ...oneWay('KTM', 'PKR'), cabinClass: 'first' })).toEqual({
      offers: [],
      warnings: [],
    });
    const lukla = await adapter.search(connection(), oneWay('KTM', 'LUA'));
    expect(lukla.offers.length).toBeGreaterThan(0);
    expect(lukla.warnings).toEqual([
      { supplierId: 'himalayan-gds', code: '1899', message: 'MOUNTAIN SECTOR - OPERATION SUBJECT TO WEATHER' },
    ]);
  });

  it('prices, holds, tickets and retrieves a booking', async () => {
    const { offers } = await adapter.search(connection(), oneWay('KTM', 'BWA', [{ type: 'adult' }, { type: 'adult' }]));
    const pricing = await adapter.price(connection(), offers[0]!);
    expect(pricing).toMatchObject({ priceChanged: false, offer: { total: offers[0]!.total } });

    const held = await adapter.book(connection(), {
      offer: pricing.offer,
      passengers: travellersFor(pricing.offer),
      contact: CONTACT,
    });
    expect(held).toMatchObject({ supplierId: 'himalayan-gds', status: 'held', total: offers[0]!.total, documents: [] });
    expect(held.supplierReference).toMatch(/^[A-Z0-9]{6}$/);
    expect(held.holdExpiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+05:45$/);
    expect(Date.parse(held.holdExpiresAt!) - Date.now()).toBeGreaterThan(90 * 60_000);
    expect(Object.values((await state()).seatsSold)).toEqual([2]);

    const ticketed = await adapter.confirm(connection(), held.supplierReference);
    expect(ticketed).toMatchObject({ status: 'confirmed', total: held.total, holdExpiresAt: undefined });
    expect(ticketed.documents).toHaveLength(2);
    expect(ticketed.documents[0]).toMatch(/^\d{3}-\d{10}$/);
    expect(await adapter.retrieve(connection(), held.supplierReference)).toEqual(ticketed);
    // A confirm sent again (its first reply lost) finds the tickets and answers the same.
    expect(await adapter.confirm(connection(), held.supplierReference)).toEqual(ticketed);
  });

  it('cancels with a quote, then a commit that applies its penalty and puts the seats back on sale', async () => {
    const { offers } = await adapter.search(connection(), oneWay('KTM', 'BIR'));
    const ticketed = await adapter.confirm(connection(), (await hold(offers[0]!)).supplierReference);
    expect(Object.values((await state()).seatsSold)).toEqual([1]);

    const quote = await adapter.quoteCancellation(connection(), ticketed.supplierReference);
    // Thirty days out, a domestic ticket loses 10% of its base fare; taxes come back.
    expect(quote.penalty.amountMinor).toBe(Math.floor(offers[0]!.base.amountMinor / 10));
    expect(quote.refund.amountMinor).toBe(offers[0]!.total.amountMinor - quote.penalty.amountMinor);
    expect(quote.expiresAt).toMatch(/\+05:45$/);

    const result = await adapter.cancel(connection(), quote);
    expect(result).toMatchObject({
      status: 'cancelled',
      supplierReference: ticketed.supplierReference,
      penalty: quote.penalty,
      refund: quote.refund,
    });
    expect(result.cancellationReference).toMatch(/^RF\d+$/);
    expect((await state()).seatsSold).toEqual({});
    expect(await adapter.retrieve(connection(), ticketed.supplierReference)).toMatchObject({
      status: 'cancelled',
      documents: ticketed.documents,
    });
    await expect(adapter.cancel(connection(), quote)).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '1204',
    });
  });

  it('refuses a cancellation quote that has lapsed or no longer matches the record', async () => {
    const { offers } = await adapter.search(connection(), oneWay('KTM', 'BIR'));
    const held = await hold(offers[0]!);
    const holdQuote = await adapter.quoteCancellation(connection(), held.supplierReference);
    expect([holdQuote.penalty.amountMinor, holdQuote.refund.amountMinor]).toEqual([0, 0]);
    await adapter.confirm(connection(), held.supplierReference);
    await expect(adapter.cancel(connection(), holdQuote)).rejects.toMatchObject({ code: 'OFFER_EXPIRED', supplierCode: '4011' });

    const quote = await adapter.quoteCancellation(connection(), held.supplierReference);
    await simulatorControl.advanceClock(sim.url, 31 * 60_000);
    await expect(adapter.cancel(connection(), quote)).rejects.toMatchObject({ code: 'OFFER_EXPIRED', supplierCode: '4011' });
  });

  it('lets a hold lapse at its time limit: the record is cancelled and its seats go back', async () => {
    const { offers } = await adapter.search(connection(), oneWay('KTM', 'DHI'));
    const held = await hold(offers[0]!);
    await simulatorControl.advanceClock(sim.url, 3 * 3_600_000);
    const error = await rejection(adapter.confirm(connection(), held.supplierReference));
    expect(error).toMatchObject({
      code: 'OFFER_EXPIRED',
      supplierCode: '1931',
      supplierText: 'TICKETING TIME LIMIT EXPIRED - SEGMENTS CANCELLED',
    });
    expect(await adapter.retrieve(connection(), held.supplierReference)).toMatchObject({
      status: 'cancelled',
      holdExpiresAt: undefined,
    });
    expect((await state()).seatsSold).toEqual({});
  });

  it('reports a price that changed between search and booking the way the GDS does (3079, new total)', async () => {
    const { offers } = await adapter.search(connection(), oneWay('KTM', 'KEP'));
    await simulatorControl.addFault(sim.url, { operation: 'PNR_AddMultiElements', kind: 'price-change', percent: 8, times: 1 });
    const error = await rejection(
      adapter.book(connection(), { offer: offers[0]!, passengers: travellersFor(offers[0]!), contact: CONTACT }),
    );
    expect(error).toMatchObject({ code: 'PRICE_CHANGED', supplierCode: '3079', retryable: false });
    expect(error.supplierText).toMatch(/^PRICE DISCREPANCY - NEW TOTAL \d+\.\d{2} NPR$/);
    expect((await state()).seatsSold).toEqual({});

    const repriced = await adapter.price(connection(), offers[0]!);
    expect(repriced.priceChanged).toBe(true);
    expect(repriced.offer.total.amountMinor).toBeGreaterThan(offers[0]!.total.amountMinor);
    expect(error.supplierText).toContain((repriced.offer.total.amountMinor / 100).toFixed(2));
    const held = await adapter.book(connection(), {
      offer: repriced.offer,
      passengers: travellersFor(repriced.offer),
      contact: CONTACT,
    });
    expect(held.total).toEqual(repriced.offer.total);
  });

  it('moves the price as seats sell: the next traveller is offered a dearer class', async () => {
    const eight = Array.from({ length: 8 }, () => ({ type: 'adult' as const }));
    const { offers } = await adapter.search(connection(), { ...oneWay('RHP', 'LUA', eight), maxConnections: 0 });
    const first = offers[0]!;
    await hold(first);
    // Half of the sixteen seats gone: the lowest class has closed.
    const again = await adapter.price(connection(), first);
    expect(again.priceChanged).toBe(true);
    expect(again.offer.total.amountMinor).toBeGreaterThan(first.total.amountMinor);
    expect([first.slices[0]!.segments[0]!.bookingClass, again.offer.slices[0]!.segments[0]!.bookingClass]).toEqual(['Q', 'L']);
  });

  it('sells the last seat once when two bookings race for it', async () => {
    const nine = Array.from({ length: 9 }, () => ({ type: 'adult' as const }));
    const { offers } = await adapter.search(connection(), { ...oneWay('KTM', 'LUA', nine), maxConnections: 0 });
    // Sixteen seats on a Twin Otter: nine and six leave one.
    const flight = offers[0]!.slices[0]!.segments[0]!;
    await hold(offers[0]!);
    const six = (
      await adapter.search(connection(), { ...oneWay('KTM', 'LUA', nine.slice(0, 6)), maxConnections: 0 })
    ).offers.find((offer) => offer.slices[0]!.segments[0]!.flightNumber === flight.flightNumber)!;
    await hold(six);
    const last = (await adapter.search(connection(), { ...oneWay('KTM', 'LUA'), maxConnections: 0 })).offers.find(
      (offer) => offer.slices[0]!.segments[0]!.flightNumber === flight.flightNumber,
    )!;
    expect(last.seatsRemaining).toBe(1);
    const { offer } = await adapter.price(connection(), last);

    const outcomes = await Promise.allSettled(
      [1, 2].map(() => adapter.book(connection(), { offer, passengers: travellersFor(offer), contact: CONTACT })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'INVENTORY_EXHAUSTED', supplierCode: '288' });
    expect(Object.values((await state()).seatsSold)).toEqual([16]);
  });

  it("keeps each agency's records to its own office", async () => {
    const { offers } = await adapter.search(connection(), oneWay('KTM', 'JKR'));
    const held = await hold(offers[0]!);
    const otherAgency = connectionTo(sim, OTHER_AGENCY_OFFICE);
    await expect(adapter.retrieve(otherAgency, held.supplierReference)).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '284',
      supplierText: 'SECURED PNR',
    });
    await expect(adapter.confirm(otherAgency, held.supplierReference)).rejects.toMatchObject({ supplierCode: '284' });
    await expect(adapter.retrieve(connection(), 'ZZZZZZ')).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '1257',
    });
  });

  it('refuses to book travellers other than those the offer was priced for', async () => {
    const { offers } = await adapter.search(connection(), oneWay('KTM', 'PKR'));
    const passengers = [
      ...travellersFor(offers[0]!),
      { type: 'child' as const, givenName: 'Dawa', familyName: 'Sherpa', dateOfBirth: '2019-01-01' },
    ];
    await expect(adapter.book(connection(), { offer: offers[0]!, passengers, contact: CONTACT })).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      retryable: false,
    });
  });
});
