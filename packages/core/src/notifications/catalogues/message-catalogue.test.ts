import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { MAIL_CATALOGUES, resolveLanguage } from './catalogue-for.ts';

type Shape = { [key: string]: Shape | 'string' | 'function' };

/** The catalogue's keys and what each holds, so two languages can be compared whole. */
function shapeOf(value: Record<string, unknown>): Shape {
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      typeof entry === 'function' ? 'function' : typeof entry === 'string' ? 'string' : shapeOf(entry as Record<string, unknown>),
    ]),
  );
}

/** Every entry, with its path, called with sample values where it is a sentence. */
function* entries(value: Record<string, unknown>, path = ''): Generator<[string, string]> {
  for (const [key, entry] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof entry === 'string') yield [at, entry];
    else if (typeof entry === 'function') {
      const sample = new Proxy({}, { get: (_target, name) => `«${String(name)}»` });
      yield [
        at,
        entry.length === 2 ? (entry as (n: number, f: string) => string)(3, '«3»') : (entry as (p: object) => string)(sample),
      ];
    } else yield* entries(entry as Record<string, unknown>, at);
  }
}

describe('message catalogues', () => {
  for (const [language, catalogue] of Object.entries(MAIL_CATALOGUES)) {
    it(`${language} has every key English has, of the same kind, and nothing else`, () => {
      expect(shapeOf(catalogue as unknown as Record<string, unknown>)).toEqual(shapeOf(en as unknown as Record<string, unknown>));
    });

    it(`${language}: no entry is empty, and every sentence uses every value it is given`, () => {
      for (const [path, text] of entries(catalogue as unknown as Record<string, unknown>)) {
        expect(text.trim(), path).not.toBe('');
        expect(text, path).not.toMatch(/\{\w+\}|undefined/);
      }
      const used = (sentence: unknown, ...names: string[]) => {
        const sample = Object.fromEntries(names.map((name) => [name, `«${name}»`]));
        const text = (sentence as (p: object) => string)(sample);
        for (const name of names) expect(text).toContain(`«${name}»`);
      };
      used(catalogue.orderConfirmation.subject, 'agency', 'reference');
      used(catalogue.paymentReceipt.intro, 'amount');
      used(catalogue.holdExpiring.intro, 'payBy');
      used(catalogue.waitlistPromotion.intro, 'departure', 'seats');
      used(catalogue.waitlistPromotion.heldUntil, 'deadline');
      used(catalogue.refund.subject, 'reference', 'amount');
      used(catalogue.refund.intro, 'amount', 'destination');
      used(catalogue.refund.expected, 'days');
      expect(catalogue.common.seats(1, '«1»')).toContain('«1»');
    });
  }

  it('reads a traveller’s language tag, and gives English for the rest', () => {
    expect(resolveLanguage('ne')).toMatchObject({ language: 'ne', locale: 'ne-NP' });
    expect(resolveLanguage('ne-NP').language).toBe('ne');
    expect(resolveLanguage(' EN-us ')).toMatchObject({ language: 'en', locale: 'en-US' });
    expect(resolveLanguage('hi').language).toBe('en');
    expect(resolveLanguage('').language).toBe('en');
    expect(resolveLanguage('__proto__').language).toBe('en');
  });
});
