import { expect, it } from 'vitest';
import { insuranceQuoteRequestSchema } from '../../products/insurance.ts';
import { describeWithOpenTravel, openTravelSamples, validateOpenTravelMessage } from '../../testing/opentravel.ts';
import { parseXml } from '../../xml/safe-xml.ts';
import { cancelRequestXml, readCancelResponse } from './cancel-messages.ts';
import { RESPONSE_ARRAYS } from './ota-payload.ts';
import { holdRequestXml, issueRequestXml, readPolicyResponse, readRequestXml, type PolicyContent } from './policy-messages.ts';
import { quoteRequestXml, readQuoteResponse } from './quote-messages.ts';
import { SAFETRIP_PLAN_IDS } from './safetrip-adapter.ts';

/** Published OpenTravel samples are documents, not envelopes: their root is what a SOAP Body holds. */
const sampleBody = (xml: string) => parseXml(xml, { arrays: RESPONSE_ARRAYS });

const quoteRequest = insuranceQuoteRequestSchema.parse({
  tripCost: { amount: '1500.00', currency: 'USD' },
  departureDate: '2027-03-10',
  returnDate: '2027-03-30',
  destinationCountry: 'NP',
  residenceCountry: 'GB',
  travellers: [{ age: 34 }, { age: 8 }],
  adventureActivities: true,
});

const { travellers: _ages, ...trip } = quoteRequest;
const policy: PolicyContent = {
  planId: 'TREKKER',
  travellers: [
    { givenName: 'Pemba', familyName: 'Sherpa', dateOfBirth: '1991-03-02' },
    { givenName: 'Dawa', familyName: 'Sherpa', dateOfBirth: '2018-07-19' },
  ],
  trip,
  premium: { amountMinor: 21_945, currency: 'USD' },
  customer: { givenName: 'Pemba', familyName: 'Sherpa', email: 'pemba@example.com', phone: '+977 1 4410000' },
};

describeWithOpenTravel('safetrip requests validate against the OpenTravel 2011B schemas', () => {
  it.each([
    ['a quote for every plan', () => quoteRequestXml(quoteRequest, SAFETRIP_PLAN_IDS)],
    [
      'a quote without adventure activities, in NPR',
      () =>
        quoteRequestXml({ ...quoteRequest, adventureActivities: false, tripCost: { amount: '200000', currency: 'NPR' } }, [
          'ESSENTIAL',
        ]),
    ],
    ['a hold', () => holdRequestXml(policy)],
    ['an issue of a hold', () => issueRequestXml({ ...policy, customer: undefined }, 'STHMP6BE')],
    ['a read', () => readRequestXml('STHMP6BE')],
    ['a cancellation quote', () => cancelRequestXml('STHMP6BE', 'Quote')],
    ['a cancellation commit', () => cancelRequestXml('STHMP6BE', 'Commit', 'CQUY4GF3C5')],
  ])('%s', async (_what, build) => {
    expect(await validateOpenTravelMessage(build())).toEqual([]);
  });
});

describeWithOpenTravel('published OpenTravel samples parse through the safetrip mapping', () => {
  it('OTA_InsuranceQuoteRS', () => {
    const samples = openTravelSamples('OTA_InsuranceQuoteRS');
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      const { plans, warnings } = readQuoteResponse(sampleBody(sample.xml), 'insurance.quote');
      expect(plans.length, sample.name).toBeGreaterThan(0);
      expect(warnings).toEqual([]);
    }
    const [acme] = readQuoteResponse(sampleBody(samples[0]!.xml), 'insurance.quote').plans;
    expect(acme).toEqual({
      planCode: 'ACME',
      planName: 'ACME Insurance Protection Plan',
      premium: { amountMinor: 5_525, currency: 'USD' },
      coverages: [{ type: '12', limit: { amountMinor: 10_000_000, currency: 'USD' } }],
    });
  });

  it('OTA_InsuranceBookRS', () => {
    const samples = openTravelSamples('OTA_InsuranceBookRS');
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples)
      expect(readPolicyResponse(sampleBody(sample.xml), 'insurance.retrieve').booking.supplierId, sample.name).toBe('safetrip');
    expect(readPolicyResponse(sampleBody(samples[0]!.xml), 'insurance.retrieve').booking).toEqual({
      supplierId: 'safetrip',
      supplierReference: 'ACME20031001P',
      status: 'confirmed',
      total: { amountMinor: 5_525, currency: 'USD' },
      documents: ['ACME20031001P'],
    });
  });

  it('OTA_CancelRS, from every travel sector', () => {
    const samples = openTravelSamples('OTA_CancelRS');
    expect(samples.length).toBeGreaterThan(1);
    const outcomes = Object.fromEntries(
      samples.map((sample) => [sample.name, readCancelResponse(sampleBody(sample.xml), 'insurance.cancel')]),
    );
    for (const outcome of Object.values(outcomes)) expect(outcome.status).toBe('Cancelled');
    expect(outcomes['OTA_CancelRSEntireAirlineResPenalties.xml']).toMatchObject({
      reference: 'X2A382',
      penalty: { amountMinor: 5_000, currency: 'USD' },
      warnings: [{ supplierId: 'safetrip', code: 'EWT-11', message: 'Cancellation penalties apply.' }],
    });
    expect(outcomes['OTA_CancelRS_GolfUC1.xml']).toMatchObject({ reference: '999999', cancellationReference: 'CNCL99999' });
  });
});
