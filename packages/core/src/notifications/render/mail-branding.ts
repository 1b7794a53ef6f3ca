import type { AgencyBranding } from '../notification-inputs.ts';
import { httpUrl, requireHttpUrl } from './mail-urls.ts';

/**
 * An agency's branding as a mail can use it. ThemeSettings are validated when written; they are
 * checked again here because they land in style attributes and links. This mirrors `brandTheme` of
 * @himal/ui, which the domain layer may not import (lint layers); the fallbacks are ThemeSettings'
 * defaults.
 */
export interface MailBranding {
  name: string;
  logoUrl?: string;
  primary: string;
  onPrimary: string;
  accent: string;
  onAccent: string;
  background: string;
  text: string;
  /** Labels and footers: the text colour faded towards the background, readable on either theme. */
  muted: string;
  /** Hairlines between rows. */
  rule: string;
  fontFamily: string;
  supportEmail?: string;
  siteUrl: string;
}

const DEFAULTS = { primary: '#0f766e', accent: '#f59e0b', background: '#ffffff', text: '#0f172a' };
const HEX_COLOR = /^#[0-9a-f]{6}$/i;
// Font names go into a style attribute: letters, digits, spaces, hyphens, commas and quotes only,
// so a stored value cannot end the declaration.
const FONT_FAMILY = /^[a-z0-9 ,'"-]{1,100}$/i;
const SYSTEM_FONTS = `-apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif`;
// Deliberately loose (one @, no spaces or brackets): this only decides whether to print the address.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function color(value: string, fallback: string): string {
  return HEX_COLOR.test(value.trim()) ? value.trim().toLowerCase() : fallback;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((offset) => parseInt(hex.slice(offset, offset + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or near-black, whichever contrasts more with `background`. */
function readableOn(background: string): string {
  const l = luminance(background);
  return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance('#0f172a') + 0.05) ? '#ffffff' : '#0f172a';
}

/** `share` of `a` mixed into `b`. */
function mix(a: string, b: string, share: number): string {
  const [ca, cb] = [channels(a), channels(b)];
  return `#${ca
    .map((c, i) =>
      Math.round(c * share + cb[i]! * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export function mailBranding(agency: AgencyBranding): MailBranding {
  const primary = color(agency.primaryColor, DEFAULTS.primary);
  const accent = color(agency.accentColor, DEFAULTS.accent);
  const background = color(agency.backgroundColor, DEFAULTS.background);
  const text = color(agency.textColor, DEFAULTS.text);
  const font = agency.fontFamily.trim();
  const siteUrl = requireHttpUrl(agency.siteUrl, 'agency.siteUrl');
  const supportEmail = agency.supportEmail?.trim();
  return {
    name: agency.name.trim(),
    // A site-relative logo means nothing in a mailbox: it is made absolute on the agency's site.
    logoUrl: httpUrl(agency.logoUrl, siteUrl),
    primary,
    onPrimary: readableOn(primary),
    accent,
    onAccent: readableOn(accent),
    background,
    text,
    muted: mix(text, background, 0.7),
    rule: mix(text, background, 0.15),
    fontFamily: font === 'system-ui' || !FONT_FAMILY.test(font) ? SYSTEM_FONTS : `${font}, ${SYSTEM_FONTS}`,
    supportEmail: supportEmail && EMAIL.test(supportEmail) ? supportEmail : undefined,
    siteUrl,
  };
}
