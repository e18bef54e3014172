// Loaders of the guides pages: on the server for the first paint, in the browser on navigation. Language
// names and times are computed here so the browser hydrates with the server's strings.
import { query } from '../../api';
import type { LoadContext } from '../../state';
import { formatDateTime } from '../../../contracts/time';
import { languageName } from '../../../contracts/language-names';
import { LANGUAGE_CODE, queryString } from '../updates';
import { allLanguages, type CodeName } from '../communities';
import type {
  GuideDetail,
  GuideList,
  GuideRevisionItem,
  GuideRevisionList,
  SourceChanges,
} from '../../../contracts/guides';
import { textDir } from './phases';

export interface NamedLanguage {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
  outdated: boolean;
}

/** A ?lang= that looks like a language code, else undefined (the interface language then). */
export const askedLanguage = (ctx: Pick<LoadContext, 'route'>): string | undefined => {
  const asked = queryString(ctx.route.query.lang);
  return LANGUAGE_CODE.test(asked) ? asked : undefined;
};

export interface GuidesPageData extends GuideList {
  requestedName: string;
  /** The names of the languages guides are shown in (a fallback may be another than English). */
  names: Record<string, string>;
}

export async function loadGuides(ctx: LoadContext): Promise<GuidesPageData> {
  const list = await ctx.api.get<GuideList>(`/guides${query({ lang: askedLanguage(ctx) })}`);
  const names = Object.fromEntries(list.items.map((g) => [g.language, languageName(g.language, ctx.state.lang)]));
  return { ...list, requestedName: languageName(list.requested, ctx.state.lang), names };
}

export interface GuidePageData extends GuideDetail {
  dir: 'ltr' | 'rtl';
  languageName: string;
  requestedName: string;
  updatedText: string;
  /** The other languages the guide is written in, by name. */
  others: NamedLanguage[];
}

function decorate(g: GuideDetail, ctx: Pick<LoadContext, 'state'>): GuidePageData {
  const lang = ctx.state.lang;
  const collator = new Intl.Collator(lang);
  return {
    ...g,
    dir: textDir(g.language),
    languageName: languageName(g.language, lang),
    requestedName: languageName(g.requested, lang),
    updatedText: formatDateTime(g.updatedAt, lang, ctx.state.timeZone),
    others: g.languages
      .filter((l) => l.language !== g.language)
      .map((l) => ({
        code: l.language,
        name: languageName(l.language, lang),
        dir: textDir(l.language),
        outdated: l.outdated,
      }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}

const guidePath = (ctx: Pick<LoadContext, 'route'>) => `/guides/${encodeURIComponent(String(ctx.route.params.slug))}`;

export async function loadGuide(ctx: LoadContext): Promise<GuidePageData> {
  return decorate(await ctx.api.get<GuideDetail>(`${guidePath(ctx)}${query({ lang: askedLanguage(ctx) })}`), ctx);
}

export interface ShownRevision extends GuideRevisionItem {
  createdText: string;
}

export interface GuideEditData {
  /** The language being edited. */
  language: string;
  languageName: string;
  dir: 'ltr' | 'rtl';
  /** The language has a version (else this adds one). */
  exists: boolean;
  /** The version as it is, or the English one when the language has none yet. */
  guide: GuidePageData;
  /** The English version (the same as `guide` when editing English). */
  source: GuideDetail;
  revisions: ShownRevision[];
  moreRevisions: boolean;
  changes: SourceChanges | null;
  /** Every language, by name, for choosing another one to edit or add. */
  choices: CodeName[];
}

export async function loadGuideEdit(ctx: LoadContext): Promise<GuideEditData> {
  const language = askedLanguage(ctx) ?? ctx.state.lang;
  const base = guidePath(ctx);
  const guide = decorate(await ctx.api.get<GuideDetail>(`${base}?lang=${encodeURIComponent(language)}`), ctx);
  const exists = !guide.fallback;
  const source = language === 'en' ? guide : await ctx.api.get<GuideDetail>(`${base}?lang=en`);
  const version = `${base}/versions/${encodeURIComponent(language)}`;
  const history = exists
    ? await ctx.api.get<GuideRevisionList>(`${version}/revisions?limit=20`)
    : { items: [], next: null };
  const changes = exists && guide.outdated ? await ctx.api.get<SourceChanges>(`${version}/source-changes`) : null;
  return {
    language,
    languageName: languageName(language, ctx.state.lang),
    dir: textDir(language),
    exists,
    guide,
    source,
    revisions: history.items.map((r) => ({
      ...r,
      createdText: formatDateTime(r.createdAt, ctx.state.lang, ctx.state.timeZone),
    })),
    moreRevisions: history.next !== null,
    changes,
    choices: allLanguages(ctx.state.lang),
  };
}
