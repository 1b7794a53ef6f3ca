import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { flushSupplierCalls, insuranceQuoteRequestSchema, type InsuranceOffer, type SupplierConnection } from '@himal/gds';
import { safetripAdapter as adapter } from '@himal/gds/suppliers/safetrip';
import type { FaultSpec } from '../../harness/fault-plan.ts';
import { simulatorControl, startSimulator, type RunningSimulator } from '../../harness/simulator-server.ts';
import { createSafetripSimulator, SAFETRIP_CREDENTIALS } from '../../safetrip/safetrip-simulator.ts';

/** The adapter against the real safetrip simulator over HTTP: no mocks. */
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

let sim: RunningSimulator;
let connection: SupplierConnection;

const quoteRequest = (overrides: Record<string, unknown> = {}) =>
  insuranceQuoteRequestSchema.parse({
    tripCost: { amount: '1500.00', currency: 'USD' },
    departureDate: day(40),
    returnDate: day(49),
    destinationCountry: 'NP',
    residenceCountry: 'GB',
    travellers: [{ age: 34 }],
    ...overrides,
  });

const pemba = { givenName: 'Pemba', familyName: 'Sherpa', dateOfBirth: '1991-03-02' };
const contact = { email: 'pemba@example.com', phone: '+977 1 4410000' };

async function offerFor(planCode: string, overrides: Record<string, unknown> = {}): Promise<InsuranceOffer> {
  const { offers } = await adapter.quote(connection, quoteRequest(overrides));
  return offers.find((offer) => offer.planCode === planCode)!;
}

interface LedgerState {
  capacity: Record<string, { capacity: number; remaining: number }>;
}
const remaining = async (planId: string, date: string) =>
  (await simulatorControl.state<LedgerState>(sim.url)).capacity[`${planId}|${date}`]?.remaining;

beforeAll(async () => {
  sim = await startSimulator(createSafetripSimulator(), 0);
  connection = { supplierId: 'safetrip', endpoint: sim.endpoint, credentials: SAFETRIP_CREDENTIALS };
});
beforeEach(() => simulatorControl.reset(sim.url));
afterAll(async () => {
  await sim.close();
  await flushSupplierCalls();
});

describe('safetrip adapter', () => {
  it('quotes every plan, rechecks the price, holds, issues and retrieves a policy', async () => {
    const { offers, warnings } = await adapter.quote(connection, quoteRequest());
    expect(warnings).toEqual([]);
    expect(offers.map((offer) => [offer.planCode, offer.planName, offer.premium])).toEqual([
      ['ESSENTIAL', 'Essential', { amountMinor: 3_045, currency: 'USD' }],
      ['COMPREHENSIVE', 'Comprehensive', { amountMinor: 12_443, currency: 'USD' }],
      ['TREKKER', 'Himalayan Trekker', { amountMinor: 12_285, currency: 'USD' }],
    ]);
    const trekker = offers[2]!;
    expect(trekker.coverages).toContainEqual({
      type: 'adventure',
      limit: { amountMinor: 15_000_000, currency: 'USD' },
      level: '6000M',
    });

    const priced = await adapter.price(connection, trekker);
    expect(priced).toMatchObject({ priceChanged: false, offer: { planCode: 'TREKKER', premium: trekker.premium } });

    const held = await adapter.book(connection, { offer: priced.offer, insured: [pemba], contact });
    expect(held).toMatchObject({ supplierId: 'safetrip', status: 'held', total: trekker.premium, documents: [] });
    const holdMinutes = (Date.parse(held.holdExpiresAt!) - Date.now()) / 60_000;
    expect(holdMinutes).toBeGreaterThan(29);
    expect(holdMinutes).toBeLessThanOrEqual(30);
    expect(await adapter.retrieve(connection, held.supplierReference)).toEqual(held);

    const issued = await adapter.confirm(connection, held.supplierReference);
    expect(issued).toEqual({
      supplierId: 'safetrip',
      supplierReference: held.supplierReference,
      status: 'confirmed',
      total: trekker.premium,
      documents: [expect.stringMatching(/^STP\d{10}$/)],
    });
    expect(await adapter.retrieve(connection, held.supplierReference)).toEqual(issued);
    expect(await adapter.confirm(connection, held.supplierReference)).toEqual(issued);
  });

  it('quotes in the currency of the trip cost, exactly', async () => {
    const request = quoteRequest({
      tripCost: { amount: '200000.00', currency: 'NPR' },
      travellers: [{ age: 34 }, { age: 8 }],
      adventureActivities: true,
    });
    const { offers, warnings } = await adapter.quote(connection, request);
    // Essential does not cover trekking; Comprehensive carries its 35% adventure loading.
    expect(offers.map((offer) => offer.planCode)).toEqual(['COMPREHENSIVE', 'TREKKER']);
    expect(warnings).toEqual([
      { supplierId: 'safetrip', code: '14', message: 'Essential does not cover trekking or mountaineering' },
    ]);
    expect(offers[1]!.premium).toEqual({ amountMinor: 2_140_488, currency: 'NPR' });
    expect(offers[0]!.coverages).toContainEqual({
      type: 'adventure',
      limit: { amountMinor: 3_330_000_000, currency: 'NPR' },
      level: '3000M',
    });
  });

  it('cancels in the free-look period for a full refund, and gives the capacity back', async () => {
    const offer = await offerFor('TREKKER');
    const start = day(40);
    const before = await adapter.book(connection, { offer, insured: [pemba], contact });
    const capacityHeld = await remaining('TREKKER', start);
    await adapter.confirm(connection, before.supplierReference);

    const quote = await adapter.quoteCancellation(connection, before.supplierReference);
    expect(quote).toMatchObject({
      supplierReference: before.supplierReference,
      penalty: { amountMinor: 0, currency: 'USD' },
      refund: offer.premium,
    });
    expect(Date.parse(quote.expiresAt!)).toBeGreaterThan(Date.now());
    const cancelled = await adapter.cancel(connection, quote);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      penalty: quote.penalty,
      refund: quote.refund,
      cancellationReference: expect.stringMatching(/^CX/),
    });
    expect(await remaining('TREKKER', start)).toBe(capacityHeld! + 1);
    expect((await adapter.retrieve(connection, before.supplierReference)).status).toBe('cancelled');
    await expect(adapter.quoteCancellation(connection, before.supplierReference)).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '95',
    });
  });

  it('keeps a quarter of the premium after the free-look period, and refuses once cover has started', async () => {
    const offer = await offerFor('ESSENTIAL');
    const { supplierReference } = await adapter.book(connection, { offer, insured: [pemba], contact });
    await adapter.confirm(connection, supplierReference);
    await simulatorControl.advanceClock(sim.url, 15 * DAY_MS);
    const late = await adapter.quoteCancellation(connection, supplierReference);
    expect(late).toMatchObject({
      penalty: { amountMinor: 761, currency: 'USD' },
      refund: { amountMinor: 2_284, currency: 'USD' },
    });

    await simulatorControl.advanceClock(sim.url, 26 * DAY_MS);
    await expect(adapter.quoteCancellation(connection, supplierReference)).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '264',
    });
  });

  it('refuses to commit a cancellation quote that has expired', async () => {
    const offer = await offerFor('ESSENTIAL');
    const { supplierReference } = await adapter.book(connection, { offer, insured: [pemba], contact });
    const quote = await adapter.quoteCancellation(connection, supplierReference);
    expect(quote).toMatchObject({ penalty: { amountMinor: 0 }, refund: { amountMinor: 0 } }); // a hold has cost nothing yet
    await simulatorControl.advanceClock(sim.url, 16 * 60_000);
    await expect(adapter.cancel(connection, quote)).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierCode: '385',
    });
  });

  it('lets an unissued hold lapse at its time limit and gives the capacity back', async () => {
    const offer = await offerFor('TREKKER');
    const start = day(40);
    const held = await adapter.book(connection, { offer, insured: [pemba], contact });
    const whileHeld = await remaining('TREKKER', start);
    await simulatorControl.advanceClock(sim.url, 31 * 60_000);

    await expect(adapter.confirm(connection, held.supplierReference)).rejects.toMatchObject({
      code: 'OFFER_EXPIRED',
      supplierId: 'safetrip',
    });
    expect(await adapter.retrieve(connection, held.supplierReference)).toMatchObject({ status: 'cancelled', documents: [] });
    expect(await remaining('TREKKER', start)).toBe(whileHeld! + 1);
  });

  it('reports a premium that moved between quote and book', async () => {
    const offer = await offerFor('ESSENTIAL');
    await simulatorControl.addFault(sim.url, { operation: '*', kind: 'price-change', percent: 10, times: 1 });

    const priced = await adapter.price(connection, offer);
    expect(priced.priceChanged).toBe(true);
    expect(priced.offer.premium).toEqual({ amountMinor: 3_350, currency: 'USD' });
    const stale = adapter.book(connection, { offer, insured: [pemba], contact });
    await expect(stale).rejects.toMatchObject({
      code: 'PRICE_CHANGED',
      supplierCode: '189',
      supplierText: 'the Essential premium is now 33.50 USD, not 30.45 USD',
    });
    expect(await adapter.book(connection, { offer: priced.offer, insured: [pemba], contact })).toMatchObject({
      status: 'held',
      total: priced.offer.premium,
    });
  });

  it('leaves out the plans a traveller is too old for, with warnings', async () => {
    const { offers, warnings } = await adapter.quote(connection, quoteRequest({ travellers: [{ age: 34 }, { age: 75 }] }));
    expect(offers.map((offer) => offer.planCode)).toEqual(['COMPREHENSIVE']);
    expect(warnings).toEqual([
      { supplierId: 'safetrip', code: '22', message: 'Essential insures travellers up to age 69, not 75' },
      { supplierId: 'safetrip', code: '22', message: 'Himalayan Trekker insures travellers up to age 65, not 75' },
    ]);
  });

  it.each([
    [
      'a traveller over every plan’s age limit',
      { travellers: [{ age: 85 }] },
      '22',
      'Essential insures travellers up to age 69, not 85',
    ],
    ['a trip longer than any plan covers', { returnDate: day(240) }, '70', 'Essential covers trips of up to 92 days, not 201'],
    ['a destination safetrip does not insure', { destinationCountry: 'AF' }, '14', 'safetrip does not insure travel to AF'],
  ])('refuses %s as a business error with safetrip’s code and text', async (_what, overrides, supplierCode, text) => {
    const quote = adapter.quote(connection, quoteRequest(overrides));
    await expect(quote).rejects.toMatchObject({
      code: 'SUPPLIER_BUSINESS_ERROR',
      supplierId: 'safetrip',
      operation: 'insurance.quote',
      supplierCode,
    });
    await expect(quote).rejects.toHaveProperty('supplierText', expect.stringContaining(text));
  });

  it('lets exactly one of two bookings racing for the last unit of capacity win', async () => {
    const start = day(40);
    const offer = await offerFor('TREKKER');
    await adapter.book(connection, { offer, insured: [pemba], contact });
    for (let left = (await remaining('TREKKER', start))!; left > 1; left--)
      await adapter.book(connection, { offer, insured: [pemba], contact });
    expect(await remaining('TREKKER', start)).toBe(1);

    const race = await Promise.allSettled([
      adapter.book(connection, { offer, insured: [pemba], contact }),
      adapter.book(connection, { offer, insured: [{ ...pemba, givenName: 'Dawa' }], contact }),
    ]);
    expect(race.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const lost = race.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'INVENTORY_EXHAUSTED', supplierCode: '9' });
    expect(await remaining('TREKKER', start)).toBe(0);
    // Sold out for that start date: the plan drops out of quotes, with a warning saying why.
    const { offers, warnings } = await adapter.quote(connection, quoteRequest());
    expect(offers.map((o) => o.planCode)).toEqual(['ESSENTIAL', 'COMPREHENSIVE']);
    expect(warnings).toMatchObject([{ code: '9' }]);
  });

  describe('faults', () => {
    it.each<[Partial<FaultSpec>, string]>([
      [{ kind: 'http-status', status: 503 }, 'SUPPLIER_UNAVAILABLE'],
      [{ kind: 'http-status', status: 429 }, 'SUPPLIER_RATE_LIMITED'],
      [{ kind: 'timeout' }, 'SUPPLIER_TIMEOUT'],
      [{ kind: 'truncated' }, 'SUPPLIER_BAD_RESPONSE'],
      [{ kind: 'malformed' }, 'SUPPLIER_BAD_RESPONSE'],
      [{ kind: 'unsafe-xml' }, 'SUPPLIER_UNSAFE_XML'],
      [{ kind: 'soap-fault', message: 'database unavailable' }, 'SUPPLIER_FAULT'],
      [{ kind: 'session-expired' }, 'SUPPLIER_SESSION_EXPIRED'],
      [{ kind: 'business-error', code: '448', message: 'System error' }, 'SUPPLIER_BUSINESS_ERROR'],
    ])('%j surfaces as %s', async (fault, code) => {
      await simulatorControl.addFault(sim.url, { operation: 'OTA_InsuranceQuoteRQ', times: 1, ...fault } as FaultSpec);
      await expect(adapter.quote(connection, quoteRequest(), { timeoutMs: 500 })).rejects.toMatchObject({
        code,
        supplierId: 'safetrip',
      });
      expect((await adapter.quote(connection, quoteRequest())).offers).toHaveLength(3);
    });

    it('keeps the supplier’s code and text of an injected business error, and says whether to retry', async () => {
      await simulatorControl.addFault(sim.url, {
        operation: 'OTA_ReadRQ',
        kind: 'business-error',
        code: '448',
        message: 'System error',
        times: 1,
      });
      await expect(adapter.retrieve(connection, 'STANY')).rejects.toMatchObject({
        supplierCode: '448',
        supplierText: 'System error',
        retryable: false,
      });
      await simulatorControl.addFault(sim.url, { operation: 'OTA_ReadRQ', kind: 'session-expired', times: 1 });
      await expect(adapter.retrieve(connection, 'STANY')).rejects.toMatchObject({
        supplierCode: 'wsse:MessageExpired',
        retryable: true,
      });
    });

    it('passes warnings through with partial results', async () => {
      await simulatorControl.addFault(sim.url, {
        operation: 'OTA_InsuranceQuoteRQ',
        kind: 'warning',
        message: 'Rates are being updated',
        times: 1,
      });
      const { offers, warnings } = await adapter.quote(connection, quoteRequest());
      expect(offers.map((offer) => offer.planCode)).toEqual(['ESSENTIAL', 'COMPREHENSIVE']);
      expect(warnings.map((warning) => warning.message)).toEqual([
        'Himalayan Trekker could not be quoted just now',
        'Rates are being updated',
      ]);
    });

    it('reports refused credentials as an auth failure, without repeating them', async () => {
      const wrong = { ...connection, credentials: { username: SAFETRIP_CREDENTIALS.username, password: 'not-the-password' } };
      const failure = await adapter.quote(wrong, quoteRequest()).catch((error: unknown) => error);
      expect(failure).toMatchObject({
        code: 'SUPPLIER_AUTH_FAILED',
        supplierCode: 'wsse:FailedAuthentication',
        retryable: false,
      });
      expect(JSON.stringify(failure) + String(failure)).not.toContain('not-the-password');
      await expect(adapter.quote({ ...connection, credentials: {} }, quoteRequest())).rejects.toMatchObject({
        code: 'SUPPLIER_NOT_CONFIGURED',
      });
    });
  });
});
