import { describe, expect, it } from 'vitest';
import type { AirOffer, AirSearchRequest } from '@himal/gds';
import {
  addMultiElementsRequest,
  authenticateRequest,
  cancelRequest,
  gdsName,
  informativePricingRequest,
  initRefundRequest,
  issueTicketRequest,
  localDateTime,
  masterPricerRequest,
  offsetDateTime,
  retrieveRequest,
  sessionHeader,
  signOutRequest,
  toEdifactDate,
  toEdifactLongDate,
  type OfferRef,
} from '@himal/gds/suppliers/himalayan-gds';
import { validateHimalayanGdsMessage } from '../../himalayan-gds/schema-validation.ts';
import { CONTACT, PLATFORM_OFFICE } from './himalayan-gds-test-kit.ts';

const family: AirSearchRequest['passengers'] = [
  { type: 'adult' },
  { type: 'adult' },
  { type: 'child', age: 9 },
  { type: 'infant_without_seat' },
];
const roundTrip: AirSearchRequest = {
  slices: [
    { origin: 'BIR', destination: 'KUL', departureDate: '2027-03-02' },
    { origin: 'KUL', destination: 'BIR', departureDate: '2027-03-16' },
  ],
  passengers: family,
  cabinClass: 'business',
  currency: 'USD',
  maxConnections: 0,
};
const ref: OfferRef = {
  v: 1,
  currency: 'USD',
  segments: [
    {
      slice: 0,
      carrier: 'U4',
      flightNumber: '632',
      origin: 'BIR',
      destination: 'KTM',
      date: '020327',
      time: '0815',
      bookingClass: 'Q',
    },
    {
      slice: 0,
      carrier: 'MH',
      flightNumber: '115',
      origin: 'KTM',
      destination: 'KUL',
      date: '020327',
      time: '1035',
      bookingClass: 'Q',
    },
    {
      slice: 1,
      carrier: 'MH',
      flightNumber: '116',
      origin: 'KUL',
      destination: 'KTM',
      date: '160327',
      time: '1945',
      bookingClass: 'L',
    },
    {
      slice: 1,
      carrier: 'U4',
      flightNumber: '635',
      origin: 'KTM',
      destination: 'BIR',
      date: '170327',
      time: '1630',
      bookingClass: 'L',
    },
  ],
};
const offer = { passengers: family, total: { amountMinor: 123456, currency: 'USD' } } as AirOffer;

describe('himalayan-gds requests', () => {
  it.each([
    ['Security_Authenticate', authenticateRequest(PLATFORM_OFFICE)],
    ['Security_SignOut', signOutRequest()],
    ['Session header', sessionHeader({ sessionId: '0000000AHG', securityToken: 'f00d', sequenceNumber: 4 })],
    [
      'Fare_MasterPricerTravelBoardSearch, one way',
      masterPricerRequest({ slices: [roundTrip.slices[0]!], passengers: [{ type: 'adult' }], cabinClass: 'economy' }),
    ],
    ['Fare_MasterPricerTravelBoardSearch, round trip, family, business, non-stop', masterPricerRequest(roundTrip)],
    ['Fare_InformativePricingWithoutPNR', informativePricingRequest(offer, ref)],
    [
      'PNR_AddMultiElements',
      addMultiElementsRequest(
        {
          offer,
          passengers: [
            { type: 'adult', title: 'mrs', givenName: 'Sunita Devi', familyName: 'Shrestha-Pradhān', dateOfBirth: '1984-11-30' },
            { type: 'adult', title: 'mr', givenName: 'Ram', familyName: "D'Souza", dateOfBirth: '1982-01-15' },
            { type: 'child', givenName: 'Anu', familyName: 'Shrestha', dateOfBirth: '2017-08-09' },
            { type: 'infant_without_seat', givenName: 'Bina', familyName: 'Shrestha', dateOfBirth: '2026-09-01' },
          ],
          contact: CONTACT,
        },
        ref,
      ),
    ],
    ['PNR_Retrieve', retrieveRequest('K7Q2MX')],
    ['DocIssuance_IssueTicket', issueTicketRequest('K7Q2MX')],
    ['Ticket_InitRefund', initRefundRequest('K7Q2MX')],
    [
      'PNR_Cancel',
      cancelRequest({
        supplierId: 'himalayan-gds',
        supplierReference: 'K7Q2MX',
        quoteRef: 'RQ000042',
        penalty: { amountMinor: 0, currency: 'USD' },
        refund: { amountMinor: 0, currency: 'USD' },
      }),
    ],
  ])('%s validates against the WSDL schema', async (_name, xml) => {
    expect(await validateHimalayanGdsMessage(xml)).toEqual([]);
  });

  it('writes names the way the GDS stores them and sends the password only as a digest', () => {
    expect(gdsName("  Shrestha-Pradhān d'Souza ")).toBe('SHRESTHA-PRADHAN DSOUZA');
    const booking = addMultiElementsRequest(
      {
        offer,
        passengers: [{ type: 'adult', title: 'dr', givenName: 'Ángel', familyName: 'Núñez', dateOfBirth: '1970-01-01' }],
        contact: CONTACT,
      },
      ref,
    );
    expect(booking).toContain('<surname>NUNEZ</surname>');
    expect(booking).toContain('<firstName>ANGEL DR</firstName>');
    expect(booking).toContain('<amount>1234.56</amount><currency>USD</currency>');
    expect(authenticateRequest(PLATFORM_OFFICE)).not.toContain(PLATFORM_OFFICE.password);
  });

  it('numbers a session header with the next sequence number', () => {
    expect(sessionHeader({ sessionId: 'S', securityToken: 'T', sequenceNumber: 4 })).toContain(
      '<SequenceNumber>5</SequenceNumber>',
    );
  });

  it('converts EDIFACT dates and times', () => {
    expect([toEdifactDate('2027-01-20'), toEdifactLongDate('1990-04-02')]).toEqual(['200127', '02041990']);
    expect(localDateTime('200127', '0705')).toBe('2027-01-20T07:05:00');
    expect(offsetDateTime('200127', '1745', '+0545')).toBe('2027-01-20T17:45:00+05:45');
    expect(() => localDateTime('2001', '0705')).toThrow();
  });
});
