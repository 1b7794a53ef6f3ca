import { createEsewaProvider, esewaConfigFromEnv } from './esewa/esewa-provider.ts';
import type { PaymentMethod, PaymentProvider, PaymentProviderId } from './payment-provider.ts';
import { createStripeProvider, stripeConfigFromEnv } from './stripe/stripe-provider.ts';

let configured: Partial<Record<PaymentProviderId, PaymentProvider>> | undefined;

/**
 * The providers this process can take payments with, from its environment (STRIPE_*, ESEWA_*): a
 * provider without configuration is simply absent, and its method unavailable to every agency.
 */
export function paymentProviders(): Partial<Record<PaymentProviderId, PaymentProvider>> {
  if (!configured) {
    configured = {};
    const stripe = stripeConfigFromEnv(process.env);
    if (stripe) configured.stripe = createStripeProvider(stripe);
    const esewa = esewaConfigFromEnv(process.env);
    if (esewa) configured.esewa = createEsewaProvider(esewa);
  }
  return configured;
}

/** Forgets the configured providers (after the environment changed, in tests). */
export function resetPaymentProviders(): void {
  configured = undefined;
}

export type { PaymentMethod };
