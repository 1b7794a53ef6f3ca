import { supplierConnectionsFor } from '../accounts/supplier-accounts.ts';
import { SupplierError } from '../errors.ts';
import type { AirBookingRequest, AirSupplierAdapter } from '../products/air.ts';
import type {
  CallContext,
  CancellationQuote,
  CancellationResult,
  Product,
  SupplierBooking,
  SupplierConnection,
} from '../products/common.ts';
import type { HotelBookingRequest, HotelSupplierAdapter } from '../products/hotel.ts';
import type { InsuranceBookingRequest, InsuranceSupplierAdapter } from '../products/insurance.ts';
import { AIR_ADAPTERS, HOTEL_ADAPTERS, INSURANCE_ADAPTERS } from '../suppliers/registry.ts';
import { aggregationOptions } from './aggregation-options.ts';
import { callSupplier } from './call-supplier.ts';
import type { PriceOfferOptions } from './price-offer.ts';

/** A booking request of one product, for that product's adapter. */
export type ProductBookingRequest =
  | { product: 'air'; request: AirBookingRequest }
  | { product: 'hotel'; request: HotelBookingRequest }
  | { product: 'insurance'; request: InsuranceBookingRequest };

/** Who a booking call is for and how it reaches the supplier; the same shape as repricing's. */
export type SupplierBookingOptions = PriceOfferOptions;

/** The booking operations every product's adapter has, whatever its offer type. */
interface BookingOperations {
  confirm(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
  quoteCancellation(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<CancellationQuote>;
  cancel(connection: SupplierConnection, quote: CancellationQuote, context?: CallContext): Promise<CancellationResult>;
  retrieve(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
}

function adapterOf(
  product: Product,
  supplierId: string,
  adapters: NonNullable<SupplierBookingOptions['adapters']>,
): AirSupplierAdapter | HotelSupplierAdapter | InsuranceSupplierAdapter | undefined {
  if (product === 'air') return (adapters.air ?? AIR_ADAPTERS)[supplierId];
  if (product === 'hotel') return (adapters.hotel ?? HOTEL_ADAPTERS)[supplierId];
  return (adapters.insurance ?? INSURANCE_ADAPTERS)[supplierId];
}

/**
 * Runs one booking operation with the supplier behind the same timeout and circuit breaker as a
 * search. SUPPLIER_NOT_ENABLED when the agency no longer has that supplier (or the platform no adapter).
 */
async function withSupplier<T>(
  product: Product,
  supplierId: string,
  operation: string,
  options: SupplierBookingOptions,
  work: (
    adapter: AirSupplierAdapter | HotelSupplierAdapter | InsuranceSupplierAdapter,
    connection: SupplierConnection,
    context: CallContext,
  ) => Promise<T>,
): Promise<T> {
  const connections = options.connections ?? (await supplierConnectionsFor(options.tenantId, product));
  const connection = connections.find((candidate) => candidate.supplierId === supplierId);
  const adapter = adapterOf(product, supplierId, options.adapters ?? {});
  if (!connection || !adapter)
    throw new SupplierError('SUPPLIER_NOT_ENABLED', `${supplierId} is no longer enabled for this agency`, {
      supplierId,
      operation: `${product}.${operation}`,
    });
  const limits = { ...aggregationOptions(options), tenantId: options.tenantId };
  return callSupplier(connection, `${product}.${operation}`, (context) => work(adapter, connection, context), limits);
}

/** Holds an offer with its supplier (a PNR, a room, a policy on hold), not yet issued. */
export function holdOffer(booking: ProductBookingRequest, options: SupplierBookingOptions): Promise<SupplierBooking> {
  const supplierId = booking.request.offer.supplierId;
  return withSupplier(booking.product, supplierId, 'book', options, (adapter, connection, context) => {
    switch (booking.product) {
      case 'air':
        return (adapter as AirSupplierAdapter).book(connection, booking.request, context);
      case 'hotel':
        return (adapter as HotelSupplierAdapter).book(connection, booking.request, context);
      case 'insurance':
        return (adapter as InsuranceSupplierAdapter).book(connection, booking.request, context);
    }
  });
}

/** A booking made with a supplier, by its reference. */
export interface SupplierBookingRef {
  product: Product;
  supplierId: string;
  supplierReference: string;
}

/** Issues what a hold reserved (tickets, voucher, policy). */
export function confirmSupplierBooking(ref: SupplierBookingRef, options: SupplierBookingOptions): Promise<SupplierBooking> {
  return withSupplier(ref.product, ref.supplierId, 'confirm', options, (adapter, connection, context) =>
    (adapter as BookingOperations).confirm(connection, ref.supplierReference, context),
  );
}

/** The supplier's own record of a booking: the truth after a crash or a timeout. */
export function retrieveSupplierBooking(ref: SupplierBookingRef, options: SupplierBookingOptions): Promise<SupplierBooking> {
  return withSupplier(ref.product, ref.supplierId, 'retrieve', options, (adapter, connection, context) =>
    (adapter as BookingOperations).retrieve(connection, ref.supplierReference, context),
  );
}

/** What cancelling a booking would cost now. */
export function quoteSupplierCancellation(ref: SupplierBookingRef, options: SupplierBookingOptions): Promise<CancellationQuote> {
  return withSupplier(ref.product, ref.supplierId, 'quoteCancellation', options, (adapter, connection, context) =>
    (adapter as BookingOperations).quoteCancellation(connection, ref.supplierReference, context),
  );
}

/** Commits a cancellation quote with the supplier. */
export function cancelSupplierBooking(
  ref: Pick<SupplierBookingRef, 'product'>,
  quote: CancellationQuote,
  options: SupplierBookingOptions,
): Promise<CancellationResult> {
  return withSupplier(ref.product, quote.supplierId, 'cancel', options, (adapter, connection, context) =>
    (adapter as BookingOperations).cancel(connection, quote, context),
  );
}
