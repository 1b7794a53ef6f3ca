import type { ReservationLedger } from '../hotel-world/reservation-ledger.ts';
import type { RoomAllotment } from '../hotel-world/room-allotment.ts';
import type { RoomrackPricing } from './roomrack-catalog.ts';
import type { RateKey } from './rate-key.ts';
import type { RoomrackIssue } from './roomrack-replies.ts';

/** What roomrack keeps about a booking beyond what the ledger keeps. */
export interface RoomrackBookingDetails {
  rate: RateKey;
  taxesPerNight: Array<{ code: string; paisa: number }>;
  guests: Array<{ givenName: string; surname: string }>;
  lead: { email: string; phone: string };
}

export interface RoomrackState {
  allotment: RoomAllotment;
  ledger: ReservationLedger<RoomrackBookingDetails>;
  pricing: () => RoomrackPricing;
}

/** One request as a handler receives it. */
export interface RoomrackRequest {
  message: Record<string, unknown>;
  now: Date;
  notices: RoomrackIssue[];
  /** Answer with part of the results only (an injected 'warning' fault on search). */
  partialResults: boolean;
}
