import { describe, expect, it } from 'vitest';
import { FIXTURE_LINKS, notificationFixture } from '../testing/notification-fixtures.ts';
import { NotificationError } from './notification-error.ts';
import { NOTIFICATION_KINDS, renderNotification, type NotificationKind } from './render-notification.ts';

// Intl separates a currency from its digits with a no-break space in some locales.
const plain = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');

function render(kind: NotificationKind, options: Parameters<typeof notificationFixture>[1] = {}) {
  const mail = renderNotification(kind, notificationFixture(kind, options));
  return { subject: plain(mail.subject), html: plain(mail.html), text: plain(mail.text) };
}

const AMOUNTS = [
  { amount: { amountMinor: 12_345, currency: 'JPY' }, en: 'JP¥12,345', ne: 'JP¥ १२,३४५' },
  { amount: { amountMinor: 12_345, currency: 'KWD' }, en: 'KWD 12.345', ne: 'KWD १२.३४५' },
  { amount: { amountMinor: 12_345_650, currency: 'NPR' }, en: 'NPR 123,456.50', ne: 'नेरू १,२३,४५६.५०' },
];

describe('traveller mails', () => {
  for (const kind of NOTIFICATION_KINDS) {
    describe(kind, () => {
      for (const language of ['en', 'ne'] as const) {
        it(`in ${language}: every amount exact in the currency's decimals, in both parts`, () => {
          for (const { amount, ...expected } of AMOUNTS) {
            const mail = render(kind, { language, amount });
            expect(mail.text).toContain(expected[language]);
            expect(mail.html).toContain(expected[language]);
          }
        });

        it(`in ${language}: no placeholder or missing value left, one subject line, the same facts in HTML and text`, () => {
          const mail = render(kind, { language });
          for (const part of [mail.subject, mail.html, mail.text]) {
            expect(part).not.toMatch(/\{\w+\}|\$\{|undefined|NaN|\[object Object\]|Invalid Date/);
          }
          expect(mail.subject).not.toMatch(/[\r\n]/);
          expect(mail.html).toContain(`<html lang="${language === 'ne' ? 'ne-NP' : 'en-GB'}">`);
          const link = FIXTURE_LINKS[kind];
          const facts = [link, 'https://everest-treks.example/', 'help@everest-treks.example', 'Everest Treks'];
          if (kind !== 'waitlist-promotion') facts.push('K7M2QX');
          for (const fact of facts) {
            expect(mail.text).toContain(fact);
            expect(mail.html).toContain(fact);
          }
          expect(mail.html).toContain(`href="${link}"`);
        });
      }

      it('is written in the traveller’s language, English when the mail has no catalogue for it', () => {
        const greeting = { en: 'Hello Sita Sharma,', ne: 'नमस्ते Sita Sharma,' };
        expect(render(kind, { language: 'en' }).text).toContain(greeting.en);
        expect(render(kind, { language: 'ne' }).text).toContain(greeting.ne);
        expect(render(kind, { language: 'ne-NP' }).text).toContain(greeting.ne);
        expect(render(kind, { language: 'NE' }).text).toContain(greeting.ne);
        expect(render(kind, { language: 'fr' }).text).toContain(greeting.en);
        expect(render(kind, { language: 'not a tag!' }).text).toContain(greeting.en);
        expect(render(kind, { language: 'en' }).subject).not.toEqual(render(kind, { language: 'ne' }).subject);
      });

      it('shows hostile names, titles and agency names as text, never as markup', () => {
        const mail = renderNotification(
          kind,
          notificationFixture(kind, {
            recipient: { name: '<script>alert("x")</script>' },
            agency: { name: `Tom & Jerry's <b>Tours</b>` },
          }),
        );
        expect(mail.html).not.toMatch(/<script|<b>/i);
        expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
        expect(mail.html).toContain('Tom &amp; Jerry&#39;s &lt;b&gt;Tours&lt;/b&gt;');
        expect(mail.text).toContain('<script>alert("x")</script>');
        expect(mail.subject).not.toContain('&amp;');
      });

      it('refuses links that are not absolute http(s)', () => {
        const input = notificationFixture(kind);
        for (const bad of ['javascript:alert(1)', 'data:text/html,hi', '/bookings/K7M2QX', 'mailto:x@example.com']) {
          const links = Object.fromEntries(Object.keys(input.links).map((name) => [name, bad]));
          expect(() => renderNotification(kind, { ...input, links } as typeof input)).toThrow(NotificationError);
        }
      });
    });
  }

  it('formats money from minor units without floats on the way', () => {
    // 9007199254740991 / 1000 as a float is 9007199254740.990234375: the last digit would be lost.
    const amount = { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'KWD' };
    expect(render('payment-receipt', { amount }).text).toContain('KWD 9,007,199,254,740.991');
    expect(render('refund', { amount: { amountMinor: 5, currency: 'NPR' } }).text).toContain('NPR 0.05');
  });

  it('puts deadlines in the given time zone, with the zone, and travel times as the place keeps them', () => {
    const kathmandu = render('payment-receipt', { timeZone: 'Asia/Kathmandu' }).text;
    expect(kathmandu).toContain('1 Mar 2027, 15:45 GMT+5:45');
    expect(render('payment-receipt', { timeZone: 'Europe/London' }).text).toContain('1 Mar 2027, 10:00 GMT');
    expect(render('payment-receipt', { language: 'ne' }).text).toContain('१५:४५');
    // The 06:30 departure from Kathmandu stays 06:30 for a traveller reading in London.
    const confirmation = render('order-confirmation', { timeZone: 'Europe/London' }).text;
    expect(confirmation).toContain('Sun, 14 Mar 2027, 06:30');
    expect(confirmation).toContain('Sun, 14 Mar 2027 – Wed, 17 Mar 2027');
  });

  it('refuses timestamps without an offset and impossible days', () => {
    const receipt = notificationFixture('payment-receipt');
    expect(() => renderNotification('payment-receipt', { ...receipt, paidAt: '2027-03-01T10:00:00' })).toThrow(/offset/);
    const confirmation = notificationFixture('order-confirmation');
    const item = { ...confirmation.items[0]!, dates: { start: '2027-02-30' } };
    expect(() => renderNotification('order-confirmation', { ...confirmation, items: [item] })).toThrow(NotificationError);
  });

  it('brands the layout with the agency’s colours inline, and falls back where a setting is unusable', () => {
    const branded = render('order-confirmation').html;
    expect(branded).toContain('background-color:#1d4ed8');
    expect(branded).toContain('background-color:#f59e0b');
    expect(branded).toContain('<img src="https://everest-treks.example/logo.png" alt="Everest Treks"');
    expect(branded).toContain('font-family:Inter, ');
    expect(branded).not.toMatch(/<style|<script|<link/i);

    const hostile = render('order-confirmation', {
      agency: {
        primaryColor: 'red;background:url(https://evil.example/x)',
        fontFamily: 'x;}</style><script>alert(1)</script>',
        logoUrl: 'javascript:alert(1)',
      },
    }).html;
    expect(hostile).toContain('background-color:#0f766e');
    expect(hostile).not.toContain('evil.example');
    expect(hostile).not.toMatch(/javascript:|<script/i);
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('font-size:20px;font-weight:bold;color:#ffffff;">Everest Treks</span>');

    const relativeLogo = render('order-confirmation', { agency: { logoUrl: '/brand/logo.png' } }).html;
    expect(relativeLogo).toContain('src="https://everest-treks.example/brand/logo.png"');
  });

  it('says where to ask when the agency has no support address', () => {
    const mail = render('refund', { agency: { supportEmail: null } });
    expect(mail.text).toContain('Questions? Contact us through everest-treks.example.');
  });

  it('tells a cancellation with nothing to refund from one whose refund follows', () => {
    const zero = { amountMinor: 0, currency: 'NPR' };
    const input = notificationFixture('cancellation');
    expect(plain(renderNotification('cancellation', { ...input, refundAmount: zero }).text)).toContain(
      'Nothing is refunded under the conditions of this booking.',
    );
    expect(render('cancellation').text).toContain('We will send you another mail once the refund is issued.');
  });

  it('counts seats and days in the language, and refuses counts that are not whole and positive', () => {
    expect(render('waitlist-promotion').text).toContain('2 seats');
    expect(render('waitlist-promotion', { language: 'ne' }).text).toContain('२ सिट');
    expect(render('refund').text).toContain('within 7 days');
    expect(render('refund', { language: 'ne' }).text).toContain('७ दिनभित्र');
    const promotion = notificationFixture('waitlist-promotion');
    expect(plain(renderNotification('waitlist-promotion', { ...promotion, seats: 1 }).text)).toContain('1 seat ');
    expect(() => renderNotification('waitlist-promotion', { ...promotion, seats: 0 })).toThrow(NotificationError);
    expect(() => renderNotification('refund', { ...notificationFixture('refund'), expectedDays: 2.5 })).toThrow(
      NotificationError,
    );
  });
});

describe('a departure of the agency’s own trips', () => {
  it.each([
    ['en', 'Trek or tour: Annapurna Circuit'],
    ['ne', 'ट्रेक वा भ्रमण: Annapurna Circuit'],
  ])('is named as a trek or tour in the order confirmation (%s)', (language, line) => {
    const input = notificationFixture('order-confirmation', { language });
    const mail = renderNotification('order-confirmation', {
      ...input,
      items: [
        { product: 'departure', title: 'Annapurna Circuit', dates: { start: '2027-01-03', end: '2027-01-14' }, documents: [] },
      ],
    });
    expect(mail.text).toContain(line);
  });
});
