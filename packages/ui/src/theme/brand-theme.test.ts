import { describe, expect, it } from 'vitest';
import { brandTheme, brandThemeCss, PLATFORM_BRAND, type BrandSettings } from './brand-theme.ts';

const settings = (overrides: Partial<BrandSettings>): BrandSettings => ({ ...PLATFORM_BRAND, ...overrides });

describe('brandTheme', () => {
  it('keeps valid colours and picks readable text for them', () => {
    const theme = brandTheme(settings({ primaryColor: '#1D4ED8', accentColor: '#eab308' }));
    expect(theme.primary).toBe('#1d4ed8');
    expect(theme.onPrimary).toBe('#ffffff');
    expect(theme.onAccent).toBe('#0f172a');
  });

  it('replaces anything that is not #rrggbb, so stored values cannot break out of the stylesheet', () => {
    const theme = brandTheme(settings({ primaryColor: 'red;}body{display:none', backgroundColor: 'url(javascript:x)' }));
    expect(theme.primary).toBe(PLATFORM_BRAND.primaryColor);
    expect(theme.background).toBe(PLATFORM_BRAND.backgroundColor);
  });

  it('drops font names with characters that could end the declaration', () => {
    expect(brandTheme(settings({ fontFamily: 'Inter' })).fontFamily).toMatch(/^Inter, /);
    const css = brandThemeCss(brandTheme(settings({ fontFamily: 'x;}</style><script>alert(1)</script>' })));
    expect(css).not.toContain('<');
    expect(css).not.toContain('alert');
  });

  it('renders only http(s) and site-relative logos', () => {
    expect(brandTheme(settings({ logoUrl: 'https://cdn.example/logo.svg' })).logoUrl).toBe('https://cdn.example/logo.svg');
    expect(brandTheme(settings({ logoUrl: '/logo.png' })).logoUrl).toBe('/logo.png');
    expect(brandTheme(settings({ logoUrl: 'javascript:alert(1)' })).logoUrl).toBeNull();
    expect(brandTheme(settings({ logoUrl: '//evil.example/x.png' })).logoUrl).toBeNull();
  });

  it('falls back to the platform brand when a tenant has no theme row', () => {
    expect(brandTheme(null).primary).toBe(PLATFORM_BRAND.primaryColor);
  });
});
