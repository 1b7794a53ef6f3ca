/**
 * An agency's branding as the UI applies it: colours become CSS custom properties that the Tailwind
 * tokens in `theme.css` point at, so one stylesheet serves every tenant.
 */
export interface BrandSettings {
  primaryColor: string;
  accentColor: string;
  backgroundColor: string;
  textColor: string;
  fontFamily: string;
  logoUrl: string | null;
  tagline: string | null;
}

export interface BrandTheme {
  primary: string;
  onPrimary: string;
  accent: string;
  onAccent: string;
  background: string;
  text: string;
  fontFamily: string;
  logoUrl: string | null;
  tagline: string | null;
}

/** What a tenant without a theme row (or the platform console) looks like. */
export const PLATFORM_BRAND: BrandSettings = {
  primaryColor: '#0f766e',
  accentColor: '#f59e0b',
  backgroundColor: '#f8fafc',
  textColor: '#0f172a',
  fontFamily: 'system-ui',
  logoUrl: null,
  tagline: null,
};

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
// Font names go into a stylesheet: letters, digits, spaces, hyphens, commas and quotes only, so a
// stored value can never close the declaration or the rule.
const FONT_FAMILY = /^[a-z0-9 ,'"-]{1,100}$/i;
const SYSTEM_FONTS = `ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;

function color(value: string, fallback: string): string {
  return HEX_COLOR.test(value) ? value.toLowerCase() : fallback;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Text colour that stays readable on `background`: whichever of white or near-black contrasts more. */
function readableOn(background: string): string {
  const l = luminance(background);
  const contrastWithWhite = 1.05 / (l + 0.05);
  const contrastWithInk = (l + 0.05) / (luminance('#0f172a') + 0.05);
  return contrastWithWhite >= contrastWithInk ? '#ffffff' : '#0f172a';
}

/** Only http(s) and site-relative logo URLs are rendered; anything else (javascript:, data:) is dropped. */
function safeLogoUrl(url: string | null): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** Settings are validated when written, and validated again here because they end up in CSS and HTML. */
export function brandTheme(settings: BrandSettings | null): BrandTheme {
  const s = settings ?? PLATFORM_BRAND;
  const primary = color(s.primaryColor, PLATFORM_BRAND.primaryColor);
  const accent = color(s.accentColor, PLATFORM_BRAND.accentColor);
  const font = s.fontFamily.trim();
  return {
    primary,
    onPrimary: readableOn(primary),
    accent,
    onAccent: readableOn(accent),
    background: color(s.backgroundColor, PLATFORM_BRAND.backgroundColor),
    text: color(s.textColor, PLATFORM_BRAND.textColor),
    fontFamily: font === 'system-ui' || !FONT_FAMILY.test(font) ? SYSTEM_FONTS : `${font}, ${SYSTEM_FONTS}`,
    logoUrl: safeLogoUrl(s.logoUrl),
    tagline: s.tagline?.trim() || null,
  };
}

/** The custom properties `theme.css` reads, as one `:root` rule. */
export function brandThemeCss(theme: BrandTheme): string {
  return `:root{--brand-primary:${theme.primary};--brand-on-primary:${theme.onPrimary};--brand-accent:${theme.accent};--brand-on-accent:${theme.onAccent};--brand-background:${theme.background};--brand-text:${theme.text};--brand-font:${theme.fontFamily};}`;
}
