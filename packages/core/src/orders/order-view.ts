import type { Money } from '@himal/gds';
import type { OrderRecord } from './order-repository.ts';
import type { ItemState, OrderState, PaymentState } from './order-states.ts';

/** An order as its services hand it out: camelCase, money as Money, no secrets (no token hash). */
export interface OrderView {
  id: string;
  bookingReference: string;
  type: 'instant' | 'hold';
  status: OrderState;
  total: Money;
  paymentRequiredBy: Date | null;
  failureReason: string | null;
  contact: { email: string; phone: string };
  language: string;
  createdAt: Date;
  updatedAt: Date;
  items: Array<{
    id: string;
    product: 'air' | 'hotel' | 'insurance' | 'departure';
    status: ItemState;
    description: string;
    startsOn: string;
    endsOn: string;
    total: Money;
    supplierId: string;
    supplierReference: string | null;
    documents: string[];
    offerId: string | null;
    departureId: string | null;
    itineraryVersionId: string | null;
    seats: number;
    supplierHoldExpiresAt: Date | null;
  }>;
  travellers: Array<{
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    nationality: string | null;
    title: string | null;
  }>;
  payments: Array<{
    id: string;
    method: string;
    provider: string;
    status: PaymentState;
    amount: Money;
    captured: Money;
    refunded: Money;
    nextAction: { redirectUrl?: string; form?: { action: string; fields: Record<string, string> } } | null;
    createdAt: Date;
  }>;
}

export function toOrderView(record: OrderRecord): OrderView {
  const { order } = record;
  const money = (minor: string | number | bigint, currency = order.currency): Money => ({ amountMinor: Number(minor), currency });
  return {
    id: order.id,
    bookingReference: order.booking_reference,
    type: order.type,
    status: order.status,
    total: money(order.total_minor),
    paymentRequiredBy: order.payment_required_by,
    failureReason: order.failure_reason,
    contact: { email: order.contact_email, phone: order.contact_phone },
    language: order.language,
    createdAt: order.created_at,
    updatedAt: order.updated_at,
    items: record.items.map((item) => ({
      id: item.id,
      product: item.product,
      status: item.status,
      description: item.description,
      startsOn: item.starts_on,
      endsOn: item.ends_on,
      total: money(item.total_minor),
      supplierId: item.supplier_id,
      supplierReference: item.supplier_reference,
      documents: item.documents,
      offerId: item.offer_id,
      departureId: item.departure_id,
      itineraryVersionId: item.itinerary_version_id,
      seats: item.seats,
      supplierHoldExpiresAt: item.supplier_hold_expires_at,
    })),
    travellers: record.travellers.map((traveller) => ({
      givenName: traveller.given_name,
      familyName: traveller.family_name,
      dateOfBirth: traveller.date_of_birth,
      nationality: traveller.nationality,
      title: traveller.title,
    })),
    payments: record.payments.map((payment) => ({
      id: payment.id,
      method: payment.method,
      provider: payment.provider,
      status: payment.status,
      amount: money(payment.amount_minor, payment.currency),
      captured: money(payment.captured_minor, payment.currency),
      refunded: money(payment.refunded_minor, payment.currency),
      nextAction: payment.next_action as OrderView['payments'][number]['nextAction'],
      createdAt: payment.created_at,
    })),
  };
}
