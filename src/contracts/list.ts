// Lists shown to people (names, regions, languages, skills) joined as their language joins a list: "A وB" in
// Arabic, "A y B" in Spanish, "A और B" in Hindi, not with an English comma. The narrow conjunction suits lists
// that follow a label or sit among facts, and keeps English as it was ("A, B, C"); 'unit' would join Russian
// ones with bare spaces. Formatters are cached per language, as in time.ts. Shared by the server and the pages.

const formats = new Map<string, Intl.ListFormat>();

export function formatList(items: readonly string[], lang: string): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'conjunction', style: 'narrow' });
    formats.set(lang, format);
  }
  return format.format(items);
}
