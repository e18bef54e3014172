// Loaders of the Community Updates pages: they run on the server for the first paint and in the browser on
// navigation, through the JSON API.
import { query } from '../../api';
import type { LoadContext } from '../../state';
import type {
  CommunityRef,
  PostableCommunities,
  UpdateDetail,
  UpdateFilters,
  UpdateItem,
  UpdateList,
} from '../../../contracts/updates';
import { LANGUAGE_CODE, languageName, queryString, shown, type Shown } from './format';

export const PAGE_SIZE = 20;

export interface UpdatesPageData {
  items: Shown<UpdateItem>[];
  next: string | null;
  filters: { communities: CommunityRef[]; languages: { code: string; name: string }[] };
  query: { community: string; language: string; cursor: string };
}

export async function loadUpdates({ api, route, state }: LoadContext): Promise<UpdatesPageData> {
  const language = queryString(route.query.language);
  // A mistyped ?language= lists every language rather than showing an error page.
  const q = {
    community: queryString(route.query.community),
    language: LANGUAGE_CODE.test(language) ? language : '',
    cursor: queryString(route.query.cursor),
  };
  const [list, filters] = await Promise.all([
    api.get<UpdateList>(`/updates${query({ ...q, limit: PAGE_SIZE })}`),
    api.get<UpdateFilters>('/updates/filters'),
  ]);
  const languages = filters.languages
    .map((code) => ({ code, name: languageName(code, state.lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, state.lang));
  return {
    items: list.items.map((u) => shown(u, state)),
    next: list.next,
    filters: { communities: filters.communities, languages },
    query: q,
  };
}

export async function loadUpdate({ api, route, state }: LoadContext): Promise<Shown<UpdateDetail>> {
  return shown(await api.get<UpdateDetail>(`/updates/${encodeURIComponent(String(route.params.id))}`), state);
}

export interface NewUpdateData {
  signedIn: boolean;
  communities: CommunityRef[];
}

export async function loadPostable({ api, state }: LoadContext): Promise<NewUpdateData> {
  if (!state.user) return { signedIn: false, communities: [] };
  const res = await api.get<PostableCommunities>('/updates/postable-communities');
  return { signedIn: true, communities: res.items };
}
