import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { currencySchema, decimalToMinor, minorToDecimal, type Money } from '../../money/money.ts';

export const OTA_NS = 'http://www.opentravel.org/OTA/2003/05';
const OTA_VERSION = '2.000';

/** Elements that may repeat in safetrip's responses: always arrays once parsed. */
export const RESPONSE_ARRAYS = [
  'PlanForQuoteRS',
  'PlanForBookRS',
  'CoverageRequirement',
  'Warning',
  'Error',
  'RefNumber',
  'PlanRestriction',
  'CoveredTraveler',
  'CoveredTrip',
  'Destination',
  'Activity',
  'GivenName',
  'Address',
  'CancelRule',
  'UniqueID',
];

/** The root attributes OTA_PayloadStdAttributes requires (Version) and those worth sending. */
export function payloadAttributes(extra: Record<string, string> = {}): Record<string, string> {
  return {
    '@_xmlns': OTA_NS,
    '@_EchoToken': randomUUID(),
    '@_TimeStamp': new Date().toISOString(),
    '@_Version': OTA_VERSION,
    ...Object.fromEntries(Object.entries(extra).map(([key, value]) => [`@_${key}`, value])),
  };
}

/** CurrencyAmountGroup attributes from exact money (the amount is written with the currency's decimals). */
export function amountAttributes(value: Money): Record<string, string> {
  return { '@_Amount': minorToDecimal(value.amountMinor, value.currency), '@_CurrencyCode': value.currency };
}

/** An element that may come back empty (`<X/>` parses as ''), read as an object. */
export function element<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? {} : value), schema);
}

/** CurrencyAmountGroup attributes to exact money; an amount with more decimals than its currency is refused. */
export const otaMoneySchema = z
  .object({ '@_Amount': z.string().regex(/^\d+(\.\d+)?$/), '@_CurrencyCode': currencySchema })
  .transform((value, context): Money => {
    try {
      return { amountMinor: decimalToMinor(value['@_Amount'], value['@_CurrencyCode']), currency: value['@_CurrencyCode'] };
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** An element whose text may sit beside attributes. */
export const textSchema = z.union([
  z.string(),
  z.object({ '#text': z.string().optional() }).transform((value) => value['#text'] ?? ''),
]);
