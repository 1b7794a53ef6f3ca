import { SimulatorClock } from '../harness/simulator-clock.ts';
import {
  stripeId,
  type CaptureMethod,
  type ChargeObject,
  type CheckoutSessionObject,
  type EventObject,
  type PaymentIntentObject,
  type RefundObject,
} from './stripe-objects.ts';

/**
 * Everything the local Stripe server holds, in memory, bounded: each collection keeps its newest
 * MAX_OBJECTS_PER_KIND entries, so a long-running local server cannot grow without end. Time is the
 * simulator clock (tests advance it to expire sessions and authorizations).
 */
export const MAX_OBJECTS_PER_KIND = 10_000;
/** Card authorizations last about 7 days online; then the PaymentIntent is canceled. */
export const AUTHORIZATION_VALIDITY_SECONDS = 7 * 24 * 3600;

/** The request an event or an answer belongs to (Stripe puts it on the event as `request`). */
export interface RequestContext {
  requestId: string | null;
  idempotencyKey: string | null;
}
export const NO_REQUEST: RequestContext = { requestId: null, idempotencyKey: null };

/** A Map that forgets its oldest entries past `limit`. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}

export interface SessionRecord {
  session: CheckoutSessionObject;
  /** payment_intent_data, kept for when the traveller first tries to pay. */
  intentData: { captureMethod: CaptureMethod; metadata: Record<string, string>; description: string | null };
  /** What the hosted page shows the traveller. */
  productNames: string[];
}

export interface IntentRecord {
  intent: PaymentIntentObject;
  /** The Checkout Session that made it, if any (its PaymentIntent cannot be canceled while the session is open). */
  sessionId: string | null;
  authorizedAt: number | null;
}

export interface ChargeRecord {
  charge: ChargeObject;
  /** What a partial capture or a cancellation released: counted in amount_refunded, but not refundable. */
  released: number;
}

export class StripeStore {
  readonly sessions = new BoundedMap<string, SessionRecord>(MAX_OBJECTS_PER_KIND);
  readonly intents = new BoundedMap<string, IntentRecord>(MAX_OBJECTS_PER_KIND);
  readonly charges = new BoundedMap<string, ChargeRecord>(MAX_OBJECTS_PER_KIND);
  readonly refunds = new BoundedMap<string, RefundObject>(MAX_OBJECTS_PER_KIND);
  readonly events = new BoundedMap<string, EventObject>(MAX_OBJECTS_PER_KIND);

  constructor(
    readonly clock: SimulatorClock,
    readonly apiVersion: string,
    /** Hands a new event to webhook delivery; answers how many endpoints it is pending for. */
    private readonly publish: (event: EventObject) => number,
  ) {}

  /** Unix seconds, as Stripe's timestamps are. */
  now(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  /** Records an event with a snapshot of the object as it is now, and sends it to the webhook endpoints. */
  emit(type: string, object: unknown, context: RequestContext = NO_REQUEST): EventObject {
    const event: EventObject = {
      id: stripeId('evt'),
      object: 'event',
      api_version: this.apiVersion,
      created: this.now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 0,
      request: { id: context.requestId, idempotency_key: context.idempotencyKey },
      type,
    };
    this.events.set(event.id, event);
    event.pending_webhooks = this.publish(event);
    return event;
  }

  clear(): void {
    for (const map of [this.sessions, this.intents, this.charges, this.refunds, this.events]) map.clear();
  }
}
