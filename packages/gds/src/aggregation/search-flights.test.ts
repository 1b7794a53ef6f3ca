import { afterEach, describe, expect, it } from 'vitest';
import { SupplierError } from '../errors.ts';
import { FxTable } from '../fx/fx-table.ts';
import type { AirOffer, AirSearchRequest, AirSupplierAdapter } from '../products/air.ts';
import type { CallContext, SupplierConnection } from '../products/common.ts';
import { resetCircuitBreakers } from './circuit-breaker.ts';
import { searchFlights } from './search-flights.ts';

/**
 * The fan-out's own rules (parallelism, timeouts, breakers, warnings) with in-process adapters whose
 * behaviour each test sets; the adapters against real simulators are tested in core's search tests.
 */
const request: AirSearchRequest = {
  slices: [{ origin: 'KTM', destination: 'PKR', departureDate: '2027-01-20' }],
  passengers: [{ type: 'adult' }],
  cabinClass: 'economy',
};
const fx = new FxTable([{ base: 'USD', quote: 'NPR', rate: '140', asOf: new Date('2026-11-01'), source: 'test' }]);
const connection = (supplierId: string): SupplierConnection => ({
  supplierId,
  endpoint: `http://${supplierId}.test/soap`,
  credentials: { password: 'secret-password' },
});

function offer(supplierId: string, total: string, currency: string): AirOffer {
  const minor = Math.round(Number(total) * 100);
  return {
    supplierId,
    supplierOfferRef: `${supplierId}-ref`,
    slices: [],
    passengers: request.passengers,
    base: { amountMinor: minor, currency },
    taxes: { amountMinor: 0, currency },
    total: { amountMinor: minor, currency },
  };
}

function adapter(supplierId: string, behaviour: (context: CallContext) => Promise<AirOffer[]>): AirSupplierAdapter {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    supplierId,
    product: 'air',
    search: async (_connection, _request, context) => ({ offers: await behaviour(context ?? {}), warnings: [] }),
    price: unused,
    book: unused,
    confirm: unused,
    quoteCancellation: unused,
    cancel: unused,
    retrieve: unused,
  };
}

const answers =
  (offers: AirOffer[], delayMs = 0) =>
  () =>
    new Promise<AirOffer[]>((resolve) => setTimeout(() => resolve(offers), delayMs));
const fails = (code: 'SUPPLIER_UNAVAILABLE' | 'SUPPLIER_BUSINESS_ERROR', supplierId: string) => () =>
  Promise.reject(
    new SupplierError(code, `${supplierId} answered HTTP 503`, { supplierId, supplierText: 'secret-password leaked?' }),
  );

afterEach(() => resetCircuitBreakers());

describe('searchFlights', () => {
  it('asks suppliers in parallel and prices every offer in the asked currency, cheapest first', async () => {
    const adapters = {
      a: adapter('a', answers([offer('a', '9450.00', 'NPR')], 200)),
      b: adapter('b', answers([offer('b', '60.00', 'USD')], 200)),
    };
    const started = performance.now();
    const result = await searchFlights(request, {
      tenantId: 't',
      currency: 'NPR',
      fx,
      adapters,
      connections: [connection('a'), connection('b')],
    });
    expect(performance.now() - started).toBeLessThan(380);
    expect(result.warnings).toEqual([]);
    expect(result.offers.map((o) => [o.offer.supplierId, o.total.amountMinor, o.supplierTotal.currency])).toEqual([
      ['b', 840000, 'USD'],
      ['a', 945000, 'NPR'],
    ]);
    expect(result.offers[0]!.fx).toMatchObject({ base: 'USD', quote: 'NPR', rate: '140' });
    expect(result.offers[1]!.fx).toBeNull();
  });

  it('answers with the others and a warning when a supplier fails, without its credentials or raw text', async () => {
    const adapters = {
      a: adapter('a', answers([offer('a', '9450.00', 'NPR')])),
      b: adapter('b', fails('SUPPLIER_UNAVAILABLE', 'b')),
    };
    const result = await searchFlights(request, {
      tenantId: 't',
      currency: 'NPR',
      fx,
      adapters,
      connections: [connection('a'), connection('b')],
    });
    expect(result.offers).toHaveLength(1);
    expect(result.warnings).toEqual([{ supplierId: 'b', code: 'SUPPLIER_UNAVAILABLE', message: 'b answered HTTP 503' }]);
    expect(JSON.stringify(result)).not.toContain('secret-password');
  });

  it('cuts a slow supplier off at the timeout and aborts its calls', async () => {
    let aborted = false;
    const slow = adapter('slow', (context) => {
      context.signal?.addEventListener('abort', () => (aborted = true));
      return answers([offer('slow', '1.00', 'NPR')], 5_000)();
    });
    const adapters = { a: adapter('a', answers([offer('a', '9450.00', 'NPR')])), slow };
    const started = performance.now();
    const result = await searchFlights(request, {
      tenantId: 't',
      currency: 'NPR',
      fx,
      adapters,
      connections: [connection('a'), connection('slow')],
      supplierTimeoutMs: 150,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.offers.map((o) => o.offer.supplierId)).toEqual(['a']);
    expect(result.warnings).toEqual([
      { supplierId: 'slow', code: 'SUPPLIER_TIMEOUT', message: 'slow did not answer within 150 ms' },
    ]);
    expect(aborted).toBe(true);
  });

  it('opens a failing supplier circuit: later searches skip it at once, then one trial call after the cooldown', async () => {
    let calls = 0;
    let healthy = false;
    const flaky = adapter('flaky', () => {
      calls += 1;
      return healthy ? answers([offer('flaky', '100.00', 'NPR')])() : fails('SUPPLIER_UNAVAILABLE', 'flaky')();
    });
    const options = {
      tenantId: 't',
      currency: 'NPR',
      fx,
      adapters: { flaky },
      connections: [connection('flaky')],
      breakerFailureThreshold: 2,
      breakerCooldownMs: 200,
    };
    await searchFlights(request, options);
    await searchFlights(request, options);
    const refused = await searchFlights(request, options);
    expect(calls).toBe(2);
    expect(refused.warnings[0]).toMatchObject({ supplierId: 'flaky', code: 'SUPPLIER_CIRCUIT_OPEN' });

    await new Promise((resolve) => setTimeout(resolve, 250));
    healthy = true;
    const [trial, concurrent] = await Promise.all([searchFlights(request, options), searchFlights(request, options)]);
    expect(calls).toBe(3);
    expect(trial.offers).toHaveLength(1);
    expect(concurrent.warnings[0]?.code).toBe('SUPPLIER_CIRCUIT_OPEN');
    expect((await searchFlights(request, options)).offers).toHaveLength(1);
  });

  it('keeps a supplier business error out of the breaker', async () => {
    let calls = 0;
    const picky = adapter('picky', () => {
      calls += 1;
      return fails('SUPPLIER_BUSINESS_ERROR', 'picky')();
    });
    const options = {
      tenantId: 't',
      currency: 'NPR',
      fx,
      adapters: { picky },
      connections: [connection('picky')],
      breakerFailureThreshold: 1,
    };
    for (let i = 0; i < 3; i++) expect((await searchFlights(request, options)).warnings[0]?.code).toBe('SUPPLIER_BUSINESS_ERROR');
    expect(calls).toBe(3);
  });

  it('leaves out offers it cannot price, with a warning, and names a supplier that has no adapter', async () => {
    const adapters = { a: adapter('a', answers([offer('a', '10.00', 'QAR'), offer('a', '9450.00', 'NPR')])) };
    const result = await searchFlights(request, {
      tenantId: 't',
      currency: 'NPR',
      fx,
      adapters,
      connections: [connection('a'), connection('ghost')],
    });
    expect(result.offers).toHaveLength(1);
    expect(result.warnings).toEqual([
      { supplierId: 'ghost', code: 'SUPPLIER_NOT_CONFIGURED', message: 'no adapter for ghost' },
      { supplierId: 'a', code: 'OFFERS_NOT_PRICED', message: '1 offer(s) left out: no exchange rate from QAR to NPR' },
    ]);
  });

  it('says so when the agency has no supplier for the product', async () => {
    const result = await searchFlights(request, { tenantId: 't', currency: 'NPR', fx, adapters: {}, connections: [] });
    expect(result).toEqual({
      offers: [],
      warnings: [{ supplierId: 'platform', code: 'NO_SUPPLIERS', message: 'no supplier is enabled for air' }],
    });
  });
});
