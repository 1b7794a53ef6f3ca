import type { Money } from '@himal/gds';
import { hashSeed, SeededRandom } from '../harness/simulator-clock.ts';
import { capacityFor, type PlanId } from './plans.ts';
import type { Cover, Premium } from './premium-rules.ts';
import { refuse } from './refusals.ts';

/**
 * safetrip's books: accumulation capacity taken per plan and cover start date (see capacityFor),
 * policies on hold or issued, and cancellation quotes. Holds lapse lazily: every request first
 * sweeps holds whose time limit has passed at the simulator's clock.
 */
export const HOLD_MINUTES = 30;
/** A policy cancelled within this many days of issue, before cover starts, is refunded in full. */
export const FREE_LOOK_DAYS = 14;
/** After the free-look period (still before cover starts) this share of the premium is kept. */
export const LATE_CANCELLATION_PERCENT = 25;
export const CANCEL_QUOTE_MINUTES = 15;

const DAY_MS = 86_400_000;
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface InsuredPerson {
  givenName?: string;
  surname: string;
  birthDate?: string;
  age: number;
}

export interface PolicyRecord {
  reference: string;
  planId: PlanId;
  planName: string;
  status: 'held' | 'issued' | 'cancelled' | 'lapsed';
  travellers: InsuredPerson[];
  residenceCountry?: string;
  cover: Cover;
  premium: Premium;
  orderedAt: Date;
  holdExpiresAt: Date;
  issuedAt?: Date;
  policyNumber?: string;
  /** Set when cancelled (cancellation number) or lapsed (the lapse record). */
  cancellationNumber?: string;
}

export interface CancelQuote {
  quoteRef: string;
  reference: string;
  penalty: Money;
  refund: Money;
  expiresAt: Date;
}

export class PolicyLedger {
  private readonly random = new SeededRandom(hashSeed('safetrip'));
  private readonly taken = new Map<string, number>();
  private readonly policies = new Map<string, PolicyRecord>();
  private readonly cancelQuotes = new Map<string, CancelQuote>();
  private issued = 0;
  /** Where prices have drifted to (percent), set by the price-change fault until reset. */
  priceMovementPercent = 0;

  reset(): void {
    this.random.reset();
    this.taken.clear();
    this.policies.clear();
    this.cancelQuotes.clear();
    this.issued = 0;
    this.priceMovementPercent = 0;
  }

  remaining(planId: PlanId, coverStartDate: string): number {
    return capacityFor(planId, coverStartDate) - (this.taken.get(`${planId}|${coverStartDate}`) ?? 0);
  }

  private take(planId: PlanId, coverStartDate: string, units: number): void {
    const key = `${planId}|${coverStartDate}`;
    this.taken.set(key, (this.taken.get(key) ?? 0) + units);
  }

  /** Lapses holds whose time limit has passed, giving their capacity back. */
  sweep(now: Date): void {
    for (const policy of this.policies.values()) {
      if (policy.status === 'held' && policy.holdExpiresAt <= now) {
        policy.status = 'lapsed';
        policy.cancellationNumber = `LP${policy.reference}`;
        this.take(policy.planId, policy.cover.startDate, -policy.travellers.length);
      }
    }
  }

  hold(input: Omit<PolicyRecord, 'reference' | 'status' | 'orderedAt' | 'holdExpiresAt'>, now: Date): PolicyRecord {
    const units = input.travellers.length;
    const left = this.remaining(input.planId, input.cover.startDate);
    if (left < units) {
      refuse(
        'fullyBooked',
        `${input.planName} has capacity for ${Math.max(left, 0)} more insured starting ${input.cover.startDate}, not ${units}`,
      );
    }
    this.take(input.planId, input.cover.startDate, units);
    const policy: PolicyRecord = {
      ...input,
      reference: this.newReference('ST', 6),
      status: 'held',
      orderedAt: now,
      holdExpiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
    };
    this.policies.set(policy.reference, policy);
    return policy;
  }

  find(reference: string): PolicyRecord {
    const policy = this.policies.get(reference);
    if (!policy) refuse('referenceNotFound', `no safetrip booking ${reference}`);
    return policy;
  }

  issue(reference: string, now: Date): PolicyRecord {
    const policy = this.find(reference);
    if (policy.status === 'lapsed')
      refuse('holdLapsed', `the hold on ${reference} lapsed at ${policy.holdExpiresAt.toISOString()}`);
    if (policy.status === 'cancelled') refuse('alreadyCancelled', `${reference} was cancelled`);
    if (policy.status === 'issued') return policy;
    this.issued += 1;
    policy.status = 'issued';
    policy.issuedAt = now;
    policy.policyNumber = `STP${now.getUTCFullYear()}${String(this.issued).padStart(6, '0')}`;
    return policy;
  }

  /** What cancelling would cost now; the quote holds for CANCEL_QUOTE_MINUTES. */
  quoteCancellation(reference: string, now: Date): CancelQuote {
    const policy = this.find(reference);
    if (policy.status === 'cancelled' || policy.status === 'lapsed')
      refuse('alreadyCancelled', `${reference} is already cancelled`);
    const { total } = policy.premium;
    let penalty = 0;
    let refund = 0;
    if (policy.status === 'issued') {
      if (now.toISOString().slice(0, 10) >= policy.cover.startDate) {
        refuse('cannotCancel', `cover on ${reference} started on ${policy.cover.startDate}; it can no longer be cancelled`);
      }
      const inFreeLook = now.getTime() - policy.issuedAt!.getTime() <= FREE_LOOK_DAYS * DAY_MS;
      penalty = inFreeLook ? 0 : Math.round((total.amountMinor * LATE_CANCELLATION_PERCENT) / 100);
      refund = total.amountMinor - penalty;
    }
    const quote: CancelQuote = {
      quoteRef: this.newReference('CQ', 8),
      reference,
      penalty: { amountMinor: penalty, currency: total.currency },
      refund: { amountMinor: refund, currency: total.currency },
      expiresAt: new Date(now.getTime() + CANCEL_QUOTE_MINUTES * 60_000),
    };
    this.cancelQuotes.set(quote.quoteRef, quote);
    return quote;
  }

  /** The booking's most recent cancellation quote, for a Commit that names none. */
  latestQuoteRef(reference: string): string | undefined {
    let latest: string | undefined;
    for (const quote of this.cancelQuotes.values()) if (quote.reference === reference) latest = quote.quoteRef;
    return latest;
  }

  /** Cancels on the terms of an unexpired quote and gives the capacity back. */
  commitCancellation(reference: string, quoteRef: string, now: Date): { policy: PolicyRecord; quote: CancelQuote } {
    const quote = this.cancelQuotes.get(quoteRef);
    if (!quote || quote.reference !== reference)
      refuse('invalidCancelQuote', `${quoteRef} is not a cancellation quote for ${reference}`);
    if (quote.expiresAt <= now)
      refuse('invalidCancelQuote', `cancellation quote ${quoteRef} expired at ${quote.expiresAt.toISOString()}`);
    const policy = this.find(reference);
    if (policy.status === 'cancelled' || policy.status === 'lapsed')
      refuse('alreadyCancelled', `${reference} is already cancelled`);
    policy.status = 'cancelled';
    policy.cancellationNumber = this.newReference('CX', 8);
    this.take(policy.planId, policy.cover.startDate, -policy.travellers.length);
    this.cancelQuotes.delete(quoteRef);
    return { policy, quote };
  }

  /** For the control API: capacity taken so far, and the policies by status. */
  state(): unknown {
    const capacity = Object.fromEntries(
      [...this.taken.keys()].map((key) => {
        const [planId, date] = key.split('|') as [PlanId, string];
        return [key, { capacity: capacityFor(planId, date), remaining: this.remaining(planId, date) }];
      }),
    );
    const policies = [...this.policies.values()].map((p) => ({
      reference: p.reference,
      planId: p.planId,
      status: p.status,
      policyNumber: p.policyNumber,
    }));
    return { capacity, policies, priceMovementPercent: this.priceMovementPercent };
  }

  private newReference(prefix: string, length: number): string {
    for (;;) {
      let reference = prefix;
      for (let i = 0; i < length; i++) reference += this.random.pick([...REFERENCE_ALPHABET]);
      if (!this.policies.has(reference) && !this.cancelQuotes.has(reference)) return reference;
    }
  }
}
