import { z } from 'zod';
import { decimalToMinor, type Money } from '../../money/money.ts';
import type { SupplierBooking } from '../../products/common.ts';
import type { HotelBookingRequest } from '../../products/hotel.ts';
import { buildXml, textOf, type XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf } from '../../xml/xml-navigation.ts';
import { ROOMRACK_NS } from './roomrack-outcome.ts';
import { ROOMRACK_SUPPLIER_ID } from './supplier-id.ts';

/**
 * HoldBooking, ConfirmBooking, GetBooking, CancelQuote and CancelCommit requests, and the Booking
 * and CancelQuote they answer with. An EXPIRED booking is a hold roomrack let lapse: cancelled.
 */
export const BOOKING_RESPONSE_ARRAYS = ['Guest', 'Tax', 'Notice', 'Error'];
export const HOLD_MINUTES = 20;

export function buildHoldBookingRequest(rateKey: string, booking: HotelBookingRequest): string {
  const [lead, ...others] = booking.guests;
  return buildXml({
    HoldBookingRequest: {
      '@_xmlns': ROOMRACK_NS,
      '@_holdMinutes': String(HOLD_MINUTES),
      Rate: { '@_rateKey': rateKey },
      Lead: {
        '@_givenName': lead?.givenName ?? '',
        '@_surname': lead?.familyName ?? '',
        '@_email': booking.contact.email,
        '@_phone': booking.contact.phone,
      },
      Guests: { Guest: others.map((guest) => ({ '@_givenName': guest.givenName, '@_surname': guest.familyName })) },
    },
  });
}

export function buildBookingRequest(
  element: 'ConfirmBookingRequest' | 'GetBookingRequest' | 'CancelQuoteRequest',
  bookingRef: string,
): string {
  return buildXml({ [element]: { '@_xmlns': ROOMRACK_NS, '@_bookingRef': bookingRef } });
}

export function buildCancelCommitRequest(bookingRef: string, quoteId: string): string {
  return buildXml({ CancelCommitRequest: { '@_xmlns': ROOMRACK_NS, '@_bookingRef': bookingRef, '@_quoteId': quoteId } });
}

const STATUS = { ON_HOLD: 'held', CONFIRMED: 'confirmed', CANCELLED: 'cancelled', EXPIRED: 'cancelled' } as const;
const amount = z.string().regex(/^-?\d+(\.\d+)?$/);

const bookingSchema = z.object({
  ref: z.string().min(1),
  status: z.enum(['ON_HOLD', 'CONFIRMED', 'CANCELLED', 'EXPIRED']),
  holdUntil: z.string().optional(),
  voucher: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  total: amount,
});

export function readBooking(root: XmlNode): SupplierBooking {
  const booking = childOf(root, 'Booking');
  const charges = childOf(booking, 'Charges');
  const fields = bookingSchema.parse({
    ref: attributeOf(booking, 'ref'),
    status: attributeOf(booking, 'status'),
    holdUntil: attributeOf(booking, 'holdUntil'),
    voucher: attributeOf(booking, 'voucher'),
    currency: attributeOf(charges, 'currency'),
    total: textOf(childOf(charges, 'Total'))?.trim(),
  });
  const status = STATUS[fields.status];
  return {
    supplierId: ROOMRACK_SUPPLIER_ID,
    supplierReference: fields.ref,
    status,
    total: { amountMinor: decimalToMinor(fields.total, fields.currency), currency: fields.currency },
    ...(status === 'held' && fields.holdUntil ? { holdExpiresAt: fields.holdUntil } : {}),
    documents: fields.voucher && status !== 'held' ? [fields.voucher] : [],
  };
}

export function readCancellation(root: XmlNode): {
  fee: Money;
  refund: Money;
  number?: string;
  status: SupplierBooking['status'];
} {
  const booking = childOf(root, 'Booking');
  const cancellation = childOf(booking, 'Cancellation');
  const currency = z
    .string()
    .regex(/^[A-Z]{3}$/)
    .parse(attributeOf(childOf(booking, 'Charges'), 'currency'));
  return {
    status: readBooking(root).status,
    fee: { amountMinor: decimalToMinor(amount.parse(attributeOf(cancellation, 'fee')), currency), currency },
    refund: { amountMinor: decimalToMinor(amount.parse(attributeOf(cancellation, 'refund')), currency), currency },
    number: attributeOf(cancellation, 'number'),
  };
}

const quoteSchema = z.object({
  quoteId: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  validUntil: z.string().min(1),
  fee: amount,
  refund: amount,
});

export function readCancelQuote(root: XmlNode): { quoteId: string; fee: Money; refund: Money; validUntil: string } {
  const quote = childOf(root, 'CancelQuote');
  const fields = quoteSchema.parse({
    quoteId: attributeOf(quote, 'quoteId'),
    currency: attributeOf(quote, 'currency'),
    validUntil: attributeOf(quote, 'validUntil'),
    fee: textOf(childOf(quote, 'Fee'))?.trim(),
    refund: textOf(childOf(quote, 'Refund'))?.trim(),
  });
  const money = (value: string) => ({ amountMinor: decimalToMinor(value, fields.currency), currency: fields.currency });
  return { quoteId: fields.quoteId, fee: money(fields.fee), refund: money(fields.refund), validUntil: fields.validUntil };
}
