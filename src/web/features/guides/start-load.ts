// The "start an initiative" flow's data: the Define guide's checklist (the explanations beside each step),
// in the reader's language, and the languages and groups to choose from.
import type { LoadContext } from '../../state';
import { allLanguages, type LanguageChoice } from '../communities';
import type { GuideDetail } from '../../../contracts/guides';
import { textDir } from './phases';

export interface GuideNote {
  text: string;
  language: string;
  dir: 'ltr' | 'rtl';
}

export interface StartData {
  signedIn: boolean;
  /** The Define guide's title and checklist items by key; null when the guide is missing. */
  guide: { title: string; language: string; dir: 'ltr' | 'rtl'; items: Record<string, GuideNote> } | null;
  languages: LanguageChoice[];
  /** The first groups of the directory; more are found by searching. */
  groups: { slug: string; name: string }[];
}

export async function loadStart(ctx: LoadContext): Promise<StartData> {
  const [guide, groups] = await Promise.all([
    ctx.api.get<GuideDetail>('/guides/define').catch(() => null),
    ctx.api.get<{ items: { slug: string; name: string }[] }>('/communities?limit=100'),
  ]);
  const items: Record<string, GuideNote> = {};
  for (const i of guide?.checklist ?? [])
    items[i.key] = { text: i.text, language: i.language, dir: textDir(i.language) };
  return {
    signedIn: !!ctx.state.user,
    guide: guide ? { title: guide.title, language: guide.language, dir: textDir(guide.language), items } : null,
    languages: allLanguages(ctx.state.lang),
    groups: groups.items.map((g) => ({ slug: g.slug, name: g.name })),
  };
}
