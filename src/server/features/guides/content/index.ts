// Every language the guides ship in. English first: it is the source.
import { AR } from './ar';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { HI } from './hi';
import { RU } from './ru';
import type { ShippedLanguage } from './types';

export { SHIPPED_PHASES, SHIPPED_SLUGS, type ShippedGuide, type ShippedLanguage, type ShippedSlug } from './types';

export const SHIPPED = { en: EN, ar: AR, es: ES, fr: FR, ru: RU, hi: HI } as const satisfies Record<
  string,
  ShippedLanguage
>;
