// Names of languages by MediaWiki code, in the viewer's interface language (Intl.DisplayNames), without the
// list of codes, so pages that only show names stay small.
// MediaWiki codes that are not BCP 47 tags (or mean something else as BCP 47), mapped to the tag Intl knows.
const BCP47: Record<string, string> = {
  als: 'gsw',
  'bat-smg': 'sgs',
  'be-x-old': 'be-tarask',
  'fiu-vro': 'vro',
  'map-bms': 'jv',
  mo: 'ro-MD',
  nrm: 'nrf',
  'roa-rup': 'rup',
  'roa-tara': 'nap',
  'sr-ec': 'sr-Cyrl',
  'sr-el': 'sr-Latn',
  'zh-classical': 'lzh',
  'zh-min-nan': 'nan',
  'zh-yue': 'yue',
  'kk-cn': 'kk-Arab-CN',
  'kk-tr': 'kk-Latn-TR',
  'kk-kz': 'kk-Cyrl-KZ',
  'crh-ro': 'crh-RO',
  'nan-latn-pehoeji': 'nan-Latn-pehoeji',
  'nan-latn-tailo': 'nan-Latn-tailo',
};

/** The BCP 47 tag for a MediaWiki code: scripts in title case, regions in upper case. */
export function toBcp47(code: string): string {
  const known = BCP47[code];
  if (known) return known;
  return code
    .split('-')
    .map((part, i) => {
      if (i === 0) return part;
      if (part.length === 4 && /^[a-z]+$/.test(part)) return part.charAt(0).toUpperCase() + part.slice(1);
      if (part.length === 2 || /^\d{3}$/.test(part)) return part.toUpperCase();
      return part;
    })
    .join('-');
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** The language's name in the given interface language, or the code when the runtime has no name for it. */
export function languageName(code: string, lang: string): string {
  let names = displayNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'language', fallback: 'code' });
    } catch {
      names = null;
    }
    displayNames.set(lang, names);
  }
  try {
    const tag = toBcp47(code);
    const name = names?.of(tag);
    // Intl answers the tag itself when it knows no name: show the MediaWiki code people recognise.
    if (!name || name === tag || name.toLowerCase() === tag.toLowerCase()) return code;
    return name;
  } catch {
    return code;
  }
}
