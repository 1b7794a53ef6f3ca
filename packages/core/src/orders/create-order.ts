import { withTenant, type Tenant } from '@himal/db';
import { isSupplierError, type Money } from '@himal/gds';
import { getDeparture, holdSeats } from '../departures/index.ts';
import { getOffer } from '../search/get-offer.ts';
import { parseRequest } from '../search/parse-request.ts';
import { isSearchError } from '../search/search-errors.ts';
import type { SearchOffer } from '../search/search-offer.ts';
import { newAccessToken, policyContext, type BookingOptions } from './booking-options.ts';
import { checkTravellers, type PlannedItem } from './check-travellers.ts';
import { fieldPath, isOrderError, OrderError } from './order-errors.ts';
import { newItemId, newOrderId } from './order-ids.ts';
import { markOrderHeld } from './mark-order-held.ts';
import { bookingSettings, insertOrder, loadOrder, uniqueBookingReference } from './order-repository.ts';
import { createOrderRequestSchema, type CreateOrderInput, type CreateOrderRequest } from './order-request.ts';
import { toOrderView, type OrderView } from './order-view.ts';
import { PRODUCT_POLICIES } from './product-policies.ts';
import { recordCreation, recordTransition } from './record-transition.ts';
import { settleFailedOrder } from './settle-order.ts';
import { startOrderPayment } from './start-order-payment.ts';

export interface CreatedOrder {
  order: OrderView;
  /** The traveller's key to this order; shown once, only its hash is kept. */
  accessToken: string;
}

const refuse = (message: string, fields: Array<{ path: Array<string | number> | string; message: string }>) =>
  new OrderError('INVALID_REQUEST', message, {
    fields: fields.map((field) => ({
      path: typeof field.path === 'string' ? field.path : fieldPath(field.path),
      message: field.message,
    })),
  });

/** Offer ids or departure seats, priced now: an offer is priced again with its supplier. */
async function planItems(tenant: Tenant, request: CreateOrderRequest, options: BookingOptions): Promise<PlannedItem[]> {
  const planned: PlannedItem[] = [];
  for (const [index, item] of request.items.entries()) {
    if ('departureId' in item) {
      const departure = await getDeparture(tenant, item.departureId).catch((error: unknown) => {
        if (isOrderError(error) && error.code === 'NOT_FOUND')
          throw new OrderError('NOT_FOUND', `no departure ${item.departureId}`, {
            fields: [{ path: fieldPath(['items', index, 'departureId']), message: 'no such departure' }],
          });
        throw error;
      });
      planned.push({
        index,
        product: 'departure',
        departureId: departure.id,
        seats: item.seats,
        total: { amountMinor: departure.price.amountMinor * item.seats, currency: departure.price.currency },
        supplierTotal: { amountMinor: departure.price.amountMinor * item.seats, currency: departure.price.currency },
        description: `${departure.trip.name}, ${departure.startsOn}`,
        startsOn: departure.startsOn,
        endsOn: departure.endsOn,
      });
      continue;
    }
    planned.push(await pricedOffer(tenant, item.offerId, index, options));
  }
  return planned;
}

/** The offer priced again now: a changed price or an offer gone stops the order before anything is held. */
async function pricedOffer(tenant: Tenant, offerId: string, index: number, options: BookingOptions): Promise<PlannedItem> {
  let lookup;
  try {
    lookup = await getOffer(tenant, offerId, {
      settings: { repriceAfterMs: 0 },
      connections: options.suppliers?.connections,
      adapters: options.suppliers?.adapters,
      aggregation: options.suppliers,
    });
  } catch (error) {
    if (isSearchError(error)) {
      const path = fieldPath(['items', index, 'offerId']);
      if (error.code === 'OFFER_NOT_FOUND')
        throw new OrderError('NOT_FOUND', error.message, { fields: [{ path, message: 'no such offer' }] });
      if (error.code === 'OFFER_EXPIRED') throw new OrderError('OFFER_EXPIRED', error.message, { offerId });
      if (error.code === 'OFFER_UNAVAILABLE') throw new OrderError('INVENTORY_EXHAUSTED', error.message, { offerId });
    }
    throw error;
  }
  if (!lookup.repriced)
    throw new OrderError(
      'SUPPLIER_FAILED',
      `the price of ${offerId} could not be confirmed with its supplier; nothing was booked`,
      {
        offerId,
        warnings: lookup.warnings,
      },
    );
  const offer = lookup.offer;
  if (lookup.priceChanged) {
    const previous = offer.priceChanges.at(-1)?.previousTotal;
    throw new OrderError(
      'OFFER_PRICE_CHANGED',
      `the price of ${offerId} changed from ${previous?.amountMinor} to ${offer.total.amountMinor} ${offer.total.currency}`,
      {
        offerId,
        newTotal: offer.total,
        previousTotal: previous,
      },
    );
  }
  return {
    index,
    product: offer.product,
    offer,
    total: offer.total,
    supplierTotal: offer.supplierTotal,
    ...describeOffer(offer),
  };
}

function describeOffer(offer: SearchOffer): Pick<PlannedItem, 'description' | 'startsOn' | 'endsOn'> {
  if (offer.product === 'air') {
    const segments = offer.air.slices.flatMap((slice) => slice.segments);
    const first = segments[0]!;
    const last = segments.at(-1)!;
    return {
      description: offer.air.slices.map((slice) => `${slice.origin} → ${slice.destination}`).join(', '),
      startsOn: first.departingAt.slice(0, 10),
      endsOn: last.arrivingAt.slice(0, 10),
    };
  }
  if (offer.product === 'hotel')
    return {
      description: `${offer.hotel.hotel.name}, ${offer.hotel.room.name}, ${offer.hotel.nights} night${offer.hotel.nights === 1 ? '' : 's'}`,
      startsOn: offer.hotel.checkIn,
      endsOn: offer.hotel.checkOut,
    };
  return { description: offer.insurance.planName, ...insuranceDates(offer) };
}

function insuranceDates(offer: Extract<SearchOffer, { product: 'insurance' }>): { startsOn: string; endsOn: string } {
  const shape = offer.insurance as unknown as { trip?: { startDate?: string; endDate?: string } };
  const today = new Date().toISOString().slice(0, 10);
  return { startsOn: shape.trip?.startDate ?? today, endsOn: shape.trip?.endDate ?? today };
}

/**
 * Makes an order from a traveller's chosen offers and departure seats: checks the travellers against
 * what is bought, prices every offer again (409 OFFER_PRICE_CHANGED with the new price, 410
 * OFFER_EXPIRED), takes departure seats in the order's own transaction (INVENTORY_EXHAUSTED when
 * they are gone), holds every other item with its supplier, and opens the payment when one was
 * chosen. If any hold fails, what was held is given back and the order ends failed: nothing is
 * charged and nothing stays held.
 */
export async function createOrder(tenant: Tenant, input: CreateOrderInput, options: BookingOptions = {}): Promise<CreatedOrder> {
  const request = parseRequest(createOrderRequestSchema, input, 'order', refuse);
  const actor = options.actor ?? 'traveller';
  const planned = await planItems(tenant, request, options);
  const currency = request.payment?.currency ?? planned[0]!.total.currency;
  const fields = checkTravellers(request, planned, currency);
  if (fields.length) throw refuse(`the order has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}`, fields);

  const orderId = newOrderId();
  const access = newAccessToken();
  const total: Money = { amountMinor: planned.reduce((sum, item) => sum + item.total.amountMinor, 0), currency };
  const items = planned.map((item) => ({
    id: newItemId(),
    order_id: orderId,
    product: item.product,
    offer_id: item.offer?.id ?? null,
    supplier_offer: item.offer ? JSON.stringify(supplierOfferOf(item.offer)) : null,
    supplier_id: item.offer?.supplierId ?? 'agency',
    departure_id: item.departureId ?? null,
    seats: item.seats ?? 0,
    total_minor: String(item.total.amountMinor),
    supplier_total_minor: String(item.supplierTotal.amountMinor),
    supplier_currency: item.supplierTotal.currency,
    fx: item.offer?.fx ? JSON.stringify(item.offer.fx) : null,
    description: item.description,
    starts_on: item.startsOn,
    ends_on: item.endsOn,
  }));
  await withTenant(tenant, async (trx) => {
    await insertOrder(
      trx,
      {
        id: orderId,
        booking_reference: await uniqueBookingReference(trx),
        type: request.type,
        total_minor: String(total.amountMinor),
        currency,
        contact_email: request.contact.email.toLowerCase(),
        contact_phone: request.contact.phone,
        language: request.language,
        access_token_hash: access.hash,
      },
      items,
      request.travellers.map((traveller, position) => ({
        order_id: orderId,
        position,
        type: planned.some((item) => item.product === 'air') ? 'passenger' : 'traveller',
        title: traveller.title ?? null,
        given_name: traveller.givenName,
        family_name: traveller.familyName,
        date_of_birth: traveller.dateOfBirth,
        gender: traveller.gender ?? null,
        nationality: traveller.nationality ?? null,
        passport_number: traveller.passport?.number ?? null,
        passport_expiry: traveller.passport?.expiresOn ?? null,
      })),
    );
    await recordCreation(trx, { subject: 'order', id: orderId, orderId, state: 'pending', actor, data: { type: request.type } });
    // The agency's own seats are taken in the order's transaction: no seat is ever sold twice.
    for (const item of items.filter((candidate) => candidate.product === 'departure')) {
      const held = await holdSeats(trx, item.departure_id!, item.seats ?? 0);
      await recordTransition(trx, {
        subject: 'item',
        id: item.id,
        orderId,
        from: 'pending',
        to: 'held',
        actor,
        set: { itinerary_version_id: held.itineraryVersionId },
      });
    }
  });

  // From here a crash leaves the order pending; recovery (a cron job) finds it and ends it.
  await holdSupplierItems(tenant, orderId, options, actor);
  const held = await markHeld(tenant, orderId, request.type, options, actor);
  if (request.payment) await startOrderPayment(tenant, orderId, request.payment, { ...options, actor });
  const order = await withTenant(tenant, (trx) => loadOrder(trx, orderId));
  return { order: toOrderView(order ?? held), accessToken: access.token };
}

function supplierOfferOf(offer: SearchOffer): unknown {
  return offer.product === 'air' ? offer.air : offer.product === 'hotel' ? offer.hotel : offer.insurance;
}

/** Holds each supplier item in turn; the first failure gives back what was held and fails the order. */
async function holdSupplierItems(tenant: Tenant, orderId: string, options: BookingOptions, actor: string): Promise<void> {
  const record = await withTenant(tenant, (trx) => loadOrder(trx, orderId));
  if (!record) throw new Error(`order ${orderId} vanished`);
  const context = policyContext(tenant, options);
  for (const item of record.items.filter((candidate) => candidate.status === 'pending')) {
    try {
      const booking = await PRODUCT_POLICIES[item.product].hold(context, item, record.order, record.travellers);
      if (!booking) continue;
      await withTenant(tenant, (trx) =>
        recordTransition(trx, {
          subject: 'item',
          id: item.id,
          orderId,
          from: 'pending',
          to: 'held',
          actor,
          set: {
            supplier_reference: booking.supplierReference,
            supplier_hold_expires_at: booking.holdExpiresAt ? new Date(booking.holdExpiresAt) : null,
          },
        }),
      );
    } catch (error) {
      const reason = isSupplierError(error) ? `${error.supplierId}: ${error.message}` : (error as Error).message;
      await settleFailedOrder(tenant, orderId, { ...options, actor }, `holding ${item.description} failed: ${reason}`, item.id);
      if (isSupplierError(error) && error.code === 'INVENTORY_EXHAUSTED')
        throw new OrderError('INVENTORY_EXHAUSTED', `${item.description} is no longer available; nothing was booked or charged`, {
          itemId: item.id,
        });
      throw new OrderError(
        'SUPPLIER_FAILED',
        `${item.description} could not be held (${reason}); nothing was booked or charged`,
        {
          supplierId: item.supplier_id,
          supplierCode: isSupplierError(error) ? error.code : undefined,
        },
      );
    }
  }
}

/** Every item held: the order waits for payment until the earliest of the suppliers' limits and the agency's own. */
async function markHeld(tenant: Tenant, orderId: string, type: 'instant' | 'hold', options: BookingOptions, actor: string) {
  return withTenant(tenant, async (trx) => {
    const record = (await loadOrder(trx, orderId, { lock: true }))!;
    const settings = await bookingSettings(trx);
    const now = options.now?.() ?? new Date();
    const ownMinutes = type === 'instant' ? settings.instant_payment_minutes : settings.departure_hold_minutes;
    const limits = [
      now.getTime() + ownMinutes * 60_000,
      ...record.items.flatMap((item) => (item.supplier_hold_expires_at ? [item.supplier_hold_expires_at.getTime()] : [])),
    ];
    const paymentRequiredBy = new Date(Math.min(...limits));
    await markOrderHeld(trx, tenant, orderId, paymentRequiredBy, actor);
    return (await loadOrder(trx, orderId))!;
  });
}
