import type { Cabin } from './world/aircraft.ts';
import type { ScheduledFlight } from './world/timetable.ts';

/**
 * Seats sold per flight and cabin. Every change happens inside one synchronous call, so two
 * bookings racing for the last seat are decided here, in arrival order: exactly one gets it.
 */
export class SeatInventory {
  private readonly sold = new Map<string, number>();

  soldOn(flight: ScheduledFlight, cabin: Cabin): number {
    return this.sold.get(`${flight.key}/${cabin}`) ?? 0;
  }

  seatsLeft(flight: ScheduledFlight, cabin: Cabin): number {
    return (flight.seats[cabin] ?? 0) - this.soldOn(flight, cabin);
  }

  /** Sells `seats` on every flight, or on none when one of them cannot take them all. */
  sell(flights: readonly ScheduledFlight[], cabin: Cabin, seats: number): boolean {
    if (flights.some((flight) => this.seatsLeft(flight, cabin) < seats)) return false;
    for (const flight of flights) this.sold.set(`${flight.key}/${cabin}`, this.soldOn(flight, cabin) + seats);
    return true;
  }

  restore(flights: readonly ScheduledFlight[], cabin: Cabin, seats: number): void {
    for (const flight of flights) this.sold.set(`${flight.key}/${cabin}`, Math.max(0, this.soldOn(flight, cabin) - seats));
  }

  /** Sold seats of the flights touched since the last reset, for the control API. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.sold].filter(([, seats]) => seats > 0));
  }

  reset(): void {
    this.sold.clear();
  }
}
