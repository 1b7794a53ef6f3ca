import type { Money } from '@himal/gds';
import { SeededRandom, hashSeed } from '../harness/simulator-clock.ts';
import { seatsNeeded, type PassengerCounts } from './journey-pricing.ts';
import type { SeatInventory } from './seat-inventory.ts';
import type { Cabin } from './world/aircraft.ts';
import type { PassengerType } from './world/fares.ts';
import type { ScheduledFlight } from './world/timetable.ts';

export interface PnrPassenger {
  ref: number;
  type: PassengerType;
  surname: string;
  firstName: string;
  dateOfBirth: string;
}

export interface PnrSegment {
  ref: number;
  /** The requested segment (slice) the flight belongs to. */
  slice: number;
  flight: ScheduledFlight;
  rbd: string;
}

/** held: on a ticketing time limit; lapsed: the limit passed and the segments went; cancelled: by the agent. */
export type PnrStatus = 'held' | 'ticketed' | 'lapsed' | 'cancelled';

export interface Pnr {
  locator: string;
  officeId: string;
  createdAt: number;
  passengers: PnrPassenger[];
  segments: PnrSegment[];
  cabin: Cabin;
  contacts: { phone?: string; email?: string };
  price: { base: Money; taxes: Money; total: Money };
  refundable: boolean;
  status: PnrStatus;
  ticketTimeLimit: number;
  lapsedAt?: number;
  tickets: Array<{ passengerRef: number; type: PassengerType; number: string }>;
  refund?: { quoteReference: string; refundReference: string; penalty: Money; refund: Money };
}

export interface RefundQuote {
  reference: string;
  locator: string;
  /** The record's status when quoted: a quote for a hold does not cancel a ticket. */
  quotedStatus: PnrStatus;
  penalty: Money;
  refund: Money;
  validUntil: number;
  used: boolean;
}

const LOCATOR_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ticket number prefixes (airline accounting codes) by validating carrier. */
const TICKET_PREFIXES: Record<string, string> = {
  RA: '285',
  QR: '157',
  FZ: '141',
  AI: '098',
  TG: '217',
  MH: '232',
  BG: '997',
  '6E': '312',
  // Domestic and regional carriers without an IATA accounting code, numbered by the GDS.
  U4: '901',
  YT: '902',
  N9: '903',
  H9: '904',
};

export function passengerCounts(passengers: readonly { type: PassengerType }[]): PassengerCounts {
  const counts: PassengerCounts = { ADT: 0, CH: 0, INF: 0 };
  for (const passenger of passengers) counts[passenger.type] += 1;
  return counts;
}

/** Passenger name records of every office, with their holds, tickets and refund quotes. */
export class PnrStore {
  private readonly pnrs = new Map<string, Pnr>();
  private readonly quotes = new Map<string, RefundQuote>();
  private readonly random = new SeededRandom(hashSeed('himalayan-gds/record-locators'));
  private ticketSerial = 0;
  private quoteSerial = 0;
  private refundSerial = 0;

  create(record: Omit<Pnr, 'locator'>): Pnr {
    let locator: string;
    do {
      locator = Array.from({ length: 6 }, () => this.random.pick([...LOCATOR_ALPHABET])).join('');
    } while (this.pnrs.has(locator));
    const pnr = { ...record, locator };
    this.pnrs.set(locator, pnr);
    return pnr;
  }

  get(locator: string): Pnr | undefined {
    return this.pnrs.get(locator);
  }

  /** Holds whose time limit has passed lose their segments, and the seats go back on sale. */
  lapseExpiredHolds(now: number, inventory: SeatInventory): void {
    for (const pnr of this.pnrs.values()) {
      if (pnr.status !== 'held' || pnr.ticketTimeLimit > now) continue;
      pnr.status = 'lapsed';
      pnr.lapsedAt = pnr.ticketTimeLimit;
      this.releaseSeats(pnr, inventory);
    }
  }

  releaseSeats(pnr: Pnr, inventory: SeatInventory): void {
    inventory.restore(
      pnr.segments.map((segment) => segment.flight),
      pnr.cabin,
      seatsNeeded(passengerCounts(pnr.passengers)),
    );
  }

  issueTickets(pnr: Pnr): void {
    const prefix = TICKET_PREFIXES[pnr.segments[0]!.flight.carrier] ?? '999';
    pnr.tickets = pnr.passengers.map((passenger) => {
      this.ticketSerial += 1;
      return {
        passengerRef: passenger.ref,
        type: passenger.type,
        number: `${prefix}-${String(2_400_000_000 + this.ticketSerial)}`,
      };
    });
    pnr.status = 'ticketed';
  }

  addQuote(quote: Omit<RefundQuote, 'reference' | 'used'>): RefundQuote {
    this.quoteSerial += 1;
    const stored = { ...quote, reference: `RQ${String(this.quoteSerial).padStart(6, '0')}`, used: false };
    this.quotes.set(stored.reference, stored);
    return stored;
  }

  quote(reference: string): RefundQuote | undefined {
    return this.quotes.get(reference);
  }

  nextRefundReference(): string {
    this.refundSerial += 1;
    return `RF${String(this.refundSerial).padStart(6, '0')}`;
  }

  snapshot(): Array<{ locator: string; officeId: string; status: PnrStatus; total: Money; tickets: string[] }> {
    return [...this.pnrs.values()].map((pnr) => ({
      locator: pnr.locator,
      officeId: pnr.officeId,
      status: pnr.status,
      total: pnr.price.total,
      tickets: pnr.tickets.map((ticket) => ticket.number),
    }));
  }

  reset(): void {
    this.pnrs.clear();
    this.quotes.clear();
    this.random.reset();
    this.ticketSerial = 0;
    this.quoteSerial = 0;
    this.refundSerial = 0;
  }
}
