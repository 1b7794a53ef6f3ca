import { addMoney, multiplyMoney, type Money } from '../money/money.ts';
import type { HotelOffer } from '../products/hotel.ts';

/**
 * What the traveller pays for the whole stay, taxes included, in the supplier's currency. A
 * per-night price (for all the rooms asked) is multiplied by the nights; taxes stated apart are
 * added on the same basis. A price without its taxes cannot be compared and is refused.
 */
export function hotelStayTotal(offer: HotelOffer): Money {
  const { price, nights } = offer;
  const factor = price.basis === 'per_night' ? nights : 1;
  const amount = multiplyMoney(price.amount, factor);
  if (price.taxesIncluded) return amount;
  if (!price.taxes) throw new Error(`${offer.supplierId} gave a price without taxes and no tax amount`);
  return addMoney(amount, multiplyMoney(price.taxes, factor));
}
