import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, OFFER_SORTS } from '@himal/core';
import { z } from 'zod';
import { moneyView, warningView } from './common.ts';
import { airOfferView } from './air.ts';
import { hotelOfferView } from './hotels.ts';
import { insuranceOfferView } from './insurance.ts';

function listQuery(sorts: Record<string, unknown>) {
  const names = Object.keys(sorts) as [string, ...string[]];
  return z.object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    after: z.string().max(1_000).optional().describe('The `meta.after` cursor of the previous page.'),
    sort: z.enum(names).default('total_amount'),
  });
}

export const airOffersQuery = listQuery(OFFER_SORTS.air);
export const hotelOffersQuery = listQuery(OFFER_SORTS.hotel);

const pageMeta = z.object({
  limit: z.number().int(),
  sort: z.string(),
  after: z.string().nullable().describe('Pass as `after` for the next page; null on the last page.'),
});

export const airOfferListView = z.object({ data: z.array(airOfferView), meta: pageMeta });
export const hotelOfferListView = z.object({ data: z.array(hotelOfferView), meta: pageMeta });

const priceChangeView = z.object({
  previous_total_amount: z.string(),
  total_amount: z.string(),
  total_currency: z.string(),
  changed_at: z.string(),
});

export const offerView = z.object({
  data: z.discriminatedUnion('type', [
    airOfferView.extend({ type: z.literal('air') }),
    hotelOfferView.extend({ type: z.literal('hotel') }),
    insuranceOfferView.extend({ type: z.literal('insurance') }),
  ]),
  meta: z.object({
    repriced: z.boolean().describe('The supplier was asked again on this read (the offer was stale).'),
    price_changed: z.boolean(),
    price_changes: z.array(priceChangeView),
    previous_total: moneyView.nullable().describe('The price before this read, when it changed.'),
    warnings: z.array(warningView).describe('Why a stale offer could not be repriced; its last price is given.'),
  }),
});
