import { upsertSupplierAccount, type Product } from '@himal/gds';
import { startSimulator, type RunningSimulator, type SimulatorDefinition } from './harness/simulator-server.ts';
import { createRoomrackSimulator, ROOMRACK_CREDENTIALS } from './roomrack/roomrack-simulator.ts';
import { createHimalayanGdsSimulator, HIMALAYAN_GDS_CREDENTIALS } from './himalayan-gds/himalayan-gds-simulator.ts';
import { createSafetripSimulator, SAFETRIP_CREDENTIALS } from './safetrip/safetrip-simulator.ts';
import { createSkywaysSimulator, SKYWAYS_CREDENTIALS } from './skyways/skyways-simulator.ts';
import { createStaylinkSimulator, STAYLINK_CREDENTIALS } from './staylink/staylink-simulator.ts';

export {
  startSimulator,
  simulatorControl,
  SOAP_PATH,
  type RunningSimulator,
  type SimulatorDefinition,
  type SimulatorContext,
} from './harness/simulator-server.ts';
export type { FaultSpec, FaultKind } from './harness/fault-plan.ts';
export { createSkywaysSimulator, SKYWAYS_CREDENTIALS, type SkywaysSimulatorOptions } from './skyways/skyways-simulator.ts';
export { HOTEL_GROUND_TRUTH, groundTruthPropertyOf, type HotelGroundTruthEntry } from './hotel-world/ground-truth.ts';
export {
  startEsewaServer,
  LOCAL_ESEWA_PRODUCT_CODE,
  LOCAL_ESEWA_SECRET_KEY,
  LOCAL_ESEWA_PORT,
  type EsewaMerchant,
  type RunningEsewaServer,
  type StartEsewaServerOptions,
} from './esewa/start-esewa-server.ts';
export { esewaControl } from './esewa/esewa-control.ts';
export { walkEsewaPages, type EsewaWalkOutcome, type WalkEsewaPagesOptions } from './esewa/walk-esewa-pages.ts';
export {
  ESEWA_TEST_IDS,
  ESEWA_TEST_MPIN,
  ESEWA_TEST_OTP,
  ESEWA_TEST_PASSWORD,
  ESEWA_TEST_TRAVELLER,
} from './esewa/esewa-test-accounts.ts';
export type { EsewaFault } from './esewa/esewa-faults.ts';
export type { EsewaTransactionView } from './esewa/serve-control-calls.ts';
export {
  startStripeServer,
  LOCAL_STRIPE_PORT,
  LOCAL_STRIPE_SECRET_KEY,
  LOCAL_STRIPE_WEBHOOK_SECRET,
  LOCAL_STRIPE_API_VERSION,
  type StripeServerOptions,
  type RunningStripeServer,
} from './stripe/stripe-server.ts';
export {
  stripeServerControl,
  payOnHostedCheckout,
  type StripeServerState,
  type HostedPageAnswer,
} from './stripe/stripe-control-client.ts';
export { signWebhookPayload, type WebhookRetryPolicy } from './stripe/webhook-delivery.ts';
export { TEST_CARDS, TEST_PAYMENT_METHODS } from './stripe/test-cards.ts';
export {
  startMailCatcher,
  MAIL_CATCHER_SMTP_PORT,
  MAIL_CATCHER_HTTP_PORT,
  MAIL_CATCHER_CAPACITY,
  type RunningMailCatcher,
} from './mail-catcher/start-mail-catcher.ts';
export type { CaughtMail } from './mail-catcher/mail-store.ts';
export { MAX_CAUGHT_MAIL_BYTES } from './mail-catcher/receive-smtp.ts';

/**
 * Every supplier simulator the project runs: its fixed local port (127.0.0.1, 4100–4199), the
 * products it sells, the credentials its account is seeded with, and its definition.
 */
export interface SimulatedSupplier {
  supplierId: string;
  port: number;
  products: Product[];
  credentials: Record<string, string>;
  create: () => SimulatorDefinition;
}

export const SIMULATED_SUPPLIERS: SimulatedSupplier[] = [
  // Each supplier's simulator registers itself here.
  {
    supplierId: 'himalayan-gds',
    port: 4102,
    products: ['air'],
    credentials: HIMALAYAN_GDS_CREDENTIALS,
    create: createHimalayanGdsSimulator,
  },
  {
    supplierId: 'skyways',
    port: 4101,
    products: ['air'],
    credentials: SKYWAYS_CREDENTIALS,
    create: () => createSkywaysSimulator(),
  },
  {
    supplierId: 'safetrip',
    port: 4105,
    products: ['insurance'],
    credentials: SAFETRIP_CREDENTIALS,
    create: createSafetripSimulator,
  },
  {
    supplierId: 'staylink',
    port: 4103,
    products: ['hotel'],
    credentials: STAYLINK_CREDENTIALS,
    create: () => createStaylinkSimulator(),
  },
  {
    supplierId: 'roomrack',
    port: 4104,
    products: ['hotel'],
    credentials: ROOMRACK_CREDENTIALS,
    create: () => createRoomrackSimulator(),
  },
];

export interface RunningSimulators {
  simulators: Map<string, RunningSimulator>;
  stop: () => Promise<void>;
}

/** Starts every simulator; `ports: 'random'` binds free ports (tests), otherwise the fixed ones. */
export async function startSimulators(options: { ports?: 'fixed' | 'random'; only?: string[] } = {}): Promise<RunningSimulators> {
  const simulators = new Map<string, RunningSimulator>();
  try {
    for (const supplier of SIMULATED_SUPPLIERS) {
      if (options.only && !options.only.includes(supplier.supplierId)) continue;
      simulators.set(
        supplier.supplierId,
        await startSimulator(supplier.create(), options.ports === 'random' ? 0 : supplier.port),
      );
    }
  } catch (error) {
    await Promise.all([...simulators.values()].map((s) => s.close()));
    throw error;
  }
  return { simulators, stop: async () => void (await Promise.all([...simulators.values()].map((s) => s.close()))) };
}

/** Points the platform's supplier accounts at running simulators, with the simulators' credentials. */
export async function seedSimulatorAccounts(running: RunningSimulators): Promise<void> {
  for (const supplier of SIMULATED_SUPPLIERS) {
    const simulator = running.simulators.get(supplier.supplierId);
    if (!simulator) continue;
    await upsertSupplierAccount({
      supplierId: supplier.supplierId,
      scope: 'platform',
      endpoint: simulator.endpoint,
      credentials: supplier.credentials,
      products: supplier.products,
    });
  }
}
