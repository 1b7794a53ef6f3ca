import { describe, expect, it } from 'vitest';
import { StripeApiError } from './stripe-api-error.ts';
import { canonicalParams, parseStripeForm } from './read-form-body.ts';
import { optionalList } from './stripe-params.ts';

// Stripe's bracket encoding, as the SDK and curl write it.
describe('parseStripeForm', () => {
  it('nests brackets, keeps indexed lists as the SDK sends them and appends curl-style []', () => {
    const params = parseStripeForm(
      'mode=payment&metadata[order_id]=ord%201&line_items[0][price_data][currency]=usd&line_items[0][quantity]=2' +
        '&line_items[1][quantity]=1&expand[]=payment_intent&expand[]=payment_intent.latest_charge&note=a+b',
    );
    expect(JSON.parse(JSON.stringify(params))).toEqual({
      mode: 'payment',
      metadata: { order_id: 'ord 1' },
      line_items: { 0: { price_data: { currency: 'usd' }, quantity: '2' }, 1: { quantity: '1' } },
      expand: ['payment_intent', 'payment_intent.latest_charge'],
      note: 'a b',
    });
    expect(optionalList(params, 'line_items')).toHaveLength(2);
    expect(optionalList(params, 'expand')).toEqual(['payment_intent', 'payment_intent.latest_charge']);
  });

  it('refuses prototype keys, clashing shapes and malformed names with a 400', () => {
    for (const body of ['__proto__[x]=1', 'metadata[constructor]=1', 'a=1&a[b]=2', 'a[b]=1&a=2', 'a]b=1', 'a=%E0%A4%A'])
      expect(() => parseStripeForm(body), body).toThrow(StripeApiError);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('compares parameters whatever their order', () => {
    expect(canonicalParams(parseStripeForm('a=1&b[c]=2&b[d]=3'))).toBe(canonicalParams(parseStripeForm('b[d]=3&a=1&b[c]=2')));
    expect(canonicalParams(parseStripeForm('a=1'))).not.toBe(canonicalParams(parseStripeForm('a=2')));
  });
});
