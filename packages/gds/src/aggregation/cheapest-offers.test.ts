import { describe, expect, it } from 'vitest';
import { cheapestOffers } from './cheapest-offers.ts';

const offer = (supplierId: string, amountMinor: number) => ({
  offer: { supplierId },
  supplierTotal: { amountMinor, currency: 'NPR' },
  total: { amountMinor, currency: 'NPR' },
  fx: null,
});

describe('cheapestOffers', () => {
  it('keeps the cheapest, at most so many per supplier and so many in all, cheapest first', () => {
    const offers = [
      ...Array.from({ length: 10 }, (_, i) => offer('a', 100 + i)),
      ...Array.from({ length: 10 }, (_, i) => offer('b', 105 + i)),
    ].reverse();
    const kept = cheapestOffers(offers, { perSupplier: 4, perSearch: 6 });
    expect(kept.map((o) => [o.offer.supplierId, o.total.amountMinor])).toEqual([
      ['a', 100],
      ['a', 101],
      ['a', 102],
      ['a', 103],
      ['b', 105],
      ['b', 106],
    ]);
  });

  it('keeps everything when under both limits', () => {
    expect(cheapestOffers([offer('a', 2), offer('a', 1)])).toHaveLength(2);
  });
});
