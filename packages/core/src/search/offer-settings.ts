/**
 * How long the platform sells an offer (OFFER_TTL_MINUTES, default 30; a supplier's own earlier
 * expiry wins) and after how long a read reprices it with the supplier first
 * (OFFER_REPRICE_AFTER_MINUTES, default 5).
 */
export interface OfferSettings {
  ttlMs: number;
  repriceAfterMs: number;
}

function minutes(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of minutes`);
  return value * 60_000;
}

export function offerSettings(overrides: Partial<OfferSettings> = {}): OfferSettings {
  return {
    ttlMs: overrides.ttlMs ?? minutes('OFFER_TTL_MINUTES', 30),
    repriceAfterMs: overrides.repriceAfterMs ?? minutes('OFFER_REPRICE_AFTER_MINUTES', 5),
  };
}

/** The platform's expiry, or the supplier's when that is earlier. */
export function offerExpiry(now: Date, settings: OfferSettings, supplierExpiresAt?: string): Date {
  const ours = new Date(now.getTime() + settings.ttlMs);
  const theirs = supplierExpiresAt ? new Date(supplierExpiresAt) : undefined;
  return theirs && !Number.isNaN(theirs.getTime()) && theirs < ours ? theirs : ours;
}
