import { esewaConfigFromEnv } from './esewa/esewa-config.ts';
import { createEsewaProvider } from './esewa/esewa-provider.ts';
import type { PaymentProvider, PaymentProviderId } from './payment-provider.ts';
import { stripeConfigFromEnv } from './stripe/stripe-config.ts';
import { createStripeProvider } from './stripe/stripe-provider.ts';

let configured: Partial<Record<PaymentProviderId, PaymentProvider>> | undefined;

/**
 * The providers this process can take payments with, from its environment (STRIPE_*, ESEWA_*): a
 * provider without configuration is simply absent, and its method unavailable to every agency.
 */
export function paymentProviders(): Partial<Record<PaymentProviderId, PaymentProvider>> {
  if (!configured) {
    configured = {};
    if (process.env.STRIPE_SECRET_KEY) configured.stripe = createStripeProvider(stripeConfigFromEnv(process.env));
    const esewa = esewaConfigFromEnv(process.env);
    if (esewa) configured.esewa = createEsewaProvider(esewa);
  }
  return configured;
}

/** Forgets the configured providers (after the environment changed, in tests). */
export function resetPaymentProviders(): void {
  configured = undefined;
}
