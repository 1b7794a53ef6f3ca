import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decimalToMinor, flushSupplierCalls, type AirOffer, type AirSearchRequest } from '@himal/gds';
import {
  airBookRequest,
  airPriceRequest,
  cancelCommitRequest,
  cancelQuoteRequest,
  decodeOfferRef,
  demandTicketRequest,
  lowFareSearchRequest,
  readLowFareSearch,
  readRequest,
  SKYWAYS_ARRAYS,
} from '@himal/gds/suppliers/skyways';
import { validateOpenTravelMessage } from '@himal/gds/testing/opentravel';
import {
  attributeOf,
  childOf,
  childrenOf,
  parseSoapEnvelope,
  pathOf,
  soapEnvelope,
  usernameTokenHeader,
  type XmlNode,
} from '@himal/gds/xml';
import { simulatorControl, startSimulator, type RunningSimulator } from '../harness/simulator-server.ts';
import { seatsLeftOnFlights } from './control-state.ts';
import { SKYWAYS_CREDENTIALS, createSkywaysSimulator } from './skyways-simulator.ts';

/** Skyways spoken to over HTTP as any client would, its every answer checked against the OpenTravel 2011B schemas. */

const identity = { requestorId: SKYWAYS_CREDENTIALS.username };

function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('skyways simulator', () => {
  let sim: RunningSimulator;

  async function ota(
    action: string,
    requestXml: string,
    header = usernameTokenHeader(SKYWAYS_CREDENTIALS.username, SKYWAYS_CREDENTIALS.password),
  ) {
    const response = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"http://skyways.example/ota/${action}"` },
      body: soapEnvelope(requestXml, header),
    });
    const xml = await response.text();
    const message = /<soap:Body>([\s\S]*)<\/soap:Body>/.exec(xml)?.[1] ?? '';
    const { body, fault } = parseSoapEnvelope(xml, { arrays: SKYWAYS_ARRAYS });
    if (!fault) expect(await validateOpenTravelMessage(message), `${action} answer validates`).toEqual([]);
    return { status: response.status, body, fault, rs: Object.values(body)[0] as XmlNode };
  }

  async function search(request: Partial<AirSearchRequest> = {}) {
    const full: AirSearchRequest = {
      slices: [{ origin: 'KTM', destination: 'DEL', departureDate: daysAhead(40) }],
      passengers: [{ type: 'adult' }],
      cabinClass: 'economy',
      currency: 'NPR',
      ...request,
    };
    const answer = await ota('AirLowFareSearch', lowFareSearchRequest(full, { ...identity, currency: full.currency }));
    return { ...answer, offers: childOf(answer.rs, 'Success') ? readLowFareSearch(answer.body, full).offers : [] };
  }

  /** A hold request; `atAnyFare` leaves out PriceInfo (optional in the schema), so skyways books at its fare of now. */
  function bookXml(offer: AirOffer, adults = 1, atAnyFare = false) {
    const passengers = Array.from({ length: adults }, (_, i) => ({
      type: 'adult' as const,
      givenName: 'Pasang',
      familyName: `Sherpa${'ABCDEFGHI'[i]}`,
      dateOfBirth: '1988-05-04',
    }));
    const xml = airBookRequest(
      { offer, passengers, contact: { email: 'pasang@example.com', phone: '+977 1 5550100' } },
      decodeOfferRef(offer.supplierOfferRef, 'test'),
      { ...identity, currency: offer.total.currency },
    );
    return atAnyFare ? xml.replace(/<PriceInfo>.*<\/PriceInfo>/, '') : xml;
  }

  async function hold(offer: AirOffer, adults = 1): Promise<string> {
    const { rs } = await ota('AirBook', bookXml(offer, adults, true));
    const locator = attributeOf(childOf(pathOf(rs, 'AirReservation'), 'BookingReferenceID'), 'ID');
    expect(locator, JSON.stringify(rs)).toMatch(/^[A-Z2-9]{6}$/);
    return locator!;
  }

  beforeAll(async () => {
    sim = await startSimulator(createSkywaysSimulator(), 0);
  });
  beforeEach(() => simulatorControl.reset(sim.url));
  afterAll(async () => {
    await sim.close();
    await flushSupplierCalls();
  });

  it('answers a low fare search with priced itineraries, cheapest first, in the currency asked', async () => {
    const { offers, rs } = await search({
      passengers: [{ type: 'adult' }, { type: 'child', age: 8 }, { type: 'infant_without_seat' }],
    });
    expect(offers.length).toBeGreaterThan(2);
    expect(offers.every((o) => o.total.currency === 'NPR')).toBe(true);
    const totals = offers.map((o) => o.total.amountMinor);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const breakdowns = childrenOf(
      pathOf(childrenOf(childOf(rs, 'PricedItineraries'), 'PricedItinerary')[0], 'AirItineraryPricingInfo', 'PTC_FareBreakdowns'),
      'PTC_FareBreakdown',
    );
    expect(breakdowns.map((b) => attributeOf(childOf(b, 'PassengerTypeQuantity'), 'Code'))).toEqual(['ADT', 'CHD', 'INF']);
  });

  it('answers a six-slice search, the most the platform allows, with its cheapest itineraries and no blow-up', async () => {
    // Once this built every combination of every slice's options (billions for six slices with
    // connections) and grew past 4.5 GB before answering anyone.
    const heapBefore = process.memoryUsage().heapUsed;
    const slices = ['KTM', 'DEL', 'KTM', 'DEL', 'KTM', 'DEL', 'KTM'].slice(0, 6).map((origin, i) => ({
      origin,
      destination: origin === 'KTM' ? 'DEL' : 'KTM',
      departureDate: daysAhead(30 + 3 * i),
    }));
    const { offers } = await search({ slices, maxConnections: 1 });
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.length).toBeLessThanOrEqual(50);
    expect(offers.every((offer) => offer.slices.length === 6)).toBe(true);
    const totals = offers.map((o) => o.total.amountMinor);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('honours VendorPref Only and Unacceptable', async () => {
    const carriersOf = (offers: AirOffer[]) =>
      new Set(offers.flatMap((o) => o.slices.flatMap((s) => s.segments.map((g) => g.marketingCarrier))));
    const all = carriersOf((await search()).offers);
    expect(all.size).toBeGreaterThan(1);
    const [chosen] = [...all];
    const withPref = async (level: string) => {
      const full: AirSearchRequest = {
        slices: [{ origin: 'KTM', destination: 'DEL', departureDate: daysAhead(40) }],
        passengers: [{ type: 'adult' }],
        cabinClass: 'economy',
        currency: 'NPR',
      };
      const xml = lowFareSearchRequest(full, { ...identity, currency: 'NPR' }).replace(
        /<TravelPreferences([^>]*)>/,
        `<TravelPreferences$1><VendorPref Code="${chosen}" PreferLevel="${level}"/>`,
      );
      expect(xml).toContain('<VendorPref');
      const answer = await ota('AirLowFareSearch', xml);
      return carriersOf(childOf(answer.rs, 'Success') ? readLowFareSearch(answer.body, full).offers : []);
    };
    expect(await withPref('Only')).toEqual(new Set([chosen]));
    const without = await withPref('Unacceptable');
    expect(without.has(chosen!)).toBe(false);
    expect(without.size).toBeGreaterThan(0);
  });

  it('finds connections and round trips, and prices the same journey the same way twice', async () => {
    const roundTrip = (day: number) => ({
      slices: [
        { origin: 'PKR', destination: 'BKK', departureDate: daysAhead(day) },
        { origin: 'BKK', destination: 'PKR', departureDate: daysAhead(day + 7) },
      ],
    });
    // Some days the few flights to Bangkok are full: the first week day with seats will do.
    let day = 45;
    while ((await search(roundTrip(day))).offers.length === 0 && day < 52) day += 1;
    const request = roundTrip(day);
    const first = await search(request);
    expect(first.offers.length).toBeGreaterThan(0);
    expect(first.offers[0]!.slices.map((s) => s.segments.length)).toEqual([2, 2]);
    const again = await search(request);
    expect(again.offers.map((o) => [o.supplierOfferRef, o.total])).toEqual(
      first.offers.map((o) => [o.supplierOfferRef, o.total]),
    );
  });

  it('sells in NPR, USD and INR at fixed rates, and refuses other currencies', async () => {
    const [npr, usd, inr] = await Promise.all([
      search({ currency: 'NPR' }),
      search({ currency: 'USD' }),
      search({ currency: 'INR' }),
    ]);
    const ref = npr.offers[0]!.supplierOfferRef.replace('"NPR"', '"USD"');
    expect(usd.offers.find((o) => o.supplierOfferRef === ref)).toBeDefined();
    expect(inr.offers[0]!.total.currency).toBe('INR');
    const eur = await search({ currency: 'EUR' });
    expect(childOf(childOf(eur.rs, 'Errors'), 'Error')).toMatchObject({ '@_Code': 'CUR' });
  });

  it('answers Errors for no availability, past dates and cabins it does not sell', async () => {
    const noFlights = await search({
      slices: [{ origin: 'JKR', destination: 'DXB', departureDate: daysAhead(30) }],
      maxConnections: 0,
    });
    expect(childOf(childOf(noFlights.rs, 'Errors'), 'Error')).toMatchObject({ '@_Code': '322' });
    const past = await search({ slices: [{ origin: 'KTM', destination: 'PKR', departureDate: '2020-01-01' }] });
    expect(childOf(childOf(past.rs, 'Errors'), 'Error')).toMatchObject({ '@_Code': '15' });
    const first = await search({ cabinClass: 'first' });
    expect(childOf(childOf(first.rs, 'Errors'), 'Error')).toMatchObject({ '@_Code': '322' });
  });

  it('prices an itinerary again, and books, tickets, reads and cancels it with valid OpenTravel answers', async () => {
    const offer = (await search()).offers.find((o) => o.fareBasis === 'YOWFLX')!;
    const priced = await ota(
      'AirPrice',
      airPriceRequest(offer, decodeOfferRef(offer.supplierOfferRef, 'test'), { ...identity, currency: 'NPR' }),
    );
    expect(
      attributeOf(
        pathOf(priced.rs, 'PricedItineraries', 'PricedItinerary', 'AirItineraryPricingInfo', 'ItinTotalFare', 'TotalFare'),
        'CurrencyCode',
      ),
    ).toBe('NPR');

    const locator = await hold(offer);
    const ticketed = await ota('AirDemandTicket', demandTicketRequest(locator, identity));
    expect(childrenOf(ticketed.rs, 'TicketItemInfo')).toHaveLength(1);
    const read = await ota('Read', readRequest(locator, identity));
    expect(childrenOf(pathOf(read.rs, 'AirReservation'), 'Ticketing').map((t) => attributeOf(t, 'TicketDocumentNbr'))).toEqual([
      attributeOf(childOf(ticketed.rs, 'TicketItemInfo'), 'TicketNumber'),
    ]);

    const quote = await ota('Cancel', cancelQuoteRequest(locator, identity));
    const rules = childrenOf(pathOf(quote.rs, 'CancelInfoRS', 'CancelRules'), 'CancelRule');
    const charge = rules.find((r) => attributeOf(r, 'Type') === 'Charge')!;
    expect(Number(attributeOf(charge, 'Amount'))).toBeGreaterThan(0);
    const quoteRef = attributeOf(pathOf(quote.rs, 'CancelInfoRS', 'UniqueID'), 'ID')!;
    const penalty = { amountMinor: decimalToMinor(attributeOf(charge, 'Amount')!, 'NPR'), currency: 'NPR' };
    const commit = await ota(
      'Cancel',
      cancelCommitRequest({ supplierId: 'skyways', supplierReference: locator, quoteRef, penalty, refund: penalty }, identity),
    );
    expect(attributeOf(commit.rs, 'Status')).toBe('Cancelled');
    const again = await ota('Cancel', cancelQuoteRequest(locator, identity));
    expect(attributeOf(again.rs, 'Status')).toBe('Unsuccessful');
    expect(childOf(childOf(again.rs, 'Errors'), 'Error')).toMatchObject({ '@_Code': '95' });
  });

  it('cancels the OpenTravel ways: Initiate then Commit without naming the quote, and Cancel in one step', async () => {
    const offer = (await search()).offers.find((o) => o.fareBasis === 'YOWFLX')!;
    const twoPhase = await hold(offer);
    const initiated = await ota(
      'Cancel',
      cancelQuoteRequest(twoPhase, identity).replace('CancelType="Quote"', 'CancelType="Initiate"'),
    );
    expect(attributeOf(initiated.rs, 'Status')).toBe('Pending');
    // Commit names the booking only: the simulator commits the cancellation it initiated.
    const committed = await ota(
      'Cancel',
      cancelQuoteRequest(twoPhase, identity).replace('CancelType="Quote"', 'CancelType="Commit"'),
    );
    expect(attributeOf(committed.rs, 'Status')).toBe('Cancelled');

    const oneStep = await hold(offer);
    const cancelled = await ota(
      'Cancel',
      cancelQuoteRequest(oneStep, identity).replace('CancelType="Quote"', 'CancelType="Cancel"'),
    );
    expect(attributeOf(cancelled.rs, 'Status')).toBe('Cancelled');

    const notInitiated = await hold(offer);
    const refused = await ota(
      'Cancel',
      cancelQuoteRequest(notInitiated, identity).replace('CancelType="Quote"', 'CancelType="Commit"'),
    );
    expect(attributeOf(refused.rs, 'Status')).toBe('Unsuccessful');
  });

  it('refuses requests without a valid UsernameToken with WS-Security faults', async () => {
    const request = lowFareSearchRequest(
      {
        slices: [{ origin: 'KTM', destination: 'PKR', departureDate: daysAhead(20) }],
        passengers: [{ type: 'adult' }],
        cabinClass: 'economy',
      },
      identity,
    );
    const wrong = await ota('AirLowFareSearch', request, usernameTokenHeader(SKYWAYS_CREDENTIALS.username, 'not-the-secret'));
    expect(wrong.status).toBe(500);
    expect(wrong.fault?.faultCode).toBe('wsse:FailedAuthentication');
    expect((await ota('AirLowFareSearch', request, '')).fault?.faultCode).toBe('wsse:InvalidSecurity');
    const unsafe = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', soapaction: '"http://skyways.example/ota/AirLowFareSearch"' },
      body: soapEnvelope(request).replace('?>', '?><!DOCTYPE x [<!ENTITY e "e">]>'),
    });
    expect(parseSoapEnvelope(await unsafe.text()).fault?.faultCode).toBe('soap:Client');
    const header = usernameTokenHeader(SKYWAYS_CREDENTIALS.username, SKYWAYS_CREDENTIALS.password);
    expect((await ota('AirLowFareSearch', request, header)).fault).toBeUndefined();
    expect((await ota('AirLowFareSearch', request, header)).fault?.faultCode).toBe('wsse:FailedAuthentication');
  });

  /** Seats skyways shows for the offer's flights now (0 when it no longer offers them). */
  async function seatsShown(offer: AirOffer): Promise<number> {
    const request = {
      slices: offer.slices.map((s) => ({
        origin: s.origin,
        destination: s.destination,
        departureDate: s.segments[0]!.departingAt.slice(0, 10),
      })),
    };
    return (await search(request)).offers.find((o) => o.supplierOfferRef === offer.supplierOfferRef)?.seatsRemaining ?? 0;
  }

  it('takes seats when it holds, gives them back on cancel and when a hold lapses', async () => {
    const offer = (await search()).offers.find((o) => o.fareBasis === 'YOWFLX' && o.seatsRemaining! >= 3)!;
    const before = await seatsLeftOnFlights(sim.url, offer);
    const locator = await hold(offer, 2);
    const state = await simulatorControl.state<{ reservations: Array<{ locator: string; status: string }> }>(sim.url);
    expect(state.reservations).toEqual([expect.objectContaining({ locator, status: 'held' })]);
    expect(await seatsLeftOnFlights(sim.url, offer)).toEqual(before.map((n) => n - 2));
    const cancelled = await hold(offer, 1);
    const quote = await ota('Cancel', cancelQuoteRequest(cancelled, identity));
    const quoteRef = attributeOf(pathOf(quote.rs, 'CancelInfoRS', 'UniqueID'), 'ID')!;
    const nothing = { amountMinor: 0, currency: 'NPR' };
    await ota(
      'Cancel',
      cancelCommitRequest(
        { supplierId: 'skyways', supplierReference: cancelled, quoteRef, penalty: nothing, refund: nothing },
        identity,
      ),
    );
    expect(await seatsLeftOnFlights(sim.url, offer)).toEqual(before.map((n) => n - 2));

    await simulatorControl.advanceClock(sim.url, 25 * 3_600_000);
    await ota('Read', readRequest(locator, identity));
    expect(await seatsLeftOnFlights(sim.url, offer)).toEqual(before);
    const lapsed = await ota('Read', readRequest(locator, identity));
    const segments = childrenOf(
      childOf(pathOf(lapsed.rs, 'AirReservation', 'AirItinerary', 'OriginDestinationOptions'), 'OriginDestinationOption'),
      'FlightSegment',
    );
    expect(new Set(segments.map((s) => attributeOf(s, 'Status')))).toEqual(new Set(['HX']));
    const ticketing = await ota('AirDemandTicket', demandTicketRequest(locator, identity));
    expect(childOf(childOf(ticketing.rs, 'Errors'), 'Error')).toMatchObject({ '@_Code': 'TTL' });
  });

  it('sells the last seat once when two bookings race for it', async () => {
    const offer = (await search({ slices: [{ origin: 'KTM', destination: 'PKR', departureDate: daysAhead(33) }] })).offers.find(
      (o) => o.fareBasis === 'YOWFLX',
    )!;
    for (let shown = offer.seatsRemaining!; shown > 1; shown = await seatsShown(offer)) await hold(offer, Math.min(shown - 1, 9));
    const answers = await Promise.all([ota('AirBook', bookXml(offer, 1, true)), ota('AirBook', bookXml(offer, 1, true))]);
    const codes = answers.map((a) =>
      childOf(a.rs, 'Success') ? 'booked' : attributeOf(childOf(childOf(a.rs, 'Errors'), 'Error'), 'Code'),
    );
    expect(codes.sort()).toEqual(['322', 'booked']);
  });

  it('moves fares by injected price changes and says so when booking at the old fare', async () => {
    const offer = (await search()).offers[0]!;
    await simulatorControl.addFault(sim.url, { operation: 'AirBook', kind: 'price-change', percent: 12, times: 1 });
    const refused = await ota('AirBook', bookXml(offer));
    expect(childOf(childOf(refused.rs, 'Errors'), 'Error')).toMatchObject({ '@_Code': 'FCH' });
    const dearer = (await search()).offers.find((o) => o.supplierOfferRef === offer.supplierOfferRef)!;
    expect(dearer.total.amountMinor).toBeGreaterThan(offer.total.amountMinor);
  });

  it('answers injected business errors, warnings with partial results, SOAP faults and expired tokens', async () => {
    const full = (await search()).offers.length;
    await simulatorControl.addFault(sim.url, { operation: 'AirLowFareSearch', kind: 'warning', times: 1 });
    const partial = await search();
    expect(childOf(childOf(partial.rs, 'Warnings'), 'Warning')).toMatchObject({ '@_Code': 'PRT' });
    expect(partial.offers.length).toBe(Math.ceil(full / 2));
    await simulatorControl.addFault(sim.url, {
      operation: 'AirLowFareSearch',
      kind: 'business-error',
      code: '187',
      message: 'Fare engine down',
      times: 1,
    });
    expect(childOf(childOf((await search()).rs, 'Errors'), 'Error')).toMatchObject({
      '@_Code': '187',
      '#text': 'Fare engine down',
    });
    await simulatorControl.addFault(sim.url, { operation: '*', kind: 'soap-fault', times: 1 });
    expect((await search()).fault?.faultCode).toBe('soap:Server');
    await simulatorControl.addFault(sim.url, { operation: '*', kind: 'session-expired', times: 1 });
    expect((await search()).fault?.faultCode).toBe('wsse:MessageExpired');
  });
});
