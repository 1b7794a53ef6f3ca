import { z } from 'zod';
import { minorToDecimal, type Money } from '@himal/gds';
import type { XmlNode } from '@himal/gds/xml';
import { edifactLocalDateTime } from '../local-time.ts';
import type { Pnr } from '../pnr-store.ts';
import { OFFICE_UTC_OFFSET_MINUTES, isDomestic } from '../world/airports.ts';
import { parseRequest, type GdsOperation, type OperationCall } from './operation-call.ts';
import { activeRecord } from './pnr-access.ts';

const refundSchema = z.object({ pnrReference: z.object({ reservation: z.object({ controlNumber: z.string() }) }) });

/** A refund quote holds for half an hour. */
const QUOTE_VALIDITY_MS = 30 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * The cancellation penalty, as a share of the base fare (taxes are always refunded): the closer to
 * departure, the more it costs; a non-refundable fare or a flown coupon loses the whole base fare.
 * An unticketed hold costs nothing and refunds nothing: nothing was paid.
 */
function penaltyPercent(pnr: Pnr, now: number): number {
  const hoursLeft = (Math.min(...pnr.segments.map((segment) => segment.flight.departsAt)) - now) / HOUR_MS;
  if (hoursLeft <= 0 || !pnr.refundable) return 100;
  const domestic = pnr.segments.every(({ flight }) => isDomestic(flight.origin, flight.destination));
  if (domestic) return hoursLeft >= 24 ? 10 : hoursLeft >= 2 ? 33 : 100;
  return hoursLeft >= 72 ? 15 : hoursLeft >= 24 ? 30 : 50;
}

function refundAmounts(pnr: Pnr, now: number): { penalty: Money; refund: Money } {
  const currency = pnr.price.total.currency;
  if (pnr.status !== 'ticketed') return { penalty: { amountMinor: 0, currency }, refund: { amountMinor: 0, currency } };
  const penalty = Math.floor((pnr.price.base.amountMinor * penaltyPercent(pnr, now)) / 100);
  return {
    penalty: { amountMinor: penalty, currency },
    refund: { amountMinor: pnr.price.total.amountMinor - penalty, currency },
  };
}

function monetary(typeQualifier: string, money: Money): XmlNode {
  return { typeQualifier, amount: minorToDecimal(money.amountMinor, money.currency), currency: money.currency };
}

/** Ticket_InitRefund: what cancelling the whole record would cost now, valid for half an hour. */
export const initRefund: GdsOperation = (body, call: OperationCall) => {
  const request = parseRequest(refundSchema, body);
  const pnr = activeRecord(request.pnrReference.reservation.controlNumber, call);
  const { penalty, refund } = refundAmounts(pnr, call.now);
  const quote = call.world.pnrs.addQuote({
    locator: pnr.locator,
    quotedStatus: pnr.status,
    penalty,
    refund,
    validUntil: call.now + QUOTE_VALIDITY_MS,
  });
  return {
    refundQuote: {
      quoteReference: quote.reference,
      monetaryDetails: [monetary('CP', penalty), monetary('RFT', refund)],
      validUntil: edifactLocalDateTime(quote.validUntil, OFFICE_UTC_OFFSET_MINUTES),
    },
  };
};
