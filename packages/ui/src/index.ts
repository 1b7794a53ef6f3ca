// Himal's shared UI: tenant theming and the components both apps render.
export { brandTheme, brandThemeCss, PLATFORM_BRAND, type BrandSettings, type BrandTheme } from './theme/brand-theme.ts';
export { BrandStyle } from './theme/brand-style.tsx';
export { BrandMark } from './components/brand-mark.tsx';
export { RidgeLine } from './components/ridge-line.tsx';
export { NotFoundPage } from './components/not-found-page.tsx';
