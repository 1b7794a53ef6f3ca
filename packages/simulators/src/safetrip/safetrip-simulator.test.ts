import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insuranceQuoteRequestSchema } from '@himal/gds';
import {
  cancelRequestXml,
  holdRequestXml,
  issueRequestXml,
  quoteRequestXml,
  readRequestXml,
} from '@himal/gds/suppliers/safetrip';
import { itWithOpenTravel, openTravelSamples, validateOpenTravelMessage } from '@himal/gds/testing/opentravel';
import { soapEnvelope, usernameTokenHeader } from '@himal/gds/xml';
import { simulatorControl, startSimulator, type RunningSimulator } from '../harness/simulator-server.ts';
import { OTA_NS } from './ota-responses.ts';
import { createSafetripSimulator, SAFETRIP_CREDENTIALS } from './safetrip-simulator.ts';

/**
 * The simulator as any SOAP client sees it: raw envelopes over HTTP, answers checked against the
 * OpenTravel 2011B schemas. (The adapter's own flows are in suppliers/safetrip.)
 */
const { username, password } = SAFETRIP_CREDENTIALS;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let sim: RunningSimulator;

async function send(message: string, bodyXml: string, headerXml = usernameTokenHeader(username, password)) {
  const response = await fetch(sim.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${OTA_NS}/${message}"` },
    body: soapEnvelope(bodyXml, headerXml),
  });
  const envelope = await response.text();
  const body = /<(?:\w+:)?Body>([\s\S]*)<\/(?:\w+:)?Body>/.exec(envelope)?.[1] ?? '';
  return { status: response.status, envelope, body };
}

async function expectValid(body: string): Promise<string> {
  expect(await validateOpenTravelMessage(body)).toEqual([]);
  return body;
}

const quoteRequest = (ages: number[], adventureActivities = false) =>
  insuranceQuoteRequestSchema.parse({
    tripCost: { amount: '1500.00', currency: 'USD' },
    departureDate: day(40),
    returnDate: day(49),
    destinationCountry: 'NP',
    residenceCountry: 'GB',
    travellers: ages.map((age) => ({ age })),
    adventureActivities,
  });

/** What a hold of the ESSENTIAL plan for one traveller of 34 says, as quoted (30.45 USD). */
function essentialCover(givenName: string, familyName: string) {
  const { travellers: _ages, ...trip } = quoteRequest([34]);
  return {
    planId: 'ESSENTIAL',
    travellers: [{ givenName, familyName, dateOfBirth: '1991-03-02' }],
    trip,
    premium: { amountMinor: 3_045, currency: 'USD' },
    customer: { givenName, familyName, email: `${givenName.toLowerCase()}@example.com`, phone: '+977 1 4410000' },
  };
}

beforeAll(async () => {
  sim = await startSimulator(createSafetripSimulator(), 0);
});
beforeEach(() => simulatorControl.reset(sim.url));
afterAll(() => sim.close());

describe('safetrip simulator', () => {
  it('publishes its WSDL at the address it listens on', async () => {
    const wsdl = await (await fetch(`${sim.endpoint}?wsdl`)).text();
    expect(wsdl).toContain(`location="${sim.endpoint}"`);
    for (const operation of ['OTA_InsuranceQuoteRQ', 'OTA_InsuranceBookRQ', 'OTA_CancelRQ', 'OTA_ReadRQ'])
      expect(wsdl).toContain(operation);
  });

  it('answers quotes, holds, issues, reads and cancellations with schema-valid messages', async () => {
    // A 75-year-old leaves two plans out: a partial answer with Warnings; trekking adds adventure cover.
    const plans = ['ESSENTIAL', 'COMPREHENSIVE', 'TREKKER'];
    const quote = await expectValid(
      (await send('OTA_InsuranceQuoteRQ', quoteRequestXml(quoteRequest([34, 75], true), plans))).body,
    );
    expect(quote).toContain('<Warnings>');
    expect(quote).toContain('CoverageLevel="3000M"');
    expect(quote.match(/<PlanForQuoteRS /g)).toHaveLength(1);

    const content = essentialCover('Pemba', 'Sherpa');
    const held = await expectValid((await send('OTA_InsuranceBookRQ', holdRequestXml(content))).body);
    expect(held).toContain('<PlanRestriction Code="HOLD"');
    const reference = /ID="(\w+)" ID_Context="BookingReference"/.exec(held)![1]!;
    await expectValid((await send('OTA_ReadRQ', readRequestXml(reference))).body);
    expect(await expectValid((await send('OTA_InsuranceBookRQ', issueRequestXml(content, reference))).body)).toMatch(
      /<PolicyNumber Type="14" ID="STP\d+"/,
    );

    const cancelQuote = await expectValid((await send('OTA_CancelRQ', cancelRequestXml(reference, 'Quote'))).body);
    const quoteRef = /ID="(\w+)" ID_Context="CancelQuote"/.exec(cancelQuote)![1]!;
    expect(await expectValid((await send('OTA_CancelRQ', cancelRequestXml(reference, 'Commit', quoteRef))).body)).toContain(
      'Status="Cancelled"',
    );
    expect(await expectValid((await send('OTA_ReadRQ', readRequestXml(reference))).body)).toContain('ID_Context="Cancellation"');
  });

  it('cancels the OpenTravel ways: Initiate then Commit without naming the quote, and Cancel in one step', async () => {
    const hold = async () => {
      const content = essentialCover('Nima', 'Lama');
      const held = await expectValid((await send('OTA_InsuranceBookRQ', holdRequestXml(content))).body);
      return /ID="(\w+)" ID_Context="BookingReference"/.exec(held)![1]!;
    };
    const twoPhase = await hold();
    const initiated = await expectValid(
      (await send('OTA_CancelRQ', cancelRequestXml(twoPhase, 'Quote').replace('CancelType="Quote"', 'CancelType="Initiate"')))
        .body,
    );
    expect(initiated).toContain('ID_Context="CancelQuote"');
    expect(await expectValid((await send('OTA_CancelRQ', cancelRequestXml(twoPhase, 'Commit'))).body)).toContain(
      'Status="Cancelled"',
    );
    const oneStep = await hold();
    expect(
      await expectValid(
        (await send('OTA_CancelRQ', cancelRequestXml(oneStep, 'Quote').replace('CancelType="Quote"', 'CancelType="Cancel"')))
          .body,
      ),
    ).toContain('Status="Cancelled"');
    const notInitiated = await hold();
    expect(await expectValid((await send('OTA_CancelRQ', cancelRequestXml(notInitiated, 'Commit'))).body)).toContain('<Errors>');
  });

  it('books and issues in one step without TransactionStatusCode, and prices trips from IndTripCost', async () => {
    const content = essentialCover('Dawa', 'Sherpa');
    const issued = await expectValid(
      (await send('OTA_InsuranceBookRQ', holdRequestXml(content).replace(/ TransactionStatusCode="Start"/, ''))).body,
    );
    expect(issued).toMatch(/<PolicyNumber Type="14" ID="STP\d+"/);

    const byTotal = await expectValid(
      (await send('OTA_InsuranceQuoteRQ', quoteRequestXml(quoteRequest([34]), ['ESSENTIAL']))).body,
    );
    const perTraveller = quoteRequestXml(quoteRequest([34]), ['ESSENTIAL']).replace(/<TotalTripCost ([^>]*)\/>/, '');
    const withIndividual = perTraveller.replace(
      /<\/CoveredPerson>/,
      `</CoveredPerson><IndCoverageReqs><IndTripCost ${/<TotalTripCost ([^>]*)\/>/.exec(quoteRequestXml(quoteRequest([34]), ['ESSENTIAL']))![1]}/></IndCoverageReqs>`,
    );
    const byIndividual = await expectValid((await send('OTA_InsuranceQuoteRQ', withIndividual)).body);
    const premiumOf = (xml: string) => /<PlanCost Amount="([^"]+)"/.exec(xml)?.[1];
    expect(premiumOf(byIndividual)).toBeDefined();
    expect(premiumOf(byIndividual)).toBe(premiumOf(byTotal));
  });

  it('answers refusals with schema-valid Errors', async () => {
    const tooOld = await expectValid(
      (await send('OTA_InsuranceQuoteRQ', quoteRequestXml(quoteRequest([85]), ['ESSENTIAL', 'COMPREHENSIVE']))).body,
    );
    expect(tooOld).toContain('<Error Type="3" Code="22"');
    expect(await expectValid((await send('OTA_ReadRQ', readRequestXml('STNOSUCH'))).body)).toContain('Code="97"');
    expect(await expectValid((await send('OTA_CancelRQ', cancelRequestXml('STNOSUCH', 'Quote'))).body)).toContain(
      'Status="Unsuccessful"',
    );
  });

  itWithOpenTravel('answers the published OpenTravel request samples with schema-valid responses', async () => {
    const samples = [
      ...openTravelSamples('OTA_InsuranceQuoteRQ').map((s) => ({ ...s, message: 'OTA_InsuranceQuoteRQ' })),
      ...openTravelSamples('OTA_InsuranceBookRQ').map((s) => ({ ...s, message: 'OTA_InsuranceBookRQ' })),
      ...openTravelSamples('OTA_CancelRQ').map((s) => ({ ...s, message: 'OTA_CancelRQ' })),
      ...openTravelSamples('OTA_ReadRQ').map((s) => ({ ...s, message: 'OTA_ReadRQ' })),
    ];
    expect(samples.length).toBeGreaterThan(10);
    for (const sample of samples) {
      const { status, body } = await send(sample.message, sample.xml.replace(/^<\?xml[^>]*\?>/, ''));
      expect(status, sample.name).toBe(200);
      // They name plans, bookings and transactions safetrip does not have: refused, in valid OTA.
      expect(body, sample.name).toContain('<Errors>');
      expect(await validateOpenTravelMessage(body), sample.name).toEqual([]);
    }
  });

  describe('WS-Security', () => {
    const quote = () => quoteRequestXml(quoteRequest([34]), ['ESSENTIAL']);
    const faultCode = (envelope: string) => /<faultcode>([^<]+)<\/faultcode>/.exec(envelope)?.[1];

    it('refuses a wrong password, a missing token and a replayed nonce', async () => {
      expect(faultCode((await send('OTA_InsuranceQuoteRQ', quote(), usernameTokenHeader(username, 'wrong'))).envelope)).toBe(
        'wsse:FailedAuthentication',
      );
      expect(faultCode((await send('OTA_InsuranceQuoteRQ', quote(), '')).envelope)).toBe('wsse:FailedAuthentication');
      const header = usernameTokenHeader(username, password);
      expect((await send('OTA_InsuranceQuoteRQ', quote(), header)).status).toBe(200);
      expect(faultCode((await send('OTA_InsuranceQuoteRQ', quote(), header)).envelope)).toBe('wsse:FailedAuthentication');
    });

    it('refuses a token created too long ago as an expired message', async () => {
      const stale = usernameTokenHeader(username, password, new Date(Date.now() - 10 * 60_000));
      const { status, envelope } = await send('OTA_InsuranceQuoteRQ', quote(), stale);
      expect(status).toBe(500);
      expect(faultCode(envelope)).toBe('wsse:MessageExpired');
    });
  });
});
