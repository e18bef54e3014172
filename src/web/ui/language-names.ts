// Each interface language's name in itself, so people find their own.
import type { UiLanguage } from '../../contracts/languages';

export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  ar: 'العربية',
  es: 'español',
  fr: 'français',
  ru: 'русский',
  hi: 'हिन्दी',
};
