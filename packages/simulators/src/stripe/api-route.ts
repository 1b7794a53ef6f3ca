import type { FormObject } from './read-form-body.ts';
import type { RequestContext, StripeStore } from './stripe-store.ts';

/**
 * One endpoint of the local Stripe API, in two steps as Stripe's idempotency layer sees them:
 * `prepare` checks the parameters and finds the objects (a StripeApiError thrown there is a
 * validation failure, not stored under the idempotency key); the step it returns executes and
 * answers the object (200), or throws the StripeApiError to answer (stored, as Stripe stores
 * results once an endpoint has started executing).
 */
export interface RouteInput {
  params: FormObject;
  /** The object id in the path (`/v1/payment_intents/:id/capture`). */
  id: string | undefined;
  store: StripeStore;
  context: RequestContext;
  /** Where the server listens, for the URLs it hands out (the hosted checkout page). */
  baseUrl: string;
}

export interface ApiRoute {
  /** The SDK's name for the call (`payment_intents.capture`), which faults are aimed at. */
  name: string;
  method: 'GET' | 'POST';
  path: RegExp;
  prepare(input: RouteInput): () => unknown;
}
