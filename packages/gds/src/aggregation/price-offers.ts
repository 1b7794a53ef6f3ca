import type { FxTable } from '../fx/fx-table.ts';
import type { Money } from '../money/money.ts';
import type { SupplierWarning } from '../products/common.ts';
import type { SupplierAnswer } from './fan-out.ts';
import type { PricedOffer } from './priced-offer.ts';

/**
 * Prices every answered offer in the asked currency. An offer whose price cannot be made comparable
 * (no FX rate for its currency, a price without its taxes) is left out, with one warning per
 * supplier and reason, rather than shown at a price that is not what the traveller would pay.
 */
export function priceOffers<Offer>(
  answers: SupplierAnswer<Offer>[],
  supplierTotalOf: (offer: Offer) => Money,
  currency: string,
  fx: FxTable,
  warnings: SupplierWarning[],
): PricedOffer<Offer>[] {
  const priced: PricedOffer<Offer>[] = [];
  for (const { connection, offers } of answers) {
    const reasons = new Map<string, number>();
    for (const offer of offers) {
      try {
        const supplierTotal = supplierTotalOf(offer);
        const { money, fx: snapshot } = fx.convert(supplierTotal, currency);
        priced.push({ offer, supplierTotal, total: money, fx: snapshot });
      } catch (error) {
        const reason = (error as Error).message;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    for (const [reason, count] of reasons) {
      warnings.push({
        supplierId: connection.supplierId,
        code: 'OFFERS_NOT_PRICED',
        message: `${count} offer(s) left out: ${reason}`,
      });
    }
  }
  return priced;
}
