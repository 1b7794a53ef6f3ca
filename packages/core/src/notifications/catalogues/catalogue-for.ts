import { en } from './en.ts';
import type { MessageCatalogue } from './message-catalogue.ts';
import { ne } from './ne.ts';

/** The languages traveller mail is written in; adding one is a catalogue file and a line here. */
export const MAIL_CATALOGUES = { en, ne } satisfies Record<string, MessageCatalogue>;
export type MailLanguage = keyof typeof MAIL_CATALOGUES;

export interface ResolvedLanguage {
  language: MailLanguage;
  catalogue: MessageCatalogue;
  /** What Intl formats with: the traveller's own tag when it is of this language (`en-US`), else the catalogue's. */
  locale: string;
}

function isMailLanguage(value: string): value is MailLanguage {
  return Object.hasOwn(MAIL_CATALOGUES, value);
}

/** The traveller's language (`ne`, `ne-NP`, `EN-us`), falling back to English for any other. */
export function resolveLanguage(tag: string): ResolvedLanguage {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    canonical = undefined;
  }
  const primary = canonical?.split('-')[0]?.toLowerCase() ?? '';
  if (!canonical || !isMailLanguage(primary)) return { language: 'en', catalogue: en, locale: en.locale };
  const catalogue = MAIL_CATALOGUES[primary];
  return { language: primary, catalogue, locale: canonical === primary ? catalogue.locale : canonical };
}
