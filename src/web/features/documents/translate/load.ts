// Loader of the translation page: every unit of the document, the English source beside its translation in the
// language (from the path, or ?lang= of the chooser's form), with the source's word diff where outdated and a
// suggestion where an identical source text is translated elsewhere. Without a language: the chooser only.
import type { LoadContext } from '../../../state';
import type { TranslationView } from '../../../../contracts/documents';
import { bar, documentPath, languageName, languageOf, slugOf, timeText, type Bar } from '../common';
import { allLanguages, type LanguageChoice } from '../../communities';

export interface TranslatePageData {
  slug: string;
  /** Null: no language chosen yet (or English, which is edited as the source). */
  view: (TranslationView & { languageName: string; bar: Bar; times: Record<string, string> }) | null;
  /** Only the units that need work (?show=todo). */
  todo: boolean;
  /** Every language but English, by name, for the chooser (empty once a language is chosen). */
  choices: LanguageChoice[];
}

export async function loadTranslate(ctx: LoadContext): Promise<TranslatePageData> {
  const slug = slugOf(ctx);
  const lang = languageOf(ctx.route.params.lang) ?? languageOf(ctx.route.query.lang);
  const todo = ctx.route.query.show === 'todo';
  if (!lang || lang === 'en')
    return { slug, view: null, todo, choices: allLanguages(ctx.state.lang).filter((c) => c.code !== 'en') };
  const v = await ctx.api.get<TranslationView>(`${documentPath(slug)}/translations/${encodeURIComponent(lang)}`);
  const times: Record<string, string> = {};
  for (const u of v.units) if (u.translation) times[u.translation.updatedAt] ??= timeText(u.translation.updatedAt, ctx);
  return {
    slug,
    view: { ...v, languageName: languageName(v.language, ctx.state.lang), bar: bar(v.progress, ctx.state.lang), times },
    todo,
    choices: [],
  };
}
