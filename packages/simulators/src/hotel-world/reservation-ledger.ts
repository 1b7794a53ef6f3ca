import { hashSeed } from '../harness/simulator-clock.ts';
import type { RoomAllotment, StayUnits } from './room-allotment.ts';

/**
 * A supplier's reservations: holds that take rooms and lapse at their time limit (rooms back),
 * confirmation, and cancellation as a quote then a commit with a penalty decided by the
 * free-cancellation deadline. Shared by the hotel simulators; each wraps it in its own dialect.
 */
export type ReservationStatus = 'held' | 'confirmed' | 'cancelled';

export interface Reservation<Details> {
  reference: string;
  stay: StayUnits;
  details: Details;
  totalMinor: number;
  currency: string;
  status: ReservationStatus;
  createdAt: Date;
  holdExpiresAt: Date;
  /** A confirmed reservation cancels free before this instant; undefined: non-refundable. */
  freeCancellationUntil?: Date;
  /** Charged for cancelling a confirmed reservation once the free period is over. */
  latePenaltyMinor: number;
  confirmationNumber?: string;
  cancellation?: { at: Date; number: string; penaltyMinor: number; refundMinor: number; lapsed: boolean };
}

export interface CancellationQuoteRecord {
  id: string;
  reference: string;
  penaltyMinor: number;
  refundMinor: number;
  validUntil: Date;
}

export type LedgerFailure = 'not-found' | 'sold-out' | 'hold-expired' | 'cancelled' | 'quote-unknown' | 'quote-expired';
export type LedgerResult<T> = { ok: true; value: T } | { ok: false; failure: LedgerFailure };

export interface HoldInput<Details> {
  stay: StayUnits;
  details: Details;
  totalMinor: number;
  currency: string;
  holdMs: number;
  freeCancellationUntil?: Date;
  latePenaltyMinor: number;
}

const QUOTE_VALIDITY_MS = 15 * 60_000;
const LOCATOR_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class ReservationLedger<Details> {
  private reservations = new Map<string, Reservation<Details>>();
  private quotes = new Map<string, CancellationQuoteRecord>();
  private sequence = 0;

  constructor(
    private readonly allotment: RoomAllotment,
    /** Prefix of this supplier's locators, e.g. 'SL'. */
    private readonly prefix: string,
  ) {}

  hold(input: HoldInput<Details>, now: Date): LedgerResult<Reservation<Details>> {
    this.lapseExpiredHolds(now);
    if (!this.allotment.take(input.stay)) return fail('sold-out');
    const reservation: Reservation<Details> = {
      reference: this.locator('R'),
      stay: input.stay,
      details: input.details,
      totalMinor: input.totalMinor,
      currency: input.currency,
      status: 'held',
      createdAt: now,
      holdExpiresAt: new Date(now.getTime() + input.holdMs),
      freeCancellationUntil: input.freeCancellationUntil,
      latePenaltyMinor: input.latePenaltyMinor,
    };
    this.reservations.set(reservation.reference, reservation);
    return ok(reservation);
  }

  /** Confirming twice is harmless; confirming a lapsed or cancelled hold is not. */
  confirm(reference: string, now: Date): LedgerResult<Reservation<Details>> {
    const reservation = this.find(reference, now);
    if (!reservation) return fail('not-found');
    if (reservation.status === 'cancelled') return fail(reservation.cancellation?.lapsed ? 'hold-expired' : 'cancelled');
    if (reservation.status === 'held') {
      reservation.status = 'confirmed';
      reservation.confirmationNumber = this.locator('C');
    }
    return ok(reservation);
  }

  quoteCancellation(reference: string, now: Date): LedgerResult<CancellationQuoteRecord> {
    const reservation = this.find(reference, now);
    if (!reservation) return fail('not-found');
    if (reservation.status === 'cancelled') return fail('cancelled');
    const { penaltyMinor, refundMinor } = this.penaltyAt(reservation, now);
    // The quote holds until it lapses or the price of cancelling would change, whichever is first.
    let validUntil = new Date(now.getTime() + QUOTE_VALIDITY_MS);
    const priceChangesAt = reservation.status === 'held' ? reservation.holdExpiresAt : reservation.freeCancellationUntil;
    if (priceChangesAt && priceChangesAt > now && priceChangesAt < validUntil) validUntil = priceChangesAt;
    const quote = { id: this.locator('Q'), reference, penaltyMinor, refundMinor, validUntil };
    this.quotes.set(quote.id, quote);
    return ok(quote);
  }

  /** The reservation's most recent cancellation quote, for a commit that names none. */
  latestQuoteId(reference: string): string | undefined {
    let latest: string | undefined;
    for (const quote of this.quotes.values()) if (quote.reference === reference) latest = quote.id;
    return latest;
  }

  cancel(reference: string, quoteId: string, now: Date): LedgerResult<Reservation<Details>> {
    const reservation = this.find(reference, now);
    if (!reservation) return fail('not-found');
    if (reservation.status === 'cancelled') return fail('cancelled');
    const quote = this.quotes.get(quoteId);
    if (!quote || quote.reference !== reference) return fail('quote-unknown');
    if (now >= quote.validUntil) return fail('quote-expired');
    this.quotes.delete(quoteId);
    this.close(reservation, now, { penaltyMinor: quote.penaltyMinor, refundMinor: quote.refundMinor, lapsed: false });
    return ok(reservation);
  }

  find(reference: string, now: Date): Reservation<Details> | undefined {
    this.lapseExpiredHolds(now);
    return this.reservations.get(reference);
  }

  list(now: Date): Reservation<Details>[] {
    this.lapseExpiredHolds(now);
    return [...this.reservations.values()];
  }

  reset(): void {
    this.reservations = new Map();
    this.quotes = new Map();
    this.sequence = 0;
  }

  /** Nothing has been charged for a hold; a confirmed stay cancels free until its deadline. */
  private penaltyAt(reservation: Reservation<Details>, now: Date): { penaltyMinor: number; refundMinor: number } {
    if (reservation.status === 'held') return { penaltyMinor: 0, refundMinor: 0 };
    const free = reservation.freeCancellationUntil !== undefined && now < reservation.freeCancellationUntil;
    const penaltyMinor = free ? 0 : Math.min(reservation.latePenaltyMinor, reservation.totalMinor);
    return { penaltyMinor, refundMinor: reservation.totalMinor - penaltyMinor };
  }

  /** Holds past their time limit lapse and give their rooms back; every operation starts with this. */
  lapseExpiredHolds(now: Date): void {
    for (const reservation of this.reservations.values()) {
      if (reservation.status === 'held' && now >= reservation.holdExpiresAt) {
        this.close(reservation, reservation.holdExpiresAt, { penaltyMinor: 0, refundMinor: 0, lapsed: true });
      }
    }
  }

  private close(
    reservation: Reservation<Details>,
    at: Date,
    outcome: { penaltyMinor: number; refundMinor: number; lapsed: boolean },
  ): void {
    reservation.status = 'cancelled';
    reservation.cancellation = { at, number: this.locator('X'), ...outcome };
    this.allotment.release(reservation.stay);
  }

  /** The supplier's prefix, a kind letter and six seeded characters: SLR7KQ2MX. */
  private locator(kind: string): string {
    for (;;) {
      this.sequence += 1;
      let seed = hashSeed(`${this.prefix}:${kind}:${this.sequence}`);
      let locator = `${this.prefix}${kind}`;
      for (let i = 0; i < 6; i++) {
        locator += LOCATOR_ALPHABET[seed % LOCATOR_ALPHABET.length];
        seed = (Math.floor(seed / LOCATOR_ALPHABET.length) ^ hashSeed(locator)) >>> 0;
      }
      if (!this.reservations.has(locator) && !this.quotes.has(locator)) return locator;
    }
  }
}

function ok<T>(value: T): LedgerResult<T> {
  return { ok: true, value };
}

function fail<T>(failure: LedgerFailure): LedgerResult<T> {
  return { ok: false, failure };
}
