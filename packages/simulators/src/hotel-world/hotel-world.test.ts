import { describe, expect, it } from 'vitest';
import { distanceKm, publishedPosition } from './geography.ts';
import { HOTEL_GROUND_TRUTH, groundTruthPropertyOf } from './ground-truth.ts';
import { WORLD_PROPERTIES } from './properties.ts';
import { ReservationLedger } from './reservation-ledger.ts';
import { RoomAllotment } from './room-allotment.ts';
import { driftPerMille, roomCategoriesOf, worldNightlyRateUsdCents } from './room-rates.ts';
import { nepalDate, stayNights, stayProblem, toNepalIso } from './stay-dates.ts';

describe('the simulated hotel world', () => {
  it('has some fifty properties in five cities, most at both hotel suppliers', () => {
    expect(WORLD_PROPERTIES.length).toBeGreaterThanOrEqual(40);
    expect(WORLD_PROPERTIES.length).toBeLessThanOrEqual(60);
    expect(new Set(WORLD_PROPERTIES.map((property) => property.cityCode))).toEqual(new Set(['KTM', 'PKR', 'BHR', 'BWA', 'LUA']));
    const both = HOTEL_GROUND_TRUTH.filter((entry) => entry.listings.staylink && entry.listings.roomrack);
    const staylinkOnly = HOTEL_GROUND_TRUTH.filter((entry) => entry.listings.staylink && !entry.listings.roomrack);
    const roomrackOnly = HOTEL_GROUND_TRUTH.filter((entry) => !entry.listings.staylink && entry.listings.roomrack);
    expect(both.length).toBeGreaterThanOrEqual(30);
    expect(staylinkOnly.length).toBeGreaterThanOrEqual(5);
    expect(roomrackOnly.length).toBeGreaterThanOrEqual(5);
    expect(both.length + staylinkOnly.length + roomrackOnly.length).toBe(HOTEL_GROUND_TRUTH.length);
  });

  it('gives every listing a code unique at its supplier, and names that differ between suppliers', () => {
    for (const supplier of ['staylink', 'roomrack'] as const) {
      const codes = WORLD_PROPERTIES.flatMap((property) => property[supplier]?.code ?? []);
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(new Set(WORLD_PROPERTIES.map((property) => property.id)).size).toBe(WORLD_PROPERTIES.length);
    for (const property of WORLD_PROPERTIES) {
      if (property.staylink && property.roomrack) expect(property.roomrack.name).not.toBe(property.staylink.name);
    }
    expect(groundTruthPropertyOf('staylink', 'KTM001')).toBe('ktm-yak-yeti');
    expect(groundTruthPropertyOf('roomrack', 'RR-40112')).toBe('ktm-yak-yeti');
    expect(groundTruthPropertyOf('roomrack', 'KTM001')).toBeUndefined();
  });

  it('publishes positions a few tens of metres off the truth, never more than 100 m', () => {
    for (const property of WORLD_PROPERTIES) {
      for (const [supplier, metres, decimals] of [
        ['staylink', 35, 6],
        ['roomrack', 90, 5],
      ] as const) {
        const published = publishedPosition(property, `${supplier}:${property.id}`, metres, decimals);
        const offMetres = distanceKm(property, published) * 1000;
        expect(offMetres).toBeLessThanOrEqual(100);
        expect(offMetres).toBeGreaterThan(5);
      }
    }
  });

  it('has different hotels a street apart, so position alone cannot deduplicate', () => {
    const near = (a: string, b: string) => {
      const [first, second] = [a, b].map((id) => WORLD_PROPERTIES.find((property) => property.id === id)!);
      return distanceKm(first!, second!) * 1000;
    };
    expect(near('ktm-guest-house', 'ktm-garden-home')).toBeLessThan(150);
    expect(near('ktm-mulberry', 'ktm-garden-home')).toBeLessThan(100);
    expect(near('lua-airport-resort', 'lua-paradise')).toBeLessThan(100);
  });

  it('prices nights deterministically, by season, weekday and drift period', () => {
    const yak = WORLD_PROPERTIES[0]!;
    const [standard, deluxe] = roomCategoriesOf(yak);
    const rate = (date: string, period = 0) => worldNightlyRateUsdCents(yak, standard!, date, period);
    expect(rate('2027-01-19')).toBe(18500);
    expect(rate('2027-10-19')).toBe(22200);
    expect(rate('2027-07-20')).toBe(15725);
    expect(rate('2027-01-22')).toBe(19425);
    expect(worldNightlyRateUsdCents(yak, deluxe!, '2027-01-19', 0)).toBe(24975);
    expect(driftPerMille(yak.id, 0)).toBe(1000);
    expect(driftPerMille(yak.id, 3)).toBeGreaterThanOrEqual(960);
    expect(driftPerMille(yak.id, 3)).toBeLessThanOrEqual(1040);
    expect(rate('2027-01-19', 3)).toBe(rate('2027-01-19', 3));
  });

  it('keeps dates in Nepal time', () => {
    expect(nepalDate(new Date('2027-01-19T18:20:00Z'))).toBe('2027-01-20');
    expect(toNepalIso(new Date('2027-01-19T18:20:00Z'))).toBe('2027-01-20T00:05:00+05:45');
    expect(stayNights('2027-02-27', '2027-03-02')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
    expect(stayProblem('2027-01-20', '2027-01-20', '2027-01-01')).toMatch(/check-out/);
    expect(stayProblem('2026-12-31', '2027-01-02', '2027-01-01')).toMatch(/past/);
    expect(stayProblem('2027-01-20', '2027-01-22', '2027-01-01')).toBeUndefined();
  });
});

describe('reservations', () => {
  const nights = ['2027-01-20', '2027-01-21'];
  const setup = () => {
    const allotment = new RoomAllotment(() => 2);
    return { allotment, ledger: new ReservationLedger<{ guest: string }>(allotment, 'TS') };
  };
  const at = (iso: string) => new Date(iso);
  const hold = (ledger: ReservationLedger<{ guest: string }>, rooms = 1, now = at('2027-01-01T00:00:00Z')) =>
    ledger.hold(
      {
        stay: { propertyCode: 'H1', roomCode: 'STD', nights, rooms },
        details: { guest: 'A' },
        totalMinor: 20_000,
        currency: 'USD',
        holdMs: 20 * 60_000,
        freeCancellationUntil: at('2027-01-18T06:15:00Z'),
        latePenaltyMinor: 10_000,
      },
      now,
    );

  it('takes rooms all-or-nothing across the nights of a stay', () => {
    const { allotment, ledger } = setup();
    allotment.take({ propertyCode: 'H1', roomCode: 'STD', nights: ['2027-01-21'], rooms: 2 });
    expect(hold(ledger)).toEqual({ ok: false, failure: 'sold-out' });
    expect(allotment.available('H1', 'STD', ['2027-01-20'])).toBe(2);
  });

  it('lets holds lapse at their time limit and gives the rooms back', () => {
    const { allotment, ledger } = setup();
    const held = hold(ledger, 2);
    if (!held.ok) throw new Error('not held');
    expect(allotment.available('H1', 'STD', nights)).toBe(0);
    ledger.lapseExpiredHolds(at('2027-01-01T00:20:00Z'));
    expect(allotment.available('H1', 'STD', nights)).toBe(2);
    expect(ledger.confirm(held.value.reference, at('2027-01-01T00:21:00Z'))).toEqual({ ok: false, failure: 'hold-expired' });
  });

  it('cancels as a quote then a commit, free before the deadline and with the penalty after it', () => {
    const { allotment, ledger } = setup();
    const early = hold(ledger);
    const late = hold(ledger);
    if (!early.ok || !late.ok) throw new Error('not held');
    ledger.confirm(early.value.reference, at('2027-01-01T00:01:00Z'));
    ledger.confirm(late.value.reference, at('2027-01-01T00:01:00Z'));

    const free = ledger.quoteCancellation(early.value.reference, at('2027-01-18T06:10:00Z'));
    expect(free).toMatchObject({
      ok: true,
      value: { penaltyMinor: 0, refundMinor: 20_000, validUntil: at('2027-01-18T06:15:00Z') },
    });
    const charged = ledger.quoteCancellation(late.value.reference, at('2027-01-18T07:00:00Z'));
    expect(charged).toMatchObject({ ok: true, value: { penaltyMinor: 10_000, refundMinor: 10_000 } });
    if (!free.ok || !charged.ok) throw new Error('not quoted');

    expect(ledger.cancel(early.value.reference, free.value.id, at('2027-01-18T06:20:00Z'))).toEqual({
      ok: false,
      failure: 'quote-expired',
    });
    expect(ledger.cancel(early.value.reference, charged.value.id, at('2027-01-18T07:01:00Z'))).toEqual({
      ok: false,
      failure: 'quote-unknown',
    });
    const cancelled = ledger.cancel(late.value.reference, charged.value.id, at('2027-01-18T07:01:00Z'));
    expect(cancelled).toMatchObject({
      ok: true,
      value: { status: 'cancelled', cancellation: { penaltyMinor: 10_000, refundMinor: 10_000, lapsed: false } },
    });
    expect(allotment.available('H1', 'STD', nights)).toBe(1);
    expect(ledger.cancel(late.value.reference, charged.value.id, at('2027-01-18T07:02:00Z'))).toEqual({
      ok: false,
      failure: 'cancelled',
    });
  });
});
