import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAvailRQ, buildCancelRQ, buildCommitRQ, buildInitiateRQ, buildReadRQ } from '@himal/gds/suppliers/staylink';
import { validateOpenTravelMessage } from '@himal/gds/testing/opentravel';
import { soapEnvelope, usernameTokenHeader } from '@himal/gds/xml';
import { simulatorControl, startSimulator, type RunningSimulator } from '../harness/simulator-server.ts';
import { createStaylinkSimulator, STAYLINK_CREDENTIALS } from './staylink-simulator.ts';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const stay = {
  hotelCode: 'BHR003',
  roomTypeCode: 'STE',
  ratePlanCode: 'BAR',
  checkIn: inDays(30),
  checkOut: inDays(32),
  rooms: [{ adults: 2, childAges: [5] }],
};
const guests = {
  offer: {} as never,
  guests: [{ givenName: 'Anita', familyName: 'Thapa' }],
  contact: { email: 'anita@example.com', phone: '+9779800000002' },
};

describe('staylink simulator', () => {
  let sim: RunningSimulator;

  /** Sends one OTA message as a client would and returns the OTA element of the answer, as sent. */
  async function send(
    action: string,
    bodyXml: string,
    headerXml = usernameTokenHeader(STAYLINK_CREDENTIALS.username, STAYLINK_CREDENTIALS.password),
  ) {
    const response = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"http://staylink.example/ota/2003/05/${action}"` },
      body: soapEnvelope(bodyXml, headerXml),
    });
    const text = await response.text();
    return { status: response.status, text, message: /<soap:Body>([\s\S]*)<\/soap:Body>/.exec(text)?.[1] ?? '' };
  }

  const idOf = (xml: string, type: string) => new RegExp(`UniqueID Type="${type}" ID="([^"]+)"`).exec(xml)?.[1] ?? '';
  const totalOf = (xml: string) => /<Total AmountBeforeTax="[^"]+" AmountAfterTax="([^"]+)"/.exec(xml)?.[1] ?? '';

  beforeAll(async () => {
    sim = await startSimulator(createStaylinkSimulator());
  });
  beforeEach(() => simulatorControl.reset(sim.url));
  afterAll(() => sim.close());

  it('answers every message of a booking with schema-valid OpenTravel', async () => {
    const avail = await send(
      'HotelAvail',
      buildAvailRQ({ cityCode: 'BHR', checkIn: stay.checkIn, checkOut: stay.checkOut, rooms: stay.rooms }),
    );
    const recheck = await send('HotelAvail', buildAvailRQ(stay));
    const total = totalOf(recheck.message);
    const initiated = await send(
      'HotelRes',
      buildInitiateRQ(stay, guests, { amountMinor: Math.round(Number(total) * 100), currency: 'USD' }),
    );
    const reference = idOf(initiated.message, '14');
    const committed = await send('HotelRes', buildCommitRQ(reference));
    const read = await send('Read', buildReadRQ(reference));
    const quoted = await send('Cancel', buildCancelRQ('Quote', reference));
    const cancelled = await send('Cancel', buildCancelRQ('Commit', reference, { quoteRef: idOf(quoted.message, '16') }));
    const refused = await send('Cancel', buildCancelRQ('Commit', reference, { quoteRef: idOf(quoted.message, '16') }));
    const unknown = await send('HotelRes', buildCommitRQ('SLRNOSUCH'));

    expect(initiated.message).toContain('ResResponseType="Pending"');
    expect(committed.message).toContain('ResResponseType="Committed"');
    expect(read.message).toContain('ResStatus="Reserved"');
    expect(cancelled.message).toContain('Status="Cancelled"');
    expect(refused.message).toContain('Code="95"');
    expect(unknown.message).toContain('Code="97"');
    for (const answer of [avail, recheck, initiated, committed, read, quoted, cancelled, refused, unknown]) {
      expect(answer.status).toBe(200);
      expect(await validateOpenTravelMessage(answer.message)).toEqual([]);
    }
  });

  it('cancels the OpenTravel ways: Initiate then Commit without naming the quote, and Cancel in one step', async () => {
    const book = async () => {
      const recheck = await send('HotelAvail', buildAvailRQ(stay));
      const price = { amountMinor: Math.round(Number(totalOf(recheck.message)) * 100), currency: 'USD' };
      const reference = idOf((await send('HotelRes', buildInitiateRQ(stay, guests, price))).message, '14');
      await send('HotelRes', buildCommitRQ(reference));
      return reference;
    };
    const asType = (xml: string, type: string) => xml.replace('CancelType="Quote"', `CancelType="${type}"`);

    const twoPhase = await book();
    const initiated = await send('Cancel', asType(buildCancelRQ('Quote', twoPhase), 'Initiate'));
    expect(idOf(initiated.message, '16')).not.toBe('');
    const committed = await send('Cancel', buildCancelRQ('Commit', twoPhase));
    expect(committed.message).toContain('Status="Cancelled"');

    const oneStep = await book();
    expect((await send('Cancel', asType(buildCancelRQ('Quote', oneStep), 'Cancel'))).message).toContain('Status="Cancelled"');

    const notInitiated = await book();
    const refused = await send('Cancel', buildCancelRQ('Commit', notInitiated));
    expect(refused.message).toContain('<Errors>');
    for (const answer of [initiated, committed, refused]) expect(await validateOpenTravelMessage(answer.message)).toEqual([]);
  });

  it('takes the stay as Start and Duration, and RoomStayCandidates left out or without GuestCounts', async () => {
    const base = buildAvailRQ({
      cityCode: 'BHR',
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      rooms: [{ adults: 1, childAges: [] }],
    });
    const byDates = await send('HotelAvail', base);
    const byDuration = await send('HotelAvail', base.replace(`End="${stay.checkOut}"`, 'Duration="P2N"'));
    const noCandidates = await send('HotelAvail', base.replace(/<RoomStayCandidates>[\s\S]*<\/RoomStayCandidates>/, ''));
    const noGuestCounts = await send('HotelAvail', base.replace(/<GuestCounts>[\s\S]*<\/GuestCounts>/, ''));
    for (const answer of [byDuration, noCandidates, noGuestCounts]) {
      expect(answer.message).toContain('<Success');
      expect(answer.message).not.toContain('Count="0"');
      expect(await validateOpenTravelMessage(answer.message)).toEqual([]);
      // One adult for the same two nights: the same rooms at the same prices.
      expect(answer.message.match(/AmountAfterTax="[^"]+"/g)).toEqual(byDates.message.match(/AmountAfterTax="[^"]+"/g));
    }
  });

  it('honours every criterion or says it cannot: addresses, several criteria, unknown room types', async () => {
    const base = buildAvailRQ({
      cityCode: 'BHR',
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      rooms: [{ adults: 1, childAges: [] }],
    });
    const hotelsOf = (xml: string) => new Set([...xml.matchAll(/HotelCode="([^"]+)"/g)].map((m) => m[1]));

    // An address staylink cannot find is not "every hotel in Nepal".
    const address = base.replace(
      /<HotelRef [^>]*\/>/,
      '<Address><CityName>Tampa</CityName><StateProv StateCode="FL"/><CountryName Code="US"/></Address><Radius Distance="10" DistanceMeasure="Miles"/>',
    );
    const tampa = await send('HotelAvail', address);
    expect(tampa.message).toContain('<Warnings>');
    expect(tampa.message).toContain('Cannot search by Address');
    expect(hotelsOf(tampa.message).size).toBe(0);

    // Two criteria: the hotels of either city.
    const bhr = hotelsOf((await send('HotelAvail', base)).message);
    const ktmOnly = hotelsOf((await send('HotelAvail', base.replace('HotelCityCode="BHR"', 'HotelCityCode="KTM"'))).message);
    const both = await send(
      'HotelAvail',
      base.replace(
        /(<Criterion>[\s\S]*?<\/Criterion>)/,
        (criterion) => `${criterion}${criterion.replace('HotelCityCode="BHR"', 'HotelCityCode="KTM"')}`,
      ),
    );
    expect(bhr.size).toBeGreaterThan(0);
    expect(ktmOnly.size).toBeGreaterThan(0);
    expect(hotelsOf(both.message)).toEqual(new Set([...bhr, ...ktmOnly]));

    // A room type staylink does not sell is named, not answered with a bare Success.
    const unknownRoom = await send(
      'HotelAvail',
      base.replace('<RoomStayCandidate ', '<RoomStayCandidate RoomTypeCode="PENTHOUSE" '),
    );
    expect(unknownRoom.message).toContain('No room type PENTHOUSE here');

    for (const answer of [tampa, both, unknownRoom]) expect(await validateOpenTravelMessage(answer.message)).toEqual([]);
  });

  it('books in one step when OTA_HotelResRQ carries no ResStatus', async () => {
    const recheck = await send('HotelAvail', buildAvailRQ(stay));
    const price = { amountMinor: Math.round(Number(totalOf(recheck.message)) * 100), currency: 'USD' };
    const booked = await send('HotelRes', buildInitiateRQ(stay, guests, price).replace(/ ResStatus="Initiate"/, ''));
    expect(booked.message).toContain('ResStatus="Reserved"');
    expect(await validateOpenTravelMessage(booked.message)).toEqual([]);
  });

  it('answers injected Errors and Warnings with schema-valid OpenTravel', async () => {
    await simulatorControl.addFault(sim.url, {
      operation: 'HotelAvail',
      kind: 'business-error',
      code: '450',
      message: 'Unable to process',
      times: 1,
    });
    await simulatorControl.addFault(sim.url, { operation: 'Cancel', kind: 'business-error', times: 1 });
    await simulatorControl.addFault(sim.url, { operation: 'HotelAvail', kind: 'warning', times: 1 });
    const error = await send(
      'HotelAvail',
      buildAvailRQ({ cityCode: 'PKR', checkIn: inDays(20), checkOut: inDays(21), rooms: [{ adults: 1, childAges: [] }] }),
    );
    const cancelError = await send('Cancel', buildCancelRQ('Quote', 'SLRNOSUCH'));
    const warning = await send(
      'HotelAvail',
      buildAvailRQ({ cityCode: 'PKR', checkIn: inDays(20), checkOut: inDays(21), rooms: [{ adults: 1, childAges: [] }] }),
    );
    expect(error.message).toContain('<Errors>');
    expect(cancelError.message).toContain('Status="Unsuccessful"');
    expect(warning.message).toContain('<Warnings>');
    for (const answer of [error, cancelError, warning]) expect(await validateOpenTravelMessage(answer.message)).toEqual([]);
  });

  it('is deterministic: the same search gives the same answer, after a reset too', async () => {
    const request = buildAvailRQ({
      cityCode: 'KTM',
      checkIn: inDays(45),
      checkOut: inDays(47),
      rooms: [{ adults: 2, childAges: [] }],
    });
    const strip = (xml: string) => xml.replace(/ (EchoToken|TimeStamp)="[^"]*"/g, '');
    const first = strip((await send('HotelAvail', request)).message);
    expect(strip((await send('HotelAvail', request)).message)).toBe(first);
    await simulatorControl.reset(sim.url);
    expect(strip((await send('HotelAvail', request)).message)).toBe(first);
  });

  it('takes the rooms of a hold and frees them when it lapses', async () => {
    const recheck = await send('HotelAvail', buildAvailRQ(stay));
    await send(
      'HotelRes',
      buildInitiateRQ(stay, guests, { amountMinor: Math.round(Number(totalOf(recheck.message)) * 100), currency: 'USD' }),
    );
    const state = await simulatorControl.state<{ roomsTaken: Record<string, number>; reservations: Array<{ status: string }> }>(
      sim.url,
    );
    expect(state.roomsTaken).toEqual({ [`BHR003|STE|${stay.checkIn}`]: 1, [`BHR003|STE|${inDays(31)}`]: 1 });
    await simulatorControl.advanceClock(sim.url, 21 * 60_000);
    expect((await send('HotelAvail', buildAvailRQ(stay))).message).toContain('RoomStay');
    const after = await simulatorControl.state<{ roomsTaken: Record<string, number>; reservations: Array<{ status: string }> }>(
      sim.url,
    );
    expect(after.roomsTaken).toEqual({});
    expect(after.reservations.map((reservation) => reservation.status)).toEqual(['cancelled']);
  });

  it('refuses a wrong password, a missing token and a replayed one with WS-Security faults', async () => {
    const request = buildAvailRQ({
      cityCode: 'LUA',
      checkIn: inDays(20),
      checkOut: inDays(21),
      rooms: [{ adults: 1, childAges: [] }],
    });
    const wrong = await send('HotelAvail', request, usernameTokenHeader(STAYLINK_CREDENTIALS.username, 'guess'));
    const none = await send('HotelAvail', request, '');
    const stale = await send(
      'HotelAvail',
      request,
      usernameTokenHeader(STAYLINK_CREDENTIALS.username, STAYLINK_CREDENTIALS.password, new Date(Date.now() - 10 * 60_000)),
    );
    const token = usernameTokenHeader(STAYLINK_CREDENTIALS.username, STAYLINK_CREDENTIALS.password);
    const first = await send('HotelAvail', request, token);
    const replayed = await send('HotelAvail', request, token);
    expect([wrong.status, none.status, stale.status, replayed.status]).toEqual([500, 500, 500, 500]);
    expect(wrong.text).toContain('wsse:FailedAuthentication');
    expect(none.text).toContain('wsse:FailedAuthentication');
    expect(stale.text).toContain('wsse:MessageExpired');
    expect(first.status).toBe(200);
    expect(replayed.text).toContain('wsse:FailedAuthentication');
  });
});
