import { brandThemeCss, type BrandTheme } from './brand-theme.ts';

/**
 * Puts the tenant's colours on `:root`. A `<style>` element with the request's CSP nonce, because the
 * policy allows no inline `style` attributes.
 */
export function BrandStyle({ theme, nonce }: { theme: BrandTheme; nonce: string | undefined }) {
  return <style nonce={nonce}>{brandThemeCss(theme)}</style>;
}
