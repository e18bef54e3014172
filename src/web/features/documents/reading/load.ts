// Loader of a document in a language (`?lang=`, else the interface language; `?revision=` for an older one):
// its units as the API marks them, its bars and adaptations with names, and the languages to switch to.
import type { LoadContext } from '../../../state';
import type { DocumentDetail, MarkedText } from '../../../../contracts/documents';
import { query } from '../../../api';
import { UI_LANGUAGES } from '../../../../contracts/languages';
import { bar, documentPath, languageName, languageOf, slugOf, type Bar } from '../common';

export interface SwitchLanguage {
  code: string;
  name: string;
  /** Its bar's "% translated", null for an interface language with no translation yet. */
  percent: number | null;
}

export interface DocumentPageData extends DocumentDetail {
  requestedName: string;
  bar: Bar;
  bars: Bar[];
  /** Languages to read it in: those with a bar, then the interface languages. */
  switchTo: SwitchLanguage[];
  /** Language names of the units' and adaptations' languages. */
  names: Record<string, string>;
}

export async function loadDocument(ctx: LoadContext): Promise<DocumentPageData> {
  const lang = languageOf(ctx.route.query.lang) ?? ctx.state.lang;
  const r = ctx.route.query.revision;
  const revision = typeof r === 'string' && /^\d+$/.test(r) ? r : undefined;
  const d = await ctx.api.get<DocumentDetail>(`${documentPath(slugOf(ctx))}${query({ lang, revision })}`);
  return decorate(d, ctx);
}

export function decorate(d: DocumentDetail, ctx: Pick<LoadContext, 'state'>): DocumentPageData {
  const ui = ctx.state.lang;
  const bars = d.languages.map((l) => bar(l, ui));
  const switchTo: SwitchLanguage[] = bars.map((b) => ({ code: b.language, name: b.name, percent: b.percent }));
  for (const code of ['en', ...UI_LANGUAGES])
    if (!switchTo.some((s) => s.code === code)) switchTo.push({ code, name: languageName(code, ui), percent: null });
  const names: Record<string, string> = {};
  for (const code of [...d.units.map((u) => u.language), ...d.adaptations.map((a) => a.language)])
    names[code] ??= languageName(code, ui);
  return {
    ...d,
    requestedName: languageName(d.requested, ui),
    bar: bar(d.progress, ui),
    bars,
    switchTo,
    names,
  };
}

export interface SourcePageData extends DocumentDetail {
  /** The whole source with its markers (the title first, as T:0), as admins edit it at once. */
  marked: string;
  /** The revision the marked text is of (the one its save sends). */
  markedRevision: number;
}

/** The English source, for admins' editing (others see it read-only: the API refuses them the marked text). */
export async function loadSource(ctx: LoadContext): Promise<SourcePageData> {
  const path = documentPath(slugOf(ctx));
  const d = await ctx.api.get<DocumentDetail>(`${path}?lang=en`);
  const text = d.can.edit ? await ctx.api.get<MarkedText>(`${path}/text`) : { revision: d.revision, markdown: '' };
  return { ...d, marked: text.markdown, markedRevision: text.revision };
}
