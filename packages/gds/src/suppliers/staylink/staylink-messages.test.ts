import { expect, it } from 'vitest';
import { describeWithOpenTravel, openTravelSamples, validateOpenTravelMessage } from '../../testing/opentravel.ts';
import { parseXml, type XmlNode } from '../../xml/safe-xml.ts';
import { buildAvailRQ } from './avail-request.ts';
import { AVAIL_RESPONSE_ARRAYS, mapHotelAvailRS } from './avail-response.ts';
import { buildCancelRQ, CANCEL_RESPONSE_ARRAYS, readCancelRS } from './cancel-messages.ts';
import { decodeOfferRef } from './offer-ref.ts';
import { otaOutcome } from './ota-outcome.ts';
import { buildCommitRQ, buildInitiateRQ, buildReadRQ } from './reservation-requests.ts';
import { readHotelReservations, RES_RESPONSE_ARRAYS } from './reservation-response.ts';

const ref = {
  hotelCode: 'KTM001',
  roomTypeCode: 'DLX',
  ratePlanCode: 'BAR',
  checkIn: '2027-01-20',
  checkOut: '2027-01-23',
  rooms: [
    { adults: 2, childAges: [4, 9] },
    { adults: 1, childAges: [] },
  ],
};

const booking = {
  offer: {} as never,
  guests: [
    { givenName: 'Sita', familyName: 'Gurung' },
    { givenName: 'Ram & "Co"', familyName: "O'Neil <b>" },
  ],
  contact: { email: 'sita@example.com', phone: '+977 1 4412345' },
};

const root = (xml: string, name: string, arrays: string[]) => parseXml(xml, { arrays })[name] as XmlNode;

describeWithOpenTravel('staylink requests validate against the OpenTravel 2011B schemas', () => {
  it.each([
    [
      'a city search',
      buildAvailRQ({ requestorId: 'HIMAL', cityCode: 'KTM', checkIn: '2027-01-20', checkOut: '2027-01-23', rooms: ref.rooms }),
    ],
    [
      'a search around a point',
      buildAvailRQ({
        near: { latitude: 27.7172, longitude: 85.324, radiusKm: 2.5 },
        checkIn: '2027-01-20',
        checkOut: '2027-01-21',
        rooms: [{ adults: 1, childAges: [] }],
      }),
    ],
    ['a recheck of one offer', buildAvailRQ({ requestorId: 'HIMAL', ...ref })],
    ['a hold (Initiate)', buildInitiateRQ(ref, booking, { amountMinor: 123456, currency: 'USD' }, 'HIMAL')],
    ['a commit', buildCommitRQ('SLR7KQ2MX', 'HIMAL')],
    ['a read', buildReadRQ('SLR7KQ2MX')],
    ['a cancellation quote', buildCancelRQ('Quote', 'SLR7KQ2MX', { requestorId: 'HIMAL' })],
    ['a cancellation commit', buildCancelRQ('Commit', 'SLR7KQ2MX', { quoteRef: 'SLQ2B4N6P', requestorId: 'HIMAL' })],
  ])('%s', async (_name, xml) => {
    expect(await validateOpenTravelMessage(xml)).toEqual([]);
  });

  it('escapes what travellers type', () => {
    const xml = buildInitiateRQ(ref, booking, { amountMinor: 100, currency: 'USD' });
    expect(xml).toContain('Ram &amp; &quot;Co&quot;');
    expect(xml).toContain('O&apos;Neil &lt;b&gt;');
    expect(xml).toContain('<ResGlobalInfo><Total AmountAfterTax="1.00" CurrencyCode="USD"/>');
  });
});

describeWithOpenTravel('published OpenTravel samples parse through the staylink mappings', () => {
  const fallbackHotel = { supplierHotelCode: 'SAMPLE', name: 'The hotel asked about' };
  const context = { checkIn: '2027-01-20', checkOut: '2027-01-23', rooms: [{ adults: 2, childAges: [] }], hotel: fallbackHotel };

  it.each(openTravelSamples('OTA_HotelAvailRS').map((sample) => [sample.name, sample.xml]))('%s', (_name, xml) => {
    const message = root(xml, 'OTA_HotelAvailRS', AVAIL_RESPONSE_ARRAYS);
    expect(otaOutcome(message, 'hotel.search')).toEqual([]);
    const { offers, unpriced } = mapHotelAvailRS(message, context);
    for (const offer of offers) {
      expect(offer.price.amount.amountMinor).toBeGreaterThan(0);
      expect(offer.price.amount.currency).toMatch(/^[A-Z]{3}$/);
      expect(decodeOfferRef(offer.supplierOfferRef, 'test').hotelCode).toBe(offer.hotel.supplierHotelCode);
    }
    // Every room rate in the sample is either an offer or counted as left out.
    expect(offers.length + unpriced).toBe(xml.match(/<RoomRate[\s>]/g)?.length ?? 0);
  });

  it('maps the nightly rates of OTA_HotelAvailRS.xml exactly, before tax, for the hotel asked about', () => {
    const [sample] = openTravelSamples('OTA_HotelAvailRS.xml');
    const { offers } = mapHotelAvailRS(root(sample!.xml, 'OTA_HotelAvailRS', AVAIL_RESPONSE_ARRAYS), context);
    expect(offers.map((offer) => [decodeOfferRef(offer.supplierOfferRef, 'test').ratePlanCode, offer.price])).toEqual([
      ['CORA999', { amount: { amountMinor: 18900, currency: 'USD' }, basis: 'per_night', taxesIncluded: false }],
      ['CORB999', { amount: { amountMinor: 19900, currency: 'USD' }, basis: 'per_night', taxesIncluded: false }],
      ['REGA999', { amount: { amountMinor: 27000, currency: 'USD' }, basis: 'per_night', taxesIncluded: false }],
      ['REGB999', { amount: { amountMinor: 28500, currency: 'USD' }, basis: 'per_night', taxesIncluded: false }],
      ['AAAAAAA', { amount: { amountMinor: 18900, currency: 'USD' }, basis: 'per_night', taxesIncluded: false }],
    ]);
    expect(offers.every((offer) => offer.hotel === fallbackHotel)).toBe(true);
  });

  it('takes the property from BasicPropertyInfo when the answer names it (OTA_HotelAvailRS3F.xml)', () => {
    const [sample] = openTravelSamples('OTA_HotelAvailRS3F.xml');
    const { offers } = mapHotelAvailRS(root(sample!.xml, 'OTA_HotelAvailRS', AVAIL_RESPONSE_ARRAYS), {
      ...context,
      hotel: undefined,
    });
    expect(offers[0]).toMatchObject({
      hotel: {
        supplierHotelCode: '12345',
        name: 'The Westin Tampa Harbour Island',
        cityCode: 'TPA',
        address: 'South Harbour Island Blvd, Tampa, 33602',
      },
      price: { amount: { amountMinor: 40208, currency: 'USD' }, basis: 'per_night', taxesIncluded: true },
    });
  });

  it.each(openTravelSamples('OTA_HotelResRS').map((sample) => [sample.name, sample.xml]))('%s', (_name, xml) => {
    const message = root(xml, 'OTA_HotelResRS', RES_RESPONSE_ARRAYS);
    expect(otaOutcome(message, 'hotel.book')).toEqual([]);
    expect(readHotelReservations(message)).toEqual([expect.objectContaining({ reference: '86048384', confirmationNumbers: [] })]);
  });

  it.each(openTravelSamples('OTA_CancelRS').map((sample) => [sample.name, sample.xml]))('%s', (_name, xml) => {
    const message = root(xml, 'OTA_CancelRS', CANCEL_RESPONSE_ARRAYS);
    otaOutcome(message, 'hotel.cancel');
    const read = readCancelRS(message);
    expect(read.status).toBe('Cancelled');
    expect(read.reservationIds.length + (read.cancellationNumber ? 1 : 0)).toBeGreaterThan(0);
  });

  it('reads the penalty of OTA_CancelRS_ForumHotelCancelSample.xml', () => {
    const [sample] = openTravelSamples('OTA_CancelRS_ForumHotelCancelSample.xml');
    const read = readCancelRS(root(sample!.xml, 'OTA_CancelRS', CANCEL_RESPONSE_ARRAYS));
    expect(read.rules).toEqual([
      { type: 'Charge', amount: { amountMinor: 10000, currency: 'USD' }, percent: undefined, cancelByDate: '2010-10-18' },
    ]);
    expect(read.cancellationNumber).toBe('123456789');
  });
});
