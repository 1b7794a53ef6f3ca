import { describe, expect, it } from 'vitest';
import { parseXml, type XmlNode } from '@himal/gds/xml';
import {
  basisPoints,
  BOOKING_RESPONSE_ARRAYS,
  buildBookingRequest,
  buildCancelCommitRequest,
  buildHoldBookingRequest,
  buildPropertySearchRequest,
  buildRateCheckRequest,
  mapProperties,
  readBooking,
  SEARCH_RESPONSE_ARRAYS,
  taxesPerRoomNight,
} from '@himal/gds/suppliers/roomrack';
import { validateRoomrackMessage } from '../../roomrack/roomrack-schema.ts';

const stay = {
  checkIn: '2027-03-10',
  checkOut: '2027-03-12',
  rooms: [
    { adults: 2, childAges: [3, 11] },
    { adults: 1, childAges: [] },
  ],
};
const booking = {
  offer: {} as never,
  guests: [
    { givenName: 'Dawa', familyName: 'Lama' },
    { givenName: 'Tsering & "Co"', familyName: '<Lama>' },
  ],
  contact: { email: 'dawa@example.com', phone: '+977 61 465000' },
};

describe('roomrack requests validate against the schema in its WSDL', () => {
  it.each([
    ['a city search', buildPropertySearchRequest(stay, { cityCode: 'PKR' })],
    [
      'a search around a point',
      buildPropertySearchRequest(stay, { near: { latitude: 27.5786, longitude: 84.4951, radiusKm: 1.5 } }),
    ],
    ['a rate check', buildRateCheckRequest('eyJwIjoxfQ.abc')],
    ['a hold', buildHoldBookingRequest('eyJwIjoxfQ.abc', booking)],
    ['a confirmation', buildBookingRequest('ConfirmBookingRequest', 'RRR7KQ2MX')],
    ['a read', buildBookingRequest('GetBookingRequest', 'RRR7KQ2MX')],
    ['a cancellation quote', buildBookingRequest('CancelQuoteRequest', 'RRR7KQ2MX')],
    ['a cancellation commit', buildCancelCommitRequest('RRR7KQ2MX', 'RRQ2B4N6P')],
  ])('%s', async (_name, xml) => {
    expect(await validateRoomrackMessage(xml)).toEqual([]);
  });

  it('escapes what travellers type', () => {
    const xml = buildHoldBookingRequest('k', booking);
    expect(xml).toContain('givenName="Tsering &amp; &quot;Co&quot;" surname="&lt;Lama&gt;"');
  });
});

describe('roomrack taxes', () => {
  it('reads percents exactly', () => {
    expect(basisPoints('13.00')).toBe(1300);
    expect(basisPoints('2.5')).toBe(250);
    expect(basisPoints('0.75')).toBe(75);
    expect(basisPoints('13.005')).toBeUndefined();
    expect(basisPoints('-1')).toBeUndefined();
  });

  it('charges VAT on the rate plus the service charge, rounding each half up, in the order listed', () => {
    const rate = { amountMinor: 1_234_500, currency: 'NPR' };
    const taxes = [
      { code: 'SC', percent: '10.00', onTopOf: [] },
      { code: 'VAT', percent: '13.00', onTopOf: ['SC'] },
      { code: 'TSF', amountMinor: 15_000, onTopOf: [] },
    ];
    // SC 1,234.50; VAT 13 % of 13,579.50 = 1,765.335 -> 1,765.34; fee 150.00
    expect(taxesPerRoomNight(rate, taxes)).toEqual({ amountMinor: 123_450 + 176_534 + 15_000, currency: 'NPR' });
    expect(taxesPerRoomNight(rate, [{ code: 'SC', percent: '10.00', onTopOf: [] }])).toEqual({
      amountMinor: 123_450,
      currency: 'NPR',
    });
    expect(() => taxesPerRoomNight(rate, [{ code: 'X', percent: 'ten', onTopOf: [] }])).toThrow(/tax X/);
  });
});

describe('roomrack answers', () => {
  const search = (rates: string) =>
    parseXml(
      `<PropertySearchResponse xmlns="http://xml.roomrack.example/hotel/v3" currency="NPR"><Properties><Property code="RR-1" stars="4"><Name>Hotel Test</Name><Address>Lakeside, Pokhra-33700, Nepal</Address><City code="PKR">Pokhra</City><Geo lat="28.21" lng="83.95"/><Rates>${rates}</Rates></Property></Properties></PropertySearchResponse>`,
      { arrays: SEARCH_RESPONSE_ARRAYS },
    ).PropertySearchResponse as XmlNode;
  const rate = (perNight: string, board = 'HB') =>
    `<Rate rateKey="k1" roomCode="DLXV" roomName="Deluxe" ratePlan="FLEX" board="${board}" rooms="2" available="3"><PerNight>${perNight}</PerNight><Taxes><Tax code="SC" name="Service charge" percent="10.00"/></Taxes><CancelPolicy refundable="true" freeUntil="2027-03-07T14:00:00+05:45" penalty="1.00"/></Rate>`;

  it('maps a rate to an offer for every room, taxes worked out', () => {
    const [offer] = mapProperties(search(rate('10000.00')), stay);
    expect(offer).toMatchObject({
      hotel: { supplierHotelCode: 'RR-1', name: 'Hotel Test', cityCode: 'PKR', latitude: 28.21, longitude: 83.95, starRating: 4 },
      room: { name: 'Deluxe', board: 'half_board', refundable: true, cancellationDeadline: '2027-03-07T14:00:00+05:45' },
      nights: 2,
      price: {
        amount: { amountMinor: 2_000_000, currency: 'NPR' },
        basis: 'per_night',
        taxesIncluded: false,
        taxes: { amountMinor: 200_000, currency: 'NPR' },
      },
      roomsRemaining: 3,
    });
  });

  it('refuses a rate it cannot read rather than guess', () => {
    expect(() => mapProperties(search(rate('ten thousand')), stay)).toThrow();
    expect(() => mapProperties(search(rate('100.00', 'XX')), stay)).toThrow();
  });

  it('reads an expired hold as cancelled', () => {
    const root = parseXml(
      `<GetBookingResponse xmlns="http://xml.roomrack.example/hotel/v3"><Booking ref="RRR1" status="EXPIRED" created="2027-01-01T10:00:00+05:45"><Property code="RR-1">Hotel Test</Property><Stay checkIn="2027-03-10" checkOut="2027-03-12"/><Room code="DLXV" name="Deluxe" ratePlan="FLEX" board="BB" count="1"/><Guests><Guest givenName="A" surname="B"/></Guests><Charges currency="NPR" nights="2" rooms="1"><PerNight>100.00</PerNight><Total>200.00</Total></Charges><CancelPolicy refundable="false" penalty="200.00"/></Booking></GetBookingResponse>`,
      { arrays: BOOKING_RESPONSE_ARRAYS },
    ).GetBookingResponse as XmlNode;
    expect(readBooking(root)).toEqual({
      supplierId: 'roomrack',
      supplierReference: 'RRR1',
      status: 'cancelled',
      total: { amountMinor: 20_000, currency: 'NPR' },
      documents: [],
    });
  });
});
