import * as soap from 'soap';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addMultiElementsRequest,
  authenticateRequest,
  cancelRequest,
  decodeOfferRef,
  informativePricingRequest,
  initRefundRequest,
  issueTicketRequest,
  MASTER_PRICER_ARRAYS,
  masterPricerOffers,
  masterPricerRequest,
  retrieveRequest,
  sessionHeader,
  signOutRequest,
  type GdsSession,
} from '@himal/gds/suppliers/himalayan-gds';
import type { AirSearchRequest } from '@himal/gds';
import { parseSoapEnvelope, soapEnvelope, usernameTokenHeader, type XmlNode } from '@himal/gds/xml';
import { simulatorControl, startSimulator, type RunningSimulator } from '../harness/simulator-server.ts';
import { createHimalayanGdsSimulator, HIMALAYAN_GDS_ACCOUNTS } from './himalayan-gds-simulator.ts';
import { soapBodyContent, validateHimalayanGdsMessage } from './schema-validation.ts';
import { HIMALAYAN_GDS_NS } from './wsdl.ts';

const ACCOUNT = HIMALAYAN_GDS_ACCOUNTS[0]!;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Answer {
  status: number;
  xml: string;
  /** The reply element, as sent. */
  body: string;
  header?: string;
}

describe('himalayan-gds simulator', () => {
  let sim: RunningSimulator;

  async function post(operation: string, bodyXml: string, headerXml = '', endpoint = sim.endpoint): Promise<Answer> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${HIMALAYAN_GDS_NS}/${operation}"` },
      body: soapEnvelope(bodyXml, headerXml),
    });
    const xml = await response.text();
    return { status: response.status, xml, body: soapBodyContent(xml), header: /<Session [\s\S]*<\/Session>/.exec(xml)?.[0] };
  }

  function sessionOf(answer: Answer): GdsSession {
    const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(answer.header ?? '')?.[1];
    if (!answer.header) throw new Error(`no session in ${answer.body}`);
    return {
      sessionId: field('SessionId')!,
      securityToken: field('SecurityToken')!,
      sequenceNumber: Number(field('SequenceNumber')),
    };
  }

  async function authenticate(endpoint = sim.endpoint): Promise<GdsSession> {
    return sessionOf(
      await post(
        'Security_Authenticate',
        authenticateRequest(ACCOUNT),
        usernameTokenHeader(ACCOUNT.username, ACCOUNT.password),
        endpoint,
      ),
    );
  }

  /** Sends a message in a session and moves the session to the sequence number the reply carries. */
  async function inSession(session: GdsSession, operation: string, bodyXml: string, endpoint = sim.endpoint): Promise<Answer> {
    const answer = await post(operation, bodyXml, sessionHeader(session), endpoint);
    if (answer.header) session.sequenceNumber = sessionOf(answer).sequenceNumber;
    return answer;
  }

  const errorCode = (answer: Answer) => /<error>([^<]*)<\/error>/.exec(answer.body)?.[1];

  const search: AirSearchRequest = {
    slices: [{ origin: 'KTM', destination: 'PKR', departureDate: inDays(30) }],
    passengers: [{ type: 'adult' }],
    cabinClass: 'economy',
  };

  beforeAll(async () => {
    sim = await startSimulator(createHimalayanGdsSimulator());
  });
  beforeEach(async () => {
    await simulatorControl.reset(sim.url);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('serves a WSDL that a node-soap client can be built from', async () => {
    const client = await soap.createClientAsync(`${sim.endpoint}?wsdl`);
    const operations = Object.keys(
      (client.describe() as Record<string, Record<string, object>>).HimalayanGdsService!.HimalayanGdsPort!,
    );
    expect(operations.sort()).toEqual(
      [
        'DocIssuance_IssueTicket',
        'Fare_InformativePricingWithoutPNR',
        'Fare_MasterPricerTravelBoardSearch',
        'PNR_AddMultiElements',
        'PNR_Cancel',
        'PNR_Retrieve',
        'Security_Authenticate',
        'Security_SignOut',
        'Ticket_InitRefund',
      ].sort(),
    );
  });

  it('opens a session for a UsernameToken digest and hands it out in the Session header', async () => {
    const answer = await post(
      'Security_Authenticate',
      authenticateRequest(ACCOUNT),
      usernameTokenHeader(ACCOUNT.username, ACCOUNT.password),
    );
    expect(answer.body).toContain('<statusCode>P</statusCode>');
    expect(sessionOf(answer)).toMatchObject({ sequenceNumber: 1 });
    expect(answer.header).toContain('TransactionStatusCode="InSeries"');
    expect(await validateHimalayanGdsMessage(answer.header!)).toEqual([]);
  });

  it('accepts the password in passwordInfo from clients without WS-Security', async () => {
    const password = Buffer.from(ACCOUNT.password).toString('base64');
    const body = authenticateRequest(ACCOUNT).replace(
      '</Security_Authenticate>',
      `<passwordInfo><dataLength>${ACCOUNT.password.length}</dataLength><dataType>E</dataType><binaryData>${password}</binaryData></passwordInfo></Security_Authenticate>`,
    );
    expect(await validateHimalayanGdsMessage(body)).toEqual([]);
    expect(sessionOf(await post('Security_Authenticate', body)).sequenceNumber).toBe(1);
  });

  it('refuses a wrong password, an unknown office and a replayed token with 16001, in the body', async () => {
    const wrongPassword = await post(
      'Security_Authenticate',
      authenticateRequest(ACCOUNT),
      usernameTokenHeader(ACCOUNT.username, 'guess'),
    );
    const unknownOffice = await post(
      'Security_Authenticate',
      authenticateRequest({ ...ACCOUNT, officeId: 'DELXX0000' }),
      usernameTokenHeader(ACCOUNT.username, ACCOUNT.password),
    );
    const token = usernameTokenHeader(ACCOUNT.username, ACCOUNT.password);
    await post('Security_Authenticate', authenticateRequest(ACCOUNT), token);
    const replayed = await post('Security_Authenticate', authenticateRequest(ACCOUNT), token);
    for (const answer of [wrongPassword, unknownOffice, replayed]) {
      expect([answer.status, errorCode(answer), answer.header]).toEqual([200, '16001', undefined]);
      expect(await validateHimalayanGdsMessage(answer.body)).toEqual([]);
    }
  });

  it('takes each message only with the next sequence number', async () => {
    const session = await authenticate();
    const first = await inSession(session, 'Fare_MasterPricerTravelBoardSearch', masterPricerRequest(search));
    expect(sessionOf(first).sequenceNumber).toBe(2);
    const replayed = await post(
      'Fare_MasterPricerTravelBoardSearch',
      masterPricerRequest(search),
      sessionHeader({ ...session, sequenceNumber: 1 }),
    );
    expect([errorCode(replayed), replayed.header]).toEqual(['93', undefined]);
    expect(
      errorCode(await inSession(session, 'Fare_MasterPricerTravelBoardSearch', masterPricerRequest(search))),
    ).toBeUndefined();
    expect(session.sequenceNumber).toBe(3);
  });

  it('ends a session idle for 15 minutes, one signed out, and one hit by the session-expired fault', async () => {
    const idle = await authenticate();
    await simulatorControl.advanceClock(sim.url, 16 * 60_000);
    expect(errorCode(await inSession(idle, 'PNR_Retrieve', retrieveRequest('ABC123')))).toBe('95');

    const signedOut = await authenticate();
    const goodbye = await inSession(signedOut, 'Security_SignOut', signOutRequest());
    expect(goodbye.header).toContain('TransactionStatusCode="End"');
    expect(errorCode(await inSession(signedOut, 'PNR_Retrieve', retrieveRequest('ABC123')))).toBe('95');

    const expired = await authenticate();
    await simulatorControl.addFault(sim.url, { operation: 'PNR_Retrieve', kind: 'session-expired', times: 1 });
    expect(errorCode(await inSession(expired, 'PNR_Retrieve', retrieveRequest('ABC123')))).toBe('95');
    expect(errorCode(await inSession(expired, 'PNR_Retrieve', retrieveRequest('ABC123')))).toBe('95');
    expect(await simulatorControl.state(sim.url)).toMatchObject({ sessions: { active: 0, opened: 3 } });
  });

  it('answers every operation with messages its own schema accepts', async () => {
    const session = await authenticate();
    const exchanges: Array<[string, string]> = [];
    const send = async (operation: string, bodyXml: string) => {
      const answer = await inSession(session, operation, bodyXml);
      exchanges.push(
        [`${operation} request`, bodyXml],
        [`${operation} reply`, answer.body],
        [`${operation} header`, answer.header ?? ''],
      );
      return answer;
    };
    const party: AirSearchRequest = {
      ...search,
      passengers: [{ type: 'adult' }, { type: 'child', age: 7 }, { type: 'infant_without_seat' }],
    };
    const found = await send('Fare_MasterPricerTravelBoardSearch', masterPricerRequest(party));
    expect(found.body).toContain('<recommendation>');
    const [offer] = masterPricerOffers(
      parseSoapEnvelope(found.xml, { arrays: MASTER_PRICER_ARRAYS }).body.Fare_MasterPricerTravelBoardSearchReply as XmlNode,
      party,
    );
    const ref = decodeOfferRef(offer!.supplierOfferRef, 'test');
    const priced = await send('Fare_InformativePricingWithoutPNR', informativePricingRequest(offer!, ref));
    expect(priced.body).toContain('<typeQualifier>712</typeQualifier>');
    const passengers = [
      { type: 'adult' as const, givenName: 'Pasang', familyName: 'Sherpa', dateOfBirth: '1988-03-14', title: 'mr' as const },
      { type: 'child' as const, givenName: 'Dawa', familyName: 'Sherpa', dateOfBirth: '2019-05-02' },
      { type: 'infant_without_seat' as const, givenName: 'Nima', familyName: 'Sherpa', dateOfBirth: '2026-02-01' },
    ];
    const booked = await send(
      'PNR_AddMultiElements',
      addMultiElementsRequest(
        { offer: offer!, passengers, contact: { email: 'pasang@example.com', phone: '+977 9800000000' } },
        ref,
      ),
    );
    const locator = /<controlNumber>(\w{6})<\/controlNumber>/.exec(booked.body)![1]!;
    await send('DocIssuance_IssueTicket', issueTicketRequest(locator));
    await send('PNR_Retrieve', retrieveRequest(locator));
    const quote = await send('Ticket_InitRefund', initRefundRequest(locator));
    const quoteRef = /<quoteReference>(\w+)<\/quoteReference>/.exec(quote.body)![1]!;
    const cancelled = await send(
      'PNR_Cancel',
      cancelRequest({
        supplierId: 'himalayan-gds',
        supplierReference: locator,
        quoteRef,
        penalty: offer!.total,
        refund: offer!.total,
      }),
    );
    expect(cancelled.body).toContain('<refundRecord>');
    await send('PNR_Retrieve', retrieveRequest('ZZZZZZ'));
    await send('Security_SignOut', signOutRequest());
    expect(exchanges.filter(([, xml]) => xml.includes('<errorMessage>')).map(([name]) => name)).toEqual(['PNR_Retrieve reply']);

    for (const [name, xml] of exchanges.filter(([, text]) => text)) {
      expect({ name, problems: await validateHimalayanGdsMessage(xml) }).toEqual({ name, problems: [] });
    }
  });

  it('is the same world every time: the same flights at the same fares', async () => {
    const other = await startSimulator(createHimalayanGdsSimulator());
    try {
      const request = masterPricerRequest({
        ...search,
        slices: [{ origin: 'BIR', destination: 'DXB', departureDate: inDays(45) }],
      });
      const answers = await Promise.all(
        [sim.endpoint, other.endpoint].map(
          async (endpoint) =>
            (await inSession(await authenticate(endpoint), 'Fare_MasterPricerTravelBoardSearch', request, endpoint)).body,
        ),
      );
      expect(answers[0]).toContain('<recommendation>');
      expect(answers[0]).toBe(answers[1]);
    } finally {
      await other.close();
    }
  });
});
