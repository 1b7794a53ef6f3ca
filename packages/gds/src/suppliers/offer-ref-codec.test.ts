import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { offerRefCodec } from './offer-ref-codec.ts';

describe('offerRefCodec', () => {
  const codec = offerRefCodec('roomrack', z.object({ rateKey: z.string().min(1), nights: z.number().int() }));

  it('reads back what it wrote', () => {
    expect(codec.decode(codec.encode({ rateKey: 'RK-1', nights: 3 }), 'hotel.price')).toEqual({ rateKey: 'RK-1', nights: 3 });
  });

  it.each(['not json', '{"rateKey":""}', '{"rateKey":"RK-1","nights":"3"}', 'null'])(
    'refuses %j as an offer the adapter did not make, not worth retrying',
    (text) => {
      expect(() => codec.decode(text, 'hotel.book')).toThrow(
        expect.objectContaining({
          code: 'SUPPLIER_BUSINESS_ERROR',
          supplierId: 'roomrack',
          operation: 'hotel.book',
          retryable: false,
          message: 'roomrack hotel.book: not an offer roomrack made',
        }),
      );
    },
  );
});
