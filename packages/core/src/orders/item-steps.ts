import { withTenant, type Tenant } from '@himal/db';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { ItemRow, PaymentRow } from './order-repository.ts';
import type { ItemState } from './order-states.ts';
import { PRODUCT_POLICIES, type ItemCancellationTerms, type PolicyContext } from './product-policies.ts';
import { recordTransition } from './record-transition.ts';

/** Why and by whom a step is taken, as its event records it. */
interface StepCause {
  actor: string;
  reason?: string;
}

/** Gives a held item back to its supplier, then records it (and frees its seats) in one transaction. */
export async function releaseHeldItem(
  tenant: Tenant,
  context: PolicyContext,
  item: ItemRow,
  to: Extract<ItemState, 'expired' | 'failed' | 'cancelled'>,
  cause: StepCause,
): Promise<void> {
  const policy = PRODUCT_POLICIES[item.product];
  await policy.release(context, item);
  await withTenant(tenant, async (trx) => {
    await recordTransition(trx, { subject: 'item', id: item.id, orderId: item.order_id, from: 'held', to, ...cause });
    await policy.releasedInTransaction?.(trx, item);
  });
}

/** Commits a confirmed item's cancellation on its terms with the supplier, then records it (and frees its seats). */
export async function cancelConfirmedItem(
  tenant: Tenant,
  context: PolicyContext,
  item: ItemRow,
  terms: ItemCancellationTerms,
  cause: StepCause,
): Promise<void> {
  const policy = PRODUCT_POLICIES[item.product];
  await policy.cancel(context, item, terms);
  await withTenant(tenant, async (trx) => {
    await recordTransition(trx, {
      subject: 'item',
      id: item.id,
      orderId: item.order_id,
      from: 'confirmed',
      to: 'cancelled',
      ...cause,
      data: { penalty: terms.penalty },
    });
    await policy.cancelledInTransaction?.(trx, item);
  });
}

/**
 * Releases an authorization or an unpaid session with its provider, then records the payment
 * voided; a payment in any other state is left as it is.
 */
export async function voidPayment(
  tenant: Tenant,
  provider: PaymentProvider | undefined,
  payment: PaymentRow,
  cause: StepCause,
): Promise<void> {
  const from = payment.status;
  if (from !== 'requires_action' && from !== 'authorized') return;
  if (provider && payment.provider_reference)
    await provider.void(
      payment.provider_reference,
      { amountMinor: Number(payment.amount_minor), currency: payment.currency },
      `${payment.id}:void`,
    );
  await withTenant(tenant, (trx) =>
    recordTransition(trx, { subject: 'payment', id: payment.id, orderId: payment.order_id, from, to: 'voided', ...cause }),
  );
}
