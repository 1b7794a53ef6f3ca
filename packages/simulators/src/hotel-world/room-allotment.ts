/**
 * Rooms one supplier can still sell: per property, room type and night. Taking rooms is
 * all-or-nothing across the nights of a stay, and synchronous, so of two bookings racing for the
 * last room exactly one gets it.
 */
export interface StayUnits {
  propertyCode: string;
  roomCode: string;
  nights: readonly string[];
  rooms: number;
}

export class RoomAllotment {
  private taken = new Map<string, number>();

  /** `capacity` gives the seeded rooms per night of one room type at one property. */
  constructor(private readonly capacity: (propertyCode: string, roomCode: string) => number) {}

  /** Rooms free on every night of the stay. */
  available(propertyCode: string, roomCode: string, nights: readonly string[]): number {
    const total = this.capacity(propertyCode, roomCode);
    return Math.min(...nights.map((night) => total - (this.taken.get(key(propertyCode, roomCode, night)) ?? 0)));
  }

  take(units: StayUnits): boolean {
    if (this.available(units.propertyCode, units.roomCode, units.nights) < units.rooms) return false;
    for (const night of units.nights) {
      const k = key(units.propertyCode, units.roomCode, night);
      this.taken.set(k, (this.taken.get(k) ?? 0) + units.rooms);
    }
    return true;
  }

  release(units: StayUnits): void {
    for (const night of units.nights) {
      const k = key(units.propertyCode, units.roomCode, night);
      const left = (this.taken.get(k) ?? 0) - units.rooms;
      if (left > 0) this.taken.set(k, left);
      else this.taken.delete(k);
    }
  }

  reset(): void {
    this.taken = new Map();
  }

  /** Rooms taken, by "property|room|night", for the control API. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.taken);
  }
}

function key(propertyCode: string, roomCode: string, night: string): string {
  return `${propertyCode}|${roomCode}|${night}`;
}
