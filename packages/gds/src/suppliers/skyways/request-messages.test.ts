import { expect, it } from 'vitest';
import type { AirOffer, AirSearchRequest } from '../../products/air.ts';
import { describeWithOpenTravel, validateOpenTravelMessage } from '../../testing/opentravel.ts';
import { airPriceRequest } from './air-price.ts';
import { airBookRequest, cancelCommitRequest, cancelQuoteRequest, demandTicketRequest, readRequest } from './booking-requests.ts';
import { lowFareSearchRequest } from './low-fare-search.ts';
import { decodeOfferRef, encodeOfferRef } from './offer-ref.ts';

/** Every request the adapter builds, in its variants, against the OpenTravel 2011B schemas. */

const identity = { requestorId: 'himal', currency: 'NPR' };

const segment = (
  carrier: string,
  flightNumber: string,
  origin: string,
  destination: string,
  day: string,
  departs: string,
  arrives: string,
) => ({
  carrier,
  flightNumber,
  origin,
  destination,
  departingAt: `2027-01-${day}T${departs}:00+05:45`,
  arrivingAt: `2027-01-${day}T${arrives}:00+05:30`,
  bookingClass: 'Y',
});

const offer: AirOffer = {
  supplierId: 'skyways',
  supplierOfferRef: encodeOfferRef({
    v: 1,
    slices: [
      [segment('U4', '601', 'PKR', 'KTM', '20', '07:00', '07:10'), segment('RA', '211', 'KTM', 'DEL', '20', '11:30', '12:50')],
      [segment('RA', '212', 'DEL', 'KTM', '27', '08:15', '10:05')],
    ],
    cabinClass: 'economy',
    currency: 'NPR',
  }),
  slices: [],
  passengers: [{ type: 'adult' }, { type: 'adult' }, { type: 'child', age: 8 }, { type: 'infant_without_seat', age: 1 }],
  base: { amountMinor: 9_000_000, currency: 'NPR' },
  taxes: { amountMinor: 450_050, currency: 'NPR' },
  total: { amountMinor: 9_450_050, currency: 'NPR' },
};

async function expectValid(xml: string) {
  expect(await validateOpenTravelMessage(xml)).toEqual([]);
}

describeWithOpenTravel('skyways requests', () => {
  it.each<Partial<AirSearchRequest>>([
    {},
    { maxConnections: 0, cabinClass: 'business', currency: 'USD' },
    {
      slices: [
        { origin: 'KTM', destination: 'DEL', departureDate: '2027-01-20' },
        { origin: 'BOM', destination: 'KTM', departureDate: '2027-01-27' },
      ],
      passengers: offer.passengers,
      cabinClass: 'premium_economy',
    },
  ])('low fare search %j validates', async (variant) => {
    const request: AirSearchRequest = {
      slices: [{ origin: 'KTM', destination: 'PKR', departureDate: '2027-01-20' }],
      passengers: [{ type: 'adult' }],
      cabinClass: 'economy',
      ...variant,
    };
    await expectValid(lowFareSearchRequest(request, identity));
  });

  it('price and book requests validate, for a round trip with a connection and a family', async () => {
    const ref = decodeOfferRef(offer.supplierOfferRef, 'test');
    await expectValid(airPriceRequest(offer, ref, identity));
    const passengers = [
      {
        type: 'adult' as const,
        title: 'mr' as const,
        givenName: 'Ang',
        familyName: 'Sherpa',
        dateOfBirth: '1980-02-03',
        gender: 'm' as const,
      },
      {
        type: 'adult' as const,
        title: 'mrs' as const,
        givenName: 'Dolma',
        familyName: 'Sherpa',
        dateOfBirth: '1983-07-09',
        gender: 'f' as const,
      },
      { type: 'child' as const, givenName: 'Pema', familyName: 'Sherpa', dateOfBirth: '2018-11-30', gender: 'x' as const },
      { type: 'infant_without_seat' as const, givenName: 'Nima', familyName: 'Sherpa', dateOfBirth: '2026-01-12' },
    ];
    const book = airBookRequest(
      { offer, passengers, contact: { email: 'ang@example.com', phone: '+977 1 4412345' } },
      ref,
      identity,
    );
    await expectValid(book);
    expect(book).toContain('<TotalFare Amount="94500.50" CurrencyCode="NPR"/>');
  });

  it('ticketing, read and cancellation requests validate', async () => {
    await expectValid(demandTicketRequest('K7Q2ZP', identity));
    await expectValid(readRequest('K7Q2ZP', identity));
    await expectValid(cancelQuoteRequest('K7Q2ZP', identity));
    const fee = { amountMinor: 123_450, currency: 'NPR' };
    await expectValid(
      cancelCommitRequest(
        { supplierId: 'skyways', supplierReference: 'K7Q2ZP', quoteRef: 'CQK7Q2ZP1', penalty: fee, refund: fee },
        identity,
      ),
    );
  });

  it('escapes what travellers type', async () => {
    const passengers = [{ type: 'adult' as const, givenName: 'O<Neil & "Co"', familyName: "D'Souza", dateOfBirth: '1980-02-03' }];
    const single = { ...offer, passengers: [{ type: 'adult' as const }] };
    const xml = airBookRequest(
      { offer: single, passengers, contact: { email: 'a@example.com', phone: '1' } },
      decodeOfferRef(offer.supplierOfferRef, 'test'),
      identity,
    );
    await expectValid(xml);
    expect(xml).toContain('O&lt;Neil &amp; &quot;Co&quot;');
  });
});
