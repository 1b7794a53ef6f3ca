import type { ApiRoute } from './api-route.ts';
import { invalidRequest, resourceMissing, unexpectedState } from './stripe-api-error.ts';
import { checkAmountSteps } from './stripe-currencies.ts';
import { stripeId, type RefundObject } from './stripe-objects.ts';
import { metadataParam, optionalEnum, optionalInteger, optionalString, rejectUnknownParams } from './stripe-params.ts';
import type { ChargeRecord, StripeStore } from './stripe-store.ts';
import { findIntent } from './payment-intents.ts';

/**
 * Refunds of a captured payment, by payment_intent or charge: all of what remains (no amount) or
 * part, never more than was captured less what was refunded; each sends charge.refunded. Charges
 * can be retrieved too, since that is where Stripe reports amount_refunded.
 */
const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

function findCharge(store: StripeStore, id: string | undefined): ChargeRecord {
  const record = id ? store.charges.get(id) : undefined;
  if (!record) throw resourceMissing('charge', id ?? '', 'charge');
  return record;
}

/** What can still be refunded: captured, less refunds (what a partial capture released is not refundable). */
function refundable(record: ChargeRecord): number {
  return record.charge.amount_captured - (record.charge.amount_refunded - record.released);
}

export const REFUND_ROUTES: ApiRoute[] = [
  {
    name: 'refunds.create',
    method: 'POST',
    path: /^\/v1\/refunds$/,
    prepare: ({ params, store, context }) => {
      rejectUnknownParams(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
      const intentId = optionalString(params, 'payment_intent');
      const chargeId = optionalString(params, 'charge');
      if (!intentId && !chargeId)
        throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
      const intent = intentId ? findIntent(store, intentId).intent : undefined;
      const amount = optionalInteger(params, 'amount');
      const currency = intent ? intent.currency : findCharge(store, chargeId).charge.currency;
      if (amount !== undefined) checkAmountSteps(amount, currency, 'amount');
      const reason = optionalEnum(params, 'reason', REASONS) ?? null;
      const metadata = metadataParam(params);
      return () => {
        if (intent && intent.status !== 'succeeded')
          throw unexpectedState(
            `This PaymentIntent (${intent.id}) does not have a successful charge to refund${intent.status === 'requires_capture' ? '; cancel it to release the authorization instead' : ''}.`,
          );
        const charge = findCharge(store, chargeId ?? intent?.latest_charge ?? undefined);
        const remaining = refundable(charge);
        if (remaining <= 0)
          throw invalidRequest(`Charge ${charge.charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
        const refundAmount = amount ?? remaining;
        if (refundAmount > remaining)
          throw invalidRequest(`Refund amount (${refundAmount}) is greater than unrefunded amount on charge (${remaining}).`, {
            param: 'amount',
            code: 'amount_too_large',
          });
        const refund: RefundObject = {
          id: stripeId('re'),
          object: 'refund',
          amount: refundAmount,
          charge: charge.charge.id,
          created: store.now(),
          currency: charge.charge.currency,
          metadata,
          payment_intent: charge.charge.payment_intent,
          reason,
          status: 'succeeded',
        };
        store.refunds.set(refund.id, refund);
        charge.charge.amount_refunded += refundAmount;
        charge.charge.refunded = charge.charge.amount_refunded >= charge.charge.amount;
        store.emit('charge.refunded', charge.charge, context);
        return refund;
      };
    },
  },
  {
    name: 'refunds.retrieve',
    method: 'GET',
    path: /^\/v1\/refunds\/([^/]+)$/,
    prepare: ({ params, id, store }) => {
      rejectUnknownParams(params, ['expand']);
      const refund = id ? store.refunds.get(id) : undefined;
      if (!refund) throw resourceMissing('refund', id ?? '', 'refund');
      return () => refund;
    },
  },
  {
    name: 'charges.retrieve',
    method: 'GET',
    path: /^\/v1\/charges\/([^/]+)$/,
    prepare: ({ params, id, store }) => {
      rejectUnknownParams(params, ['expand']);
      const record = findCharge(store, id);
      return () => record.charge;
    },
  },
];
