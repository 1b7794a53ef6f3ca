import type { TenantTransaction } from '@himal/db';
import {
  cancelSupplierBooking,
  confirmSupplierBooking,
  convertMoney,
  holdOffer,
  quoteSupplierCancellation,
  retrieveSupplierBooking,
  type AirOffer,
  type CancellationQuote,
  type FxSnapshot,
  type HotelOffer,
  type InsuranceOffer,
  type Money,
  type Product,
  type SupplierBooking,
  type SupplierBookingOptions,
} from '@himal/gds';
import { bookHeldSeats, releaseBookedSeats, releaseHeldSeats } from '../departures/index.ts';
import { passengerTypeOn } from './order-request.ts';
import type { ItemRow, OrderRow, TravellerRow } from './order-repository.ts';

/** What a policy needs to reach an item's supplier for one agency. */
export interface PolicyContext {
  supplierOptions: SupplierBookingOptions;
  now: Date;
}

/** An item's cancellation terms: what the supplier (or the agency, for its own trips) keeps. */
export interface ItemCancellationTerms {
  itemId: string;
  /** In the order's currency. */
  penalty: Money;
  /** The supplier's quote, committed on confirm (none for departures). */
  supplierQuote?: CancellationQuote;
}

/**
 * What each product does at each step of an order. The order saga is written once, against this
 * interface; a product differs only here. Supplier calls happen outside any transaction; the
 * `…InTransaction` hooks run inside the transaction that records the item's state change, which is
 * where the agency's own seats move.
 */
export interface ProductPolicy {
  /** Holds the item with its supplier (nothing for departures: their seats are taken when the order is made). */
  hold(context: PolicyContext, item: ItemRow, order: OrderRow, travellers: TravellerRow[]): Promise<SupplierBooking | undefined>;
  /** Issues the held item (tickets, voucher, policy); the documents it issued. */
  confirm(context: PolicyContext, item: ItemRow): Promise<string[]>;
  confirmedInTransaction?(trx: TenantTransaction, item: ItemRow): Promise<void>;
  /** Gives a hold back to its supplier; idempotent (a hold already gone is fine). */
  release(context: PolicyContext, item: ItemRow): Promise<void>;
  releasedInTransaction?(trx: TenantTransaction, item: ItemRow): Promise<void>;
  /** What the supplier says of the item now, with its documents: the truth after a crash. */
  retrieve(
    context: PolicyContext,
    item: ItemRow,
  ): Promise<{ status: SupplierBooking['status'] | 'unknown'; documents: string[] }>;
  quoteCancellation(context: PolicyContext, item: ItemRow, order: OrderRow): Promise<ItemCancellationTerms>;
  cancel(context: PolicyContext, item: ItemRow, terms: ItemCancellationTerms): Promise<void>;
  cancelledInTransaction?(trx: TenantTransaction, item: ItemRow): Promise<void>;
}

const supplierRef = (item: ItemRow) => ({
  product: item.product as Product,
  supplierId: item.supplier_id,
  supplierReference: item.supplier_reference ?? '',
});

/** A supplier's money in the order's currency, at the rate the item was sold at. */
function inOrderCurrency(amount: Money, item: ItemRow, currency: string): Money {
  if (amount.currency === currency) return amount;
  const fx = item.fx as FxSnapshot | null;
  if (fx && fx.base === amount.currency && fx.quote === currency) return convertMoney(amount, currency, fx.rate);
  throw new Error(`no rate from ${amount.currency} to ${currency} on item ${item.id}`);
}

function supplierPolicy(
  buildHold: (item: ItemRow, order: OrderRow, travellers: TravellerRow[]) => Parameters<typeof holdOffer>[0],
): ProductPolicy {
  return {
    hold: (context, item, order, travellers) => holdOffer(buildHold(item, order, travellers), context.supplierOptions),
    async confirm(context, item) {
      const booking = await confirmSupplierBooking(supplierRef(item), context.supplierOptions);
      return booking.documents;
    },
    async release(context, item) {
      if (!item.supplier_reference) return;
      const current = await retrieveSupplierBooking(supplierRef(item), context.supplierOptions);
      if (current.status === 'cancelled') return;
      const quote = await quoteSupplierCancellation(supplierRef(item), context.supplierOptions);
      await cancelSupplierBooking(supplierRef(item), quote, context.supplierOptions);
    },
    async retrieve(context, item) {
      if (!item.supplier_reference) return { status: 'unknown', documents: [] };
      const booking = await retrieveSupplierBooking(supplierRef(item), context.supplierOptions);
      return { status: booking.status, documents: booking.documents };
    },
    async quoteCancellation(context, item, order) {
      const quote = await quoteSupplierCancellation(supplierRef(item), context.supplierOptions);
      return { itemId: item.id, penalty: inOrderCurrency(quote.penalty, item, order.currency), supplierQuote: quote };
    },
    async cancel(context, item, terms) {
      if (!terms.supplierQuote) throw new Error(`item ${item.id} has no supplier quote to commit`);
      const current = await retrieveSupplierBooking(supplierRef(item), context.supplierOptions);
      if (current.status === 'cancelled') return;
      await cancelSupplierBooking(supplierRef(item), terms.supplierQuote, context.supplierOptions);
    },
  };
}

const contactOf = (order: OrderRow) => ({ email: order.contact_email, phone: order.contact_phone });

/** The agency's own cancellation terms for its departures, by days left before the start. */
export const DEPARTURE_CANCELLATION_TERMS = [
  { daysBefore: 30, penaltyPercent: 0 },
  { daysBefore: 7, penaltyPercent: 50 },
  { daysBefore: 0, penaltyPercent: 100 },
] as const;

function departurePenaltyPercent(startsOn: string, now: Date): number {
  const daysLeft = Math.floor((Date.parse(`${startsOn}T00:00:00Z`) - now.getTime()) / 86_400_000);
  return DEPARTURE_CANCELLATION_TERMS.find((terms) => daysLeft >= terms.daysBefore)?.penaltyPercent ?? 100;
}

const departurePolicy: ProductPolicy = {
  hold: async () => undefined,
  confirm: async () => [],
  confirmedInTransaction: async (trx, item) => void (await bookHeldSeats(trx, item.departure_id!, item.seats)),
  release: async () => undefined,
  releasedInTransaction: async (trx, item) => void (await releaseHeldSeats(trx, item.departure_id!, item.seats)),
  retrieve: async (_, item) => ({ status: item.status === 'confirmed' ? 'confirmed' : 'held', documents: [] }),
  async quoteCancellation(context, item, order) {
    const percent = departurePenaltyPercent(item.starts_on, context.now);
    const total = Number(item.total_minor);
    return { itemId: item.id, penalty: { amountMinor: Math.round((total * percent) / 100), currency: order.currency } };
  },
  cancel: async () => undefined,
  cancelledInTransaction: async (trx, item) => void (await releaseBookedSeats(trx, item.departure_id!, item.seats)),
};

const lastDayOf = (item: ItemRow) => item.ends_on;

/** One policy per product: the only place the saga's steps differ by what is sold. */
export const PRODUCT_POLICIES: Record<ItemRow['product'], ProductPolicy> = {
  air: supplierPolicy((item, order, travellers) => ({
    product: 'air',
    request: {
      offer: item.supplier_offer as unknown as AirOffer,
      passengers: travellers.map((traveller) => ({
        type: passengerTypeOn(traveller.date_of_birth, lastDayOf(item)),
        title: (traveller.title ?? undefined) as 'mr' | undefined,
        givenName: traveller.given_name,
        familyName: traveller.family_name,
        dateOfBirth: traveller.date_of_birth,
        gender: (traveller.gender ?? undefined) as 'm' | undefined,
      })),
      contact: contactOf(order),
    },
  })),
  hotel: supplierPolicy((item, order, travellers) => ({
    product: 'hotel',
    request: {
      offer: item.supplier_offer as unknown as HotelOffer,
      guests: travellers.map((traveller) => ({ givenName: traveller.given_name, familyName: traveller.family_name })),
      contact: contactOf(order),
    },
  })),
  insurance: supplierPolicy((item, order, travellers) => ({
    product: 'insurance',
    request: {
      offer: item.supplier_offer as unknown as InsuranceOffer,
      insured: travellers.map((traveller) => ({
        givenName: traveller.given_name,
        familyName: traveller.family_name,
        dateOfBirth: traveller.date_of_birth,
      })),
      contact: contactOf(order),
    },
  })),
  departure: departurePolicy,
};
