import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildBookingRequest,
  buildCancelCommitRequest,
  buildHoldBookingRequest,
  buildPropertySearchRequest,
  buildRateCheckRequest,
} from '@himal/gds/suppliers/roomrack';
import { soapEnvelope } from '@himal/gds/xml';
import { simulatorControl, startSimulator, type RunningSimulator } from '../harness/simulator-server.ts';
import { ROOMRACK_PROPERTIES } from './roomrack-catalog.ts';
import { ROOMRACK_NS } from './roomrack-replies.ts';
import { validateRoomrackMessage } from './roomrack-schema.ts';
import { createRoomrackSimulator, ROOMRACK_CREDENTIALS } from './roomrack-simulator.ts';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const stay = { checkIn: inDays(25), checkOut: inDays(28), rooms: [{ adults: 2, childAges: [8] }] };
const guests = {
  offer: {} as never,
  guests: [{ givenName: 'Nima', familyName: 'Sherpa' }],
  contact: { email: 'nima@example.com', phone: '+9779800000004' },
};

describe('roomrack simulator', () => {
  let sim: RunningSimulator;

  async function send(action: string, bodyXml: string, apiKey: string | undefined = ROOMRACK_CREDENTIALS.apiKey) {
    const response = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"http://xml.roomrack.example/hotel/v3/${action}"` },
      body: soapEnvelope(bodyXml, apiKey === undefined ? '' : `<rr:ApiKey xmlns:rr="${ROOMRACK_NS}">${apiKey}</rr:ApiKey>`),
    });
    const text = await response.text();
    return { status: response.status, text, message: /<soap:Body>([\s\S]*)<\/soap:Body>/.exec(text)?.[1] ?? '' };
  }
  const attribute = (xml: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(xml)?.[1] ?? '';

  beforeAll(async () => {
    sim = await startSimulator(createRoomrackSimulator());
  });
  beforeEach(() => simulatorControl.reset(sim.url));
  afterAll(() => sim.close());

  it('lists its own codes, spellings and addresses, with taxes apart', async () => {
    const { message } = await send('PropertySearch', buildPropertySearchRequest(stay, { cityCode: 'PKR' }));
    expect(message).toContain('<Name>Fishtail Lodge</Name>');
    expect(message).toContain('<City code="PKR">Pokhra</City>');
    expect(message).toContain('<Tax code="VAT" name="Value added tax" percent="13.00" onTopOf="SC"/>');
    expect(message).toContain('<Tax code="TSF" name="Tourist service fee" amount="150.00"/>');
    expect(ROOMRACK_PROPERTIES.find((property) => property.code === 'RR-84010')?.taxes.map((tax) => tax.code)).toEqual(['SC']);
  });

  it('answers every message of a booking with messages valid against its schema', async () => {
    const search = await send(
      'PropertySearch',
      buildPropertySearchRequest(stay, { near: { latitude: 27.5786, longitude: 84.4951, radiusKm: 2 } }),
    );
    const rateKey = attribute(search.message, 'rateKey');
    const checked = await send('RateCheck', buildRateCheckRequest(rateKey));
    const held = await send('HoldBooking', buildHoldBookingRequest(rateKey, guests));
    const ref = attribute(held.message, 'ref');
    const confirmed = await send('ConfirmBooking', buildBookingRequest('ConfirmBookingRequest', ref));
    const read = await send('GetBooking', buildBookingRequest('GetBookingRequest', ref));
    const quoted = await send('CancelQuote', buildBookingRequest('CancelQuoteRequest', ref));
    const cancelled = await send('CancelCommit', buildCancelCommitRequest(ref, attribute(quoted.message, 'quoteId')));
    const refused = await send('CancelQuote', buildBookingRequest('CancelQuoteRequest', ref));
    const stranger = await send('GetBooking', buildBookingRequest('GetBookingRequest', ref), 'not-our-key');

    expect(held.message).toContain('status="ON_HOLD"');
    expect(confirmed.message).toContain('status="CONFIRMED"');
    expect(cancelled.message).toContain('status="CANCELLED"');
    expect(refused.message).toContain('code="ALREADY_CANCELLED"');
    expect(stranger.message).toContain('code="AUTH_INVALID_KEY"');
    for (const answer of [search, checked, held, confirmed, read, quoted, cancelled, refused, stranger]) {
      expect(answer.status).toBe(200);
      expect(await validateRoomrackMessage(answer.message)).toEqual([]);
    }
  });

  it('answers injected errors and notices with valid messages', async () => {
    await simulatorControl.addFault(sim.url, { operation: 'PropertySearch', kind: 'business-error', times: 1 });
    await simulatorControl.addFault(sim.url, { operation: 'PropertySearch', kind: 'warning', times: 1 });
    const busy = await send('PropertySearch', buildPropertySearchRequest(stay, { cityCode: 'KTM' }));
    const partial = await send('PropertySearch', buildPropertySearchRequest(stay, { cityCode: 'KTM' }));
    expect(busy.message).toContain('code="SYSTEM_BUSY"');
    expect(partial.message).toContain('<Notice code="PARTIAL_RESULTS">');
    for (const answer of [busy, partial]) expect(await validateRoomrackMessage(answer.message)).toEqual([]);
  });

  it('is deterministic: the same search gives the same answer, after a reset too', async () => {
    const request = buildPropertySearchRequest(stay, { cityCode: 'KTM' });
    const first = (await send('PropertySearch', request)).message;
    expect((await send('PropertySearch', request)).message).toBe(first);
    await simulatorControl.reset(sim.url);
    expect((await send('PropertySearch', request)).message).toBe(first);
  });

  it('takes the rooms of a hold and frees them when it lapses', async () => {
    const search = await send('PropertySearch', buildPropertySearchRequest(stay, { cityCode: 'LUA' }));
    const held = await send('HoldBooking', buildHoldBookingRequest(attribute(search.message, 'rateKey'), guests));
    const state = () =>
      simulatorControl.state<{ roomsTaken: Record<string, number>; bookings: Array<{ status: string }> }>(sim.url);
    expect(Object.values((await state()).roomsTaken)).toEqual([1, 1, 1]);
    await simulatorControl.advanceClock(sim.url, 21 * 60_000);
    const read = await send('GetBooking', buildBookingRequest('GetBookingRequest', attribute(held.message, 'ref')));
    expect(read.message).toContain('status="EXPIRED"');
    expect((await state()).roomsTaken).toEqual({});
  });

  it('refuses rate keys it did not issue', async () => {
    const search = await send('PropertySearch', buildPropertySearchRequest(stay, { cityCode: 'LUA' }));
    const key = attribute(search.message, 'rateKey');
    const [payload, seal] = key.split('.');
    const edited = Buffer.from(
      Buffer.from(payload!, 'base64url')
        .toString('utf8')
        .replace(/"perNightPaisa":\d+/, '"perNightPaisa":100'),
      'utf8',
    ).toString('base64url');
    const answer = await send('RateCheck', buildRateCheckRequest(`${edited}.${seal}`));
    expect(answer.message).toContain('code="INVALID_RATE_KEY"');
  });
});
