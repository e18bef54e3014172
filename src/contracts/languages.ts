// Interface languages (those with a complete i18n/<code>.json) and the right-to-left ones.
export const UI_LANGUAGES = ['en', 'ar', 'es', 'fr', 'ru', 'hi'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const RTL = new Set([
  'ar',
  'arz',
  'fa',
  'he',
  'ur',
  'ckb',
  'ps',
  'sd',
  'ug',
  'yi',
  'dv',
  'skr-arab',
  'azb',
  'mzn',
  'glk',
  'lrc',
  'bqi',
  'ks-arab',
  'pnb',
]);

export const isRtl = (code: string): boolean => RTL.has(code);
export const isUiLanguage = (code: string): code is UiLanguage => (UI_LANGUAGES as readonly string[]).includes(code);

/** Picks the interface language from an Accept-Language header, or null when none is offered. */
export function fromAcceptLanguage(header: string | undefined): UiLanguage | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (isUiLanguage(tag)) return tag;
    const [base = ''] = tag.split('-');
    if (isUiLanguage(base)) return base;
  }
  return null;
}
