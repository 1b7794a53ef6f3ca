import { expect, it } from 'vitest';
import { isSupplierError } from '../../errors.ts';
import type { AirOffer, AirSearchRequest } from '../../products/air.ts';
import { describeWithOpenTravel, openTravelAvailable, openTravelSamples } from '../../testing/opentravel.ts';
import { parseXml, type XmlNode } from '../../xml/safe-xml.ts';
import { readAirPrice } from './air-price.ts';
import { readAirReservation, toSupplierBooking } from './air-reservation.ts';
import { readCancel, readDemandTicket } from './booking-responses.ts';
import { readLowFareSearch } from './low-fare-search.ts';
import { readPricedItineraries } from './priced-itineraries.ts';
import { SKYWAYS_ARRAYS } from './skyways-call.ts';

/**
 * The OpenTravel 2011B sample answers of the messages skyways speaks, written by others, read by
 * the adapter's own mapping as they are (the samples are bare messages, as inside a SOAP Body).
 */
function sample(name: string) {
  const found = openTravelSamples(name).find((s) => s.name === `${name}.xml`);
  if (!found) throw new Error(`no sample ${name}`);
  return parseXml(found.xml, { arrays: SKYWAYS_ARRAYS });
}

function samplesOf(prefix: string) {
  const samples = openTravelSamples(prefix);
  if (samples.length === 0 && openTravelAvailable()) throw new Error(`no samples ${prefix}`);
  return samples.map((s) => ({ name: s.name, body: parseXml(s.xml, { arrays: SKYWAYS_ARRAYS }) }));
}

const request: AirSearchRequest = {
  slices: [{ origin: 'IAD', destination: 'FLG', departureDate: '2004-06-05' }],
  passengers: [{ type: 'adult' }],
  cabinClass: 'economy',
};

describeWithOpenTravel('published OpenTravel samples through the skyways mapping', () => {
  it.each(samplesOf('OTA_AirLowFareSearchRS'))('reads $name', ({ body }) => {
    const result = readLowFareSearch(body, request);
    const itineraries = readPricedItineraries(body.OTA_AirLowFareSearchRS as XmlNode);
    expect(itineraries.length).toBe(3);
    for (const itinerary of itineraries) {
      const { base, taxes, total } = itinerary.fare!;
      expect(base.amountMinor + taxes.amountMinor).toBe(total.amountMinor);
      expect(total.currency).toBe('USD');
    }
    // These samples price fares without flights: nothing to sell, and the warning says so.
    expect(result.offers).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'INCOMPLETE_ITINERARY' })]);
  });

  it('keeps the low fare sample’s amounts exact', () => {
    const [first] = readPricedItineraries(sample('OTA_AirLowFareSearchRS3').OTA_AirLowFareSearchRS as XmlNode);
    expect(first!.fare).toEqual({
      base: { amountMinor: 25675, currency: 'USD' },
      taxes: { amountMinor: 2825, currency: 'USD' },
      total: { amountMinor: 28500, currency: 'USD' },
    });
    expect(first!.fareBasis).toBe('F');
  });

  it.each(samplesOf('OTA_AirPriceRS'))('reads $name into a priced offer', ({ body }) => {
    const offer = { total: { amountMinor: 85810, currency: 'USD' }, passengers: [{ type: 'adult' }] } as AirOffer;
    const { offer: priced, priceChanged } = readAirPrice(body, offer, 'economy');
    expect(priceChanged).toBe(false);
    expect(priced.base).toEqual({ amountMinor: 78388, currency: 'USD' });
    expect(priced.taxes).toEqual({ amountMinor: 7422, currency: 'USD' });
    expect(priced.fareBasis).toBe('LLPE30N');
    expect(priced.slices[0]!.segments[0]).toMatchObject({
      marketingCarrier: expect.any(String),
      flightNumber: '242',
      bookingClass: 'L',
    });
  });

  it('reads the circle trip price sample as four slices', () => {
    const offer = { total: { amountMinor: 1, currency: 'USD' }, passengers: [{ type: 'adult' }] } as AirOffer;
    const { offer: priced, priceChanged } = readAirPrice(sample('OTA_AirPriceRS'), offer, 'economy');
    expect(priceChanged).toBe(true);
    expect(priced.slices.map((s) => `${s.origin}-${s.destination}`)).toEqual(['ATL-LAX', 'LAX-HNL', 'HNL-LAX', 'LAX-ATL']);
    expect(priced.slices[0]!.segments[0]!.durationMinutes).toBeUndefined();
  });

  it.each(samplesOf('OTA_AirBookRS'))('reads $name', ({ name, body }) => {
    let view;
    try {
      view = readAirReservation(body, 'air.retrieve');
    } catch (error) {
      // OTA_AirBookRS5 is an Errors answer: it must surface as the supplier's error, code kept.
      expect(name).toBe('OTA_AirBookRS5.xml');
      expect(isSupplierError(error) && [error.code, error.supplierCode]).toEqual(['SUPPLIER_BUSINESS_ERROR', '95']);
      return;
    }
    expect(view.bookingReference ?? '(none)').toMatch(/^([A-Z0-9]{6}|\(none\))$/);
    const booking = view.bookingReference
      ? toSupplierBooking(view, 'air.retrieve', { amountMinor: 0, currency: 'USD' })
      : undefined;
    if (booking) expect(['held', 'confirmed']).toContain(booking.status);
  });

  it('reads tickets, ticket time limits and warnings from the booking samples', () => {
    const ticketed = readAirReservation(sample('OTA_AirBookRS20'), 'air.retrieve');
    expect(ticketed.ticketNumbers).toEqual(['0011610234533']);
    expect(toSupplierBooking(ticketed, 'air.retrieve', { amountMinor: 1, currency: 'USD' })).toMatchObject({
      supplierReference: 'I23FZ4',
      status: 'confirmed',
    });
    expect(readAirReservation(sample('OTA_AirBookRS2'), 'air.book').ticketTimeLimit).toBe('2003-09-10T00:00:00');
    expect(readAirReservation(sample('OTA_AirBookRS8'), 'air.book').warnings).toEqual([
      { supplierId: 'skyways', code: '115', message: 'no text' },
    ]);
  });

  it.each(samplesOf('OTA_AirDemandTicketRS'))('reads $name', ({ body }) => {
    const view = readDemandTicket(body);
    expect(view.bookingReference).toMatch(/^[A-Z0-9]{5,6}$/);
    expect(view.ticketNumbers.length).toBeGreaterThan(0);
  });

  it.each(samplesOf('OTA_CancelRS'))('reads $name', ({ body }) => {
    const view = readCancel(body, 'air.cancel');
    expect(view.status).toBe('Cancelled');
  });

  it('reads penalties from the cancellation samples', () => {
    expect(readCancel(sample('OTA_CancelRSEntireAirlineResPenalties'), 'air.cancel')).toMatchObject({
      charge: { amountMinor: 5000, currency: 'USD' },
      chargeValidUntil: '2010-03-16T05:00:00-05:00',
      warnings: [{ supplierId: 'skyways', code: 'EWT-11', message: 'Cancellation penalties apply.' }],
    });
    expect(readCancel(sample('OTA_CancelRS_ForumHotelCancelSample'), 'air.cancel').charge).toEqual({
      amountMinor: 10000,
      currency: 'USD',
    });
    expect(readCancel(sample('OTA_CancelRS_GolfUC1'), 'air.cancel').reference).toBe('CNCL99999');
  });
});
