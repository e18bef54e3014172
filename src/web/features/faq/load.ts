// The FAQ page's data: the entries in the language asked for (?language=xx), else the interface language,
// falling back to English on the server when a language has none.
import type { FaqList } from '../../../contracts/faq';
import { query } from '../../api';
import type { LoadContext } from '../../state';
import { LANGUAGE_CODE, languageName, queryString } from '../updates';

export interface FaqPageData extends FaqList {
  requested: string;
  languageName: string;
  requestedName: string;
  others: { code: string; name: string }[];
}

export async function fetchFaq(ctx: Pick<LoadContext, 'api' | 'state'>, requested: string): Promise<FaqPageData> {
  const list = await ctx.api.get<FaqList>(`/faq${query({ language: requested })}`);
  return decorateFaq(list, requested, ctx.state.lang);
}

export function decorateFaq(list: FaqList, requested: string, lang: string): FaqPageData {
  return {
    ...list,
    requested,
    languageName: languageName(list.language, lang),
    requestedName: languageName(requested, lang),
    others: list.languages
      .filter((code) => code !== list.language)
      .map((code) => ({ code, name: languageName(code, lang) }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),
  };
}

export function loadFaq(ctx: LoadContext) {
  const asked = queryString(ctx.route.query.language);
  // A mistyped ?language= shows the interface language rather than an error page.
  return fetchFaq(ctx, LANGUAGE_CODE.test(asked) ? asked : ctx.state.lang);
}
