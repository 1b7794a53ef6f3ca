import type { FxSnapshot } from '../fx/fx-table.ts';
import type { Money } from '../money/money.ts';
import type { SupplierWarning } from '../products/common.ts';

/** A supplier's offer with its price made comparable: taxes included, whole trip or stay, in the asked currency. */
export interface PricedOffer<Offer> {
  offer: Offer;
  /** The supplier's own total (taxes included, whole trip or stay) in its currency. */
  supplierTotal: Money;
  /** `supplierTotal` in the asked currency. */
  total: Money;
  /** The rate used; null when the supplier priced in the asked currency. */
  fx: FxSnapshot | null;
}

export interface AggregatedResult<Result> {
  offers: Result[];
  /** One per failing supplier (its code and reason), plus what suppliers warned about. */
  warnings: SupplierWarning[];
}
