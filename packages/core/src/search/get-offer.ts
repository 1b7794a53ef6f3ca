import type { Tenant } from '@himal/db';
import {
  convertMoney,
  hotelStayTotal,
  isSupplierError,
  loadFxTable,
  priceOffer,
  type AggregationOptions,
  type AirOffer,
  type FxSnapshot,
  type HotelOffer,
  type InsuranceOffer,
  type Money,
  type PriceOfferOptions,
  type ProductOffer,
  type SupplierConnection,
  type SupplierWarning,
} from '@himal/gds';
import { isWellFormedId } from './offer-ids.ts';
import { expireOffer, findOffer, jsonColumn, saveRepricedOffer } from './offer-repository.ts';
import { toSearchOffer } from './offer-rows.ts';
import { offerSettings, type OfferSettings } from './offer-settings.ts';
import { SearchError } from './search-errors.ts';
import { searchAdmission, type AdmissionGate } from './search-admission.ts';
import type { SearchOffer } from './search-offer.ts';

export interface GetOfferOptions {
  settings?: Partial<OfferSettings>;
  aggregation?: Partial<AggregationOptions>;
  now?: () => Date;
  /** Default: the process's gate (searchAdmission()). */
  admission?: AdmissionGate;
  /** Defaults: the tenant's supplier accounts and the adapter registry. */
  connections?: SupplierConnection[];
  adapters?: PriceOfferOptions['adapters'];
}

export interface OfferLookup {
  offer: SearchOffer;
  /** True when this read asked the supplier again. */
  repriced: boolean;
  /** True when that repricing found another price (recorded in offer.priceChanges). */
  priceChanged: boolean;
  /** Why a stale offer could not be repriced (the stored price is shown, with its pricedAt). */
  warnings: SupplierWarning[];
}

/** A supplier that says this about an offer no longer sells it. */
const GONE_CODES = new Set(['INVENTORY_EXHAUSTED', 'OFFER_EXPIRED', 'SUPPLIER_BUSINESS_ERROR', 'SUPPLIER_NOT_ENABLED']);

type PlatformOffer = AirOffer | HotelOffer | InsuranceOffer;

function supplierTotalOf(offer: SearchOffer, repriced: PlatformOffer): Money {
  if (offer.product === 'air') return (repriced as AirOffer).total;
  if (offer.product === 'hotel') return hotelStayTotal(repriced as HotelOffer);
  return (repriced as InsuranceOffer).premium;
}

/** The offer keeps the rate it was sold at for its life; only a supplier that changes currency brings in today's rate. */
async function convert(supplierTotal: Money, offer: SearchOffer): Promise<{ total: Money; fx: FxSnapshot | null }> {
  if (supplierTotal.currency === offer.total.currency) return { total: supplierTotal, fx: null };
  if (offer.fx && offer.fx.base === supplierTotal.currency)
    return { total: convertMoney(supplierTotal, offer.total.currency, offer.fx.rate), fx: offer.fx };
  const { money, fx } = (await loadFxTable()).convert(supplierTotal, offer.total.currency);
  return { total: money, fx };
}

/** The supplier's offer a stored one was made from, with its product. */
function productOffer(offer: SearchOffer): ProductOffer {
  if (offer.product === 'air') return { product: 'air', offer: offer.air };
  if (offer.product === 'hotel') return { product: 'hotel', offer: offer.hotel };
  return { product: 'insurance', offer: offer.insurance };
}

/**
 * An offer by id, for the tenant that made it (any other tenant's id is simply not found). An expired
 * offer is refused; one priced longer ago than the reprice interval is first priced again with its
 * supplier, and a different price is recorded. A supplier that cannot be reached leaves the stored
 * price, with a warning; one that no longer sells the offer ends it.
 */
export async function getOffer(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  offerId: string,
  options: GetOfferOptions = {},
): Promise<OfferLookup> {
  const now = options.now?.() ?? new Date();
  const settings = offerSettings(options.settings);
  const notFound = new SearchError('OFFER_NOT_FOUND', `no offer ${offerId}`);
  if (!isWellFormedId(offerId, 'off')) throw notFound;
  const found = await findOffer(tenant, offerId);
  if (!found) throw notFound;
  const stored = toSearchOffer(found.offer, found.priceChanges);
  if (stored.expiresAt <= now)
    throw new SearchError('OFFER_EXPIRED', `offer ${offerId} expired at ${stored.expiresAt.toISOString()}`);
  if (now.getTime() - stored.pricedAt.getTime() < settings.repriceAfterMs)
    return { offer: stored, repriced: false, priceChanged: false, warnings: [] };

  let repriced: PlatformOffer;
  try {
    repriced = await (options.admission ?? searchAdmission()).run(tenant.id, () =>
      priceOffer(productOffer(stored), {
        ...options.aggregation,
        tenantId: tenant.id,
        connections: options.connections,
        adapters: options.adapters,
      }),
    );
  } catch (error) {
    if (error instanceof SearchError && error.code === 'SEARCH_OVERLOADED')
      return {
        offer: stored,
        repriced: false,
        priceChanged: false,
        warnings: [{ supplierId: stored.supplierId, code: error.code, message: error.message }],
      };
    const gone = isSupplierError(error) && GONE_CODES.has(error.code);
    if (!gone) {
      const warning = isSupplierError(error)
        ? { supplierId: stored.supplierId, code: error.code, message: error.message }
        : { supplierId: stored.supplierId, code: 'SUPPLIER_ERROR', message: `${stored.supplierId} failed unexpectedly` };
      if (!isSupplierError(error)) console.error(`[search] repricing ${offerId} failed`, error);
      return { offer: stored, repriced: false, priceChanged: false, warnings: [warning] };
    }
    await expireOffer(tenant, offerId, now);
    throw new SearchError('OFFER_UNAVAILABLE', `${stored.supplierId} no longer sells this offer: ${(error as Error).message}`);
  }

  const supplierTotal = supplierTotalOf(stored, repriced);
  const { total, fx } = await convert(supplierTotal, stored);
  const priceChanged =
    total.amountMinor !== stored.total.amountMinor ||
    supplierTotal.amountMinor !== stored.supplierTotal.amountMinor ||
    supplierTotal.currency !== stored.supplierTotal.currency;
  const supplierExpiry = repriced.expiresAt ? new Date(repriced.expiresAt) : undefined;
  const expiresAt = supplierExpiry && supplierExpiry < stored.expiresAt ? supplierExpiry : stored.expiresAt;

  const saved = await saveRepricedOffer(
    tenant,
    offerId,
    {
      supplier_offer: jsonColumn(repriced),
      total_minor: String(total.amountMinor),
      supplier_total_minor: String(supplierTotal.amountMinor),
      supplier_currency: supplierTotal.currency,
      fx: fx ? jsonColumn(fx) : undefined,
      priced_at: now,
      expires_at: expiresAt,
    },
    priceChanged
      ? {
          previous_total_minor: String(stored.total.amountMinor),
          new_total_minor: String(total.amountMinor),
          total_currency: total.currency,
          previous_supplier_total_minor: String(stored.supplierTotal.amountMinor),
          new_supplier_total_minor: String(supplierTotal.amountMinor),
          supplier_currency: supplierTotal.currency,
          changed_at: now,
        }
      : undefined,
  );
  const updated = toSearchOffer(saved.offer, saved.priceChanges);
  return { offer: updated, repriced: true, priceChanged, warnings: [] };
}
