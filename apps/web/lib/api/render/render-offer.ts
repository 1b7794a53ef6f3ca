import type { OfferRequestResult, SearchOffer } from '@himal/core';
import { minorToDecimal, type FxSnapshot, type Money, type SupplierWarning } from '@himal/gds';
import type { AirOfferView } from '../schemas/air.ts';
import type { HotelOfferView } from '../schemas/hotels.ts';
import type { InsuranceOfferView } from '../schemas/insurance.ts';

/** Platform offers to the API's snake_case shapes. supplierOfferRef never leaves the server. */
const amount = (money: Money) => minorToDecimal(money.amountMinor, money.currency);
export const renderMoney = (money: Money) => ({ amount: amount(money), currency: money.currency });
const fxJson = (fx: FxSnapshot | null) =>
  fx ? { base: fx.base, quote: fx.quote, rate: fx.rate, as_of: fx.asOf, source: fx.source } : null;

function common(offer: SearchOffer) {
  return {
    id: offer.id,
    offer_request_id: offer.offerRequestId,
    supplier: offer.supplierId,
    total_amount: amount(offer.total),
    total_currency: offer.total.currency,
    supplier_total: renderMoney(offer.supplierTotal),
    fx: fxJson(offer.fx),
    expires_at: offer.expiresAt.toISOString(),
    priced_at: offer.pricedAt.toISOString(),
  };
}

export function renderAirOffer(offer: Extract<SearchOffer, { product: 'air' }>): AirOfferView {
  const { air } = offer;
  return {
    ...common(offer),
    base_amount: amount(air.base),
    tax_amount: amount(air.taxes),
    slices: air.slices.map((slice) => ({
      origin: slice.origin,
      destination: slice.destination,
      segments: slice.segments.map((segment) => ({
        marketing_carrier: segment.marketingCarrier,
        flight_number: segment.flightNumber,
        operating_carrier: segment.operatingCarrier ?? null,
        origin: segment.origin,
        destination: segment.destination,
        departing_at: segment.departingAt,
        arriving_at: segment.arrivingAt,
        cabin_class: segment.cabinClass,
        booking_class: segment.bookingClass ?? null,
        aircraft: segment.aircraft ?? null,
        duration_minutes: segment.durationMinutes ?? null,
      })),
    })),
    passengers: air.passengers.map((passenger) => ({ type: passenger.type, age: passenger.age ?? null })),
    fare_basis: air.fareBasis ?? null,
    refundable: air.refundable ?? null,
    seats_remaining: air.seatsRemaining ?? null,
  };
}

export function renderHotelOffer(offer: Extract<SearchOffer, { product: 'hotel' }>): HotelOfferView {
  const { hotel, property } = offer;
  return {
    ...common(offer),
    sources: offer.sources,
    property: {
      id: property.id,
      name: property.name,
      address: property.address ?? null,
      city: property.cityCode ?? null,
      latitude: property.latitude ?? null,
      longitude: property.longitude ?? null,
      star_rating: property.starRating ?? null,
    },
    room: {
      name: hotel.room.name,
      board: hotel.room.board ?? null,
      refundable: hotel.room.refundable ?? null,
      cancellation_deadline: hotel.room.cancellationDeadline ?? null,
    },
    check_in_date: hotel.checkIn,
    check_out_date: hotel.checkOut,
    nights: hotel.nights,
    supplier_price: {
      amount: amount(hotel.price.amount),
      currency: hotel.price.amount.currency,
      basis: hotel.price.basis,
      taxes_included: hotel.price.taxesIncluded,
      taxes: hotel.price.taxes ? renderMoney(hotel.price.taxes) : null,
    },
    rooms_remaining: hotel.roomsRemaining ?? null,
  };
}

export function renderInsuranceOffer(offer: Extract<SearchOffer, { product: 'insurance' }>): InsuranceOfferView {
  const { insurance } = offer;
  return {
    ...common(offer),
    plan: insurance.planCode,
    plan_name: insurance.planName,
    coverages: insurance.coverages.map((coverage) => ({
      type: coverage.type,
      limit: renderMoney(coverage.limit),
      deductible: coverage.deductible ? renderMoney(coverage.deductible) : null,
      level: coverage.level ?? null,
    })),
  };
}

/** Any offer, tagged with its type (GET /offers/:id). */
export function renderAnyOffer(offer: SearchOffer) {
  switch (offer.product) {
    case 'air':
      return { type: 'air' as const, ...renderAirOffer(offer) };
    case 'hotel':
      return { type: 'hotel' as const, ...renderHotelOffer(offer) };
    case 'insurance':
      return { type: 'insurance' as const, ...renderInsuranceOffer(offer) };
  }
}

export function renderWarnings(warnings: SupplierWarning[]) {
  return warnings.map((warning) => ({ supplier: warning.supplierId, code: warning.code, message: warning.message }));
}

export function renderOfferRequest<P extends OfferRequestResult['product'], View>(
  result: OfferRequestResult<P>,
  render: (offer: OfferRequestResult<P>['offers'][number]) => View,
) {
  return {
    data: {
      id: result.id,
      created_at: result.createdAt.toISOString(),
      currency: result.currency,
      offers: result.offers.map(render),
      warnings: renderWarnings(result.warnings),
    },
  };
}

export function renderPriceChanges(offer: SearchOffer) {
  return offer.priceChanges.map((change) => ({
    previous_total_amount: amount(change.previousTotal),
    total_amount: amount(change.newTotal),
    total_currency: change.newTotal.currency,
    changed_at: change.changedAt.toISOString(),
  }));
}
