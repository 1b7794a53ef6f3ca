import { SeededRandom, hashSeed } from '../harness/simulator-clock.ts';
import { AIRCRAFT_SEATS, CARRIERS, flightKey, type Cabin, type ScheduledFlight } from './network.ts';

/** One flight on one day in one cabin: the unit seats are counted in. */
export interface SeatBucket {
  flight: ScheduledFlight;
  date: string;
  cabin: Cabin;
}

/**
 * Seats skyways may still sell per flight, day and cabin. Each bucket starts from a seeded count
 * (most flights have a handful to a few dozen seats left, some are sold out) the first time it is
 * looked at, so the world is the same on every run and nothing is precomputed.
 */
export class SeatInventory {
  private readonly remaining = new Map<string, number>();

  seatsLeft(bucket: SeatBucket): number {
    const key = bucketKey(bucket);
    let left = this.remaining.get(key);
    if (left === undefined) {
      left = seededSeats(bucket);
      this.remaining.set(key, left);
    }
    return left;
  }

  /**
   * Takes `seats` in every bucket, or none at all. Synchronous on purpose: two bookings racing for
   * the last seat are decided here, one after the other, and exactly one of them gets it.
   */
  take(buckets: SeatBucket[], seats: number): boolean {
    if (buckets.some((bucket) => this.seatsLeft(bucket) < seats)) return false;
    for (const bucket of buckets) this.remaining.set(bucketKey(bucket), this.seatsLeft(bucket) - seats);
    return true;
  }

  release(buckets: SeatBucket[], seats: number): void {
    for (const bucket of buckets) this.remaining.set(bucketKey(bucket), this.seatsLeft(bucket) + seats);
  }

  reset(): void {
    this.remaining.clear();
  }

  /** Seats left in every bucket looked at so far, for the control API's state view. */
  known(): Record<string, number> {
    return Object.fromEntries(this.remaining);
  }
}

function bucketKey(bucket: SeatBucket): string {
  return `${flightKey(bucket.flight)}|${bucket.date}|${bucket.cabin}`;
}

function seededSeats(bucket: SeatBucket): number {
  const carrier = CARRIERS.get(bucket.flight.carrier);
  const capacity = AIRCRAFT_SEATS[bucket.flight.aircraft]?.[bucket.cabin] ?? 0;
  if (!carrier?.cabins.includes(bucket.cabin) || capacity === 0) return 0;
  const random = new SeededRandom(hashSeed(bucketKey(bucket)));
  if (random.next() < 0.06) return 0;
  return random.int(1, Math.min(capacity, bucket.cabin === 'business' ? 8 : 30));
}
