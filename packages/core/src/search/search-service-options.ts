import type { SearchOptions } from '@himal/gds';
import type { OfferSettings } from './offer-settings.ts';
import type { AdmissionGate } from './search-admission.ts';

/** What a search service may be given beyond the request: aggregation limits, offer lifetimes, a clock (tests). */
export interface SearchServiceOptions<Adapter> extends Omit<SearchOptions<Adapter>, 'tenantId' | 'currency'> {
  settings?: Partial<OfferSettings>;
  now?: () => Date;
  /** Default: the process's gate (searchAdmission()). */
  admission?: AdmissionGate;
}

/** The platform's currency when a search names none. */
export const DEFAULT_CURRENCY = 'NPR';
