import { decimalToMinor, type Money } from '../../money/money.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, childText, pathOf } from '../../xml/xml-navigation.ts';

/** Fares from AirItineraryPricingInfo (or a reservation's PriceInfo): totals, fare basis, refund rules. */

export interface ItineraryFare {
  base: Money;
  taxes: Money;
  total: Money;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An amount attribute with its currency (or the one it inherits); undefined when absent or not a decimal. */
export function moneyOf(element: XmlNode | undefined, amountAttribute = 'Amount', inheritedCurrency?: string): Money | undefined {
  const amount = attributeOf(element, amountAttribute)?.trim();
  const currency = attributeOf(element, 'CurrencyCode')?.trim() ?? inheritedCurrency;
  if (!amount || !DECIMAL.test(amount) || !currency || !/^[A-Z]{3}$/.test(currency)) return undefined;
  return { amountMinor: decimalToMinor(amount, currency), currency };
}

function minus(a: Money, b: Money): Money {
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
}

function taxesOf(fare: XmlNode, currency: string): Money | undefined {
  const taxes = childOf(fare, 'Taxes');
  const stated = moneyOf(taxes, 'Amount', currency);
  if (stated?.currency === currency) return stated;
  const lines = childrenOf(taxes, 'Tax').map((tax) => moneyOf(tax, 'Amount', currency));
  if (lines.length === 0 || lines.some((line) => line?.currency !== currency)) return undefined;
  return { amountMinor: lines.reduce((sum, line) => sum + line!.amountMinor, 0), currency };
}

/**
 * Base, taxes and total in the currency of the total, always adding up: "taxes" is everything on
 * top of the base (taxes, fees, surcharges), as total minus base, since answers in the wild itemise
 * fewer taxes than their total holds. A base filed in another currency is taken from EquivFare, or
 * as total minus the stated taxes.
 */
export function readFareAmounts(fare: XmlNode | undefined): ItineraryFare | undefined {
  const total = moneyOf(childOf(fare, 'TotalFare'));
  if (!fare || !total) return undefined;
  const currency = total.currency;
  const sameCurrency = (money: Money | undefined) => (money?.currency === currency ? money : undefined);
  const stated =
    sameCurrency(moneyOf(childOf(fare, 'BaseFare'))) ??
    childrenOf(fare, 'EquivFare')
      .map((e) => sameCurrency(moneyOf(e)))
      .find(Boolean);
  const statedTaxes = stated ? undefined : taxesOf(fare, currency);
  const base = stated ?? (statedTaxes ? minus(total, statedTaxes) : total);
  return { base, taxes: minus(total, base), total };
}

/** The itinerary's totals: ItinTotalFare (the passenger fare, not a ticket fee), else the sum of the per-passenger-type fares. */
export function readItineraryFare(pricingInfo: XmlNode | undefined): ItineraryFare | undefined {
  const itinTotal = childrenOf(pricingInfo, 'ItinTotalFare').find((f) => attributeOf(f, 'Usage') !== 'TicketFee');
  const fromTotal = readFareAmounts(itinTotal);
  if (fromTotal) return fromTotal;
  const breakdowns = childrenOf(pathOf(pricingInfo, 'PTC_FareBreakdowns'), 'PTC_FareBreakdown').map((breakdown) => ({
    quantity: Number(attributeOf(childOf(breakdown, 'PassengerTypeQuantity'), 'Quantity') ?? '1'),
    fare: readFareAmounts(childrenOf(breakdown, 'PassengerFare').find((f) => attributeOf(f, 'Usage') !== 'TicketFee')),
  }));
  const currency = breakdowns[0]?.fare?.total.currency;
  if (!currency || breakdowns.some((b) => !b.fare || b.fare.total.currency !== currency || !Number.isInteger(b.quantity)))
    return undefined;
  const sum = (part: keyof ItineraryFare) => ({
    amountMinor: breakdowns.reduce((s, b) => s + b.fare![part].amountMinor * b.quantity, 0),
    currency,
  });
  return { base: sum('base'), taxes: sum('taxes'), total: sum('total') };
}

export function readFareBasis(pricingInfo: XmlNode | undefined): string | undefined {
  const breakdown = childOf(pathOf(pricingInfo, 'PTC_FareBreakdowns'), 'PTC_FareBreakdown');
  const fromBreakdown = childText(pathOf(breakdown, 'FareBasisCodes'), 'FareBasisCode');
  const fromFareInfo = childText(childOf(pathOf(pricingInfo, 'FareInfos'), 'FareInfo'), 'FareReference');
  return (fromBreakdown ?? fromFareInfo)?.replace(/"/g, '').trim() || undefined;
}

/** Refundable when every fare component allows voluntary refunds; unknown when no component says. */
export function readRefundable(pricingInfo: XmlNode | undefined): boolean | undefined {
  const rules = childrenOf(pathOf(pricingInfo, 'FareInfos'), 'FareInfo')
    .map((info) => attributeOf(pathOf(info, 'RuleInfo', 'ChargesRules', 'VoluntaryRefunds'), 'VolChangeInd'))
    .filter((value): value is string => value !== undefined);
  return rules.length ? rules.every((value) => value === 'true' || value === '1') : undefined;
}
