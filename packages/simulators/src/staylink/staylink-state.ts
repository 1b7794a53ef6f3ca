import type { OtaIssue } from './ota-replies.ts';
import type { ReservationLedger } from '../hotel-world/reservation-ledger.ts';
import type { RoomAllotment } from '../hotel-world/room-allotment.ts';
import type { StaylinkPricing } from './staylink-catalog.ts';

/** What staylink remembers between calls, as its handlers see it. */
export interface StaylinkBookingDetails {
  hotelCode: string;
  roomTypeCode: string;
  ratePlanCode: string;
  checkIn: string;
  checkOut: string;
  ratePlanName: string;
  totalBeforeTaxCents: number;
  guestCounts: number[];
  guests: Array<{ givenName: string; surname: string }>;
  email?: string;
  phone?: string;
}

export interface StaylinkState {
  allotment: RoomAllotment;
  ledger: ReservationLedger<StaylinkBookingDetails>;
  pricing: () => StaylinkPricing;
  now: () => Date;
}

/** One request as a handler receives it: the OTA element inside the SOAP body, and its EchoToken. */
export interface OtaRequest {
  message: Record<string, unknown>;
  echoToken?: string;
  now: Date;
  /** Warnings the answer carries (an injected 'warning' fault). */
  warnings: OtaIssue[];
  /** Answer with part of the results only (an injected 'warning' fault on availability). */
  partialResults: boolean;
}
