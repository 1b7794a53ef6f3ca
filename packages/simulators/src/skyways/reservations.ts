import { SeededRandom, hashSeed } from '../harness/simulator-clock.ts';
import { cancellationPenalty, type FareBrand, type FareQuote, type Ptc } from './fares.ts';
import type { DatedFlight } from './flight-times.ts';
import { CARRIERS } from './network.ts';
import type { SeatBucket, SeatInventory } from './seat-inventory.ts';

export interface Traveler {
  rph: string;
  ptc: Ptc;
  namePrefix?: string;
  givenName: string;
  surname: string;
  birthDate?: string;
  gender?: string;
  phone?: string;
  email?: string;
}

export interface Ticket {
  number: string;
  travelerRph: string;
  /** Minor units of the reservation's currency. */
  amount: number;
}

export interface Reservation {
  locator: string;
  createdAt: Date;
  slices: DatedFlight[][];
  quote: FareQuote;
  travelers: Traveler[];
  status: 'held' | 'ticketed' | 'cancelled';
  /** An unticketed hold is cancelled by skyways when the clock passes this. */
  ticketTimeLimit: Date;
  tickets: Ticket[];
  cancellation?: { number: string; penalty: number; refund: number; reason: 'requested' | 'hold-expired' };
}

export interface CancelQuote {
  id: string;
  locator: string;
  /** The reservation's status when quoted: ticketing in between makes the quote void. */
  status: Reservation['status'];
  penalty: number;
  refund: number;
  expiresAt: Date;
}

const HOLD_MS = 24 * 3_600_000;
/** Skyways stops selling a flight this long before departure, and holds lapse by then at the latest. */
export const SALES_CLOSE_BEFORE_DEPARTURE_MS = 3 * 3_600_000;
const CANCEL_QUOTE_MS = 15 * 60_000;
const LOCATOR_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const FIRST_TICKET_SERIAL = 4_100_000_000;

/** A hold lasts a day, and never past the close of sales of its first flight. */
export function ticketTimeLimit(slices: DatedFlight[][], now: Date): Date {
  return new Date(Math.min(now.getTime() + HOLD_MS, slices[0]![0]!.departureMs - SALES_CLOSE_BEFORE_DEPARTURE_MS));
}

export function seatBuckets(slices: DatedFlight[][], brand: FareBrand): SeatBucket[] {
  return slices.flat().map((leg) => ({ flight: leg.flight, date: leg.date, cabin: brand.cabin }));
}

export function seatsNeeded(travelers: Array<{ ptc: Ptc }>): number {
  return travelers.filter((t) => t.ptc !== 'INF').length;
}

/**
 * Skyways' reservations (PNRs): holds that take seats, tickets, cancellation quotes and commits.
 * Record locators and ticket numbers come from seeded sequences, so a run after a reset repeats.
 */
export class ReservationBook {
  private readonly reservations = new Map<string, Reservation>();
  private readonly quotes = new Map<string, CancelQuote>();
  private locators = new SeededRandom(hashSeed('skyways-locators'));
  private ticketSerial = FIRST_TICKET_SERIAL;

  constructor(private readonly inventory: SeatInventory) {}

  /** Takes the seats and records a hold, or answers 'sold-out' when any segment lacks them. */
  hold(slices: DatedFlight[][], quote: FareQuote, travelers: Traveler[], now: Date): Reservation | 'sold-out' {
    if (!this.inventory.take(seatBuckets(slices, quote.brand), seatsNeeded(travelers))) return 'sold-out';
    const reservation: Reservation = {
      locator: this.nextLocator(),
      createdAt: now,
      slices,
      quote,
      travelers,
      status: 'held',
      ticketTimeLimit: ticketTimeLimit(slices, now),
      tickets: [],
    };
    this.reservations.set(reservation.locator, reservation);
    return reservation;
  }

  find(locator: string): Reservation | undefined {
    return this.reservations.get(locator.toUpperCase());
  }

  /** Holds whose ticket time limit has passed are cancelled and their seats go back on sale. */
  expireHolds(now: Date): void {
    for (const reservation of this.reservations.values()) {
      if (reservation.status === 'held' && reservation.ticketTimeLimit.getTime() <= now.getTime()) {
        this.close(reservation, { number: `X${reservation.locator}`, penalty: 0, refund: 0, reason: 'hold-expired' });
      }
    }
  }

  /** One e-ticket per passenger, for what that passenger's fare costs. */
  ticket(reservation: Reservation): Ticket[] {
    const prefix = CARRIERS.get(reservation.slices[0]![0]!.flight.carrier)?.ticketPrefix ?? '999';
    reservation.tickets = reservation.travelers.map((traveler) => ({
      number: `${prefix}${String(this.ticketSerial++).padStart(10, '0')}`,
      travelerRph: traveler.rph,
      amount: reservation.quote.passengers.find((p) => p.ptc === traveler.ptc)?.total ?? 0,
    }));
    reservation.status = 'ticketed';
    return reservation.tickets;
  }

  /**
   * What cancelling costs now: nothing for a hold (nothing was paid); for tickets the fare brand's
   * share of the base fare is kept and the rest refunded.
   */
  quoteCancellation(reservation: Reservation, now: Date): CancelQuote {
    const penalty = reservation.status === 'ticketed' ? cancellationPenalty(reservation.quote) : 0;
    const refund = reservation.status === 'ticketed' ? reservation.quote.total - penalty : 0;
    const quote: CancelQuote = {
      id: `CQ${reservation.locator}${this.quotes.size + 1}`,
      locator: reservation.locator,
      status: reservation.status,
      penalty,
      refund,
      expiresAt: new Date(now.getTime() + CANCEL_QUOTE_MS),
    };
    this.quotes.set(quote.id, quote);
    return quote;
  }

  /** The reservation's most recent quote, for a Commit that names none. */
  latestQuoteId(reservation: Reservation): string | undefined {
    let latest: string | undefined;
    for (const quote of this.quotes.values()) if (quote.locator === reservation.locator) latest = quote.id;
    return latest;
  }

  /** The quote if it is still good for this reservation as it stands now. */
  validQuote(reservation: Reservation, quoteId: string, now: Date): CancelQuote | undefined {
    const quote = this.quotes.get(quoteId);
    if (!quote || quote.locator !== reservation.locator || quote.status !== reservation.status) return undefined;
    return quote.expiresAt.getTime() > now.getTime() ? quote : undefined;
  }

  commitCancellation(reservation: Reservation, quote: CancelQuote): void {
    this.quotes.delete(quote.id);
    this.close(reservation, {
      number: `X${reservation.locator}`,
      penalty: quote.penalty,
      refund: quote.refund,
      reason: 'requested',
    });
  }

  list(): Reservation[] {
    return [...this.reservations.values()];
  }

  reset(): void {
    this.reservations.clear();
    this.quotes.clear();
    this.locators = new SeededRandom(hashSeed('skyways-locators'));
    this.ticketSerial = FIRST_TICKET_SERIAL;
  }

  private close(reservation: Reservation, cancellation: NonNullable<Reservation['cancellation']>): void {
    this.inventory.release(seatBuckets(reservation.slices, reservation.quote.brand), seatsNeeded(reservation.travelers));
    reservation.status = 'cancelled';
    reservation.cancellation = cancellation;
  }

  private nextLocator(): string {
    for (;;) {
      const locator = Array.from({ length: 6 }, () => this.locators.pick([...LOCATOR_ALPHABET])).join('');
      if (!this.reservations.has(locator)) return locator;
    }
  }
}
