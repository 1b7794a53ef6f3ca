import type {
  AggregatedProperty,
  AirOffer,
  FxSnapshot,
  HotelOffer,
  InsuranceOffer,
  Money,
  Product,
  SupplierWarning,
} from '@himal/gds';

/** A price change found when the offer was repriced. */
export interface OfferPriceChangeRecord {
  previousTotal: Money;
  newTotal: Money;
  previousSupplierTotal: Money;
  newSupplierTotal: Money;
  changedAt: Date;
}

interface SearchOfferBase {
  id: string;
  offerRequestId: string;
  supplierId: string;
  /** Every supplier selling the same thing (hotels listed by several suppliers). */
  sources: string[];
  /** In the asked currency, taxes included, whole trip or stay. */
  total: Money;
  /** The supplier's own total, before conversion. */
  supplierTotal: Money;
  fx: FxSnapshot | null;
  expiresAt: Date;
  pricedAt: Date;
  createdAt: Date;
  priceChanges: OfferPriceChangeRecord[];
}

/** An offer the platform sells, as stored: the supplier's platform offer plus the platform's price. */
export type SearchOffer = SearchOfferBase &
  (
    | { product: 'air'; air: AirOffer }
    | { product: 'hotel'; hotel: HotelOffer; property: AggregatedProperty }
    | { product: 'insurance'; insurance: InsuranceOffer }
  );

export interface OfferRequestResult<P extends Product = Product> {
  id: string;
  product: P;
  currency: string;
  createdAt: Date;
  warnings: SupplierWarning[];
  offers: Array<Extract<SearchOffer, { product: P }>>;
}
