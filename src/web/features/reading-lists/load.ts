// Loaders of the reading list pages: on the server for the first paint, in the browser on navigation.
import type { LoadContext } from '../../state';
import { formatDate } from '../../../contracts/time';
import type { ReadingList } from '../../../contracts/sources';
import type { PersonAnswer } from '../../../contracts/people';
import { queryString } from '../communities';

export interface ReadingListData {
  list: ReadingList;
  updatedText: string;
}

export async function loadReadingList(ctx: LoadContext): Promise<ReadingListData> {
  const list = await ctx.api.get<ReadingList>(`/reading-lists/${encodeURIComponent(String(ctx.route.params.id))}`);
  return { list, updatedText: formatDate(list.updatedAt, ctx.state.lang) };
}

export interface NewReadingListData {
  signedIn: boolean;
  /** The groups whose lists the viewer may keep: where they coordinate or are a current ambassador. */
  groups: { slug: string; name: string }[];
  /** The group asked for in the address (`?community=`), when it is one of them. */
  community: string;
}

export async function loadNewReadingList(ctx: LoadContext): Promise<NewReadingListData> {
  const user = ctx.state.user;
  if (!user) return { signedIn: false, groups: [], community: '' };
  const me = await ctx.api.get<PersonAnswer>(`/people/${encodeURIComponent(user.username.replace(/ /g, '_'))}`);
  const groups = new Map<string, string>();
  for (const g of me.groups) if (g.role === 'coordinator') groups.set(g.slug, g.name);
  for (const term of me.ambassadorTerms) if (term.current) groups.set(term.slug, term.name);
  const asked = queryString(ctx.route.query.community);
  return {
    signedIn: true,
    groups: [...groups].map(([slug, name]) => ({ slug, name })),
    community: groups.has(asked) ? asked : '',
  };
}
