// Loaders of the initiatives pages: on the server for the first paint, in the browser on navigation.
import type { LocationQuery } from 'vue-router';
import { query } from '../../api';
import type { LoadContext } from '../../state';
import { formatDate, formatDateTime } from '../../../contracts/time';
import { STAGES, type Stage } from '../../../contracts/initiatives';
import { allLanguages, languageNames, languagesNamed, queryString, type LanguageChoice } from '../communities';
import type {
  BoardAnswer,
  InitiativeDetail,
  InitiativeItem,
  InitiativeList,
} from '../../../contracts/initiatives-answers';

export const BOARD_SHOWN = 6;
export const PAGE_SIZE = 20;

/** The board's and archive's filters as the page's query holds them ('' when unset). */
export interface Filters {
  region: string;
  language: string;
  community: string;
  skill: string;
  stage: string;
  q: string;
  year: string;
  outcome: string;
}

export function filtersOf(q: LocationQuery): Filters {
  return {
    region: queryString(q.region),
    language: queryString(q.language),
    community: queryString(q.community),
    skill: queryString(q.skill),
    stage: queryString(q.stage),
    q: queryString(q.q).trim(),
    year: queryString(q.year),
    outcome: queryString(q.outcome),
  };
}

/** Only the filters that are set, for links and API calls. */
export function setOnly(f: Partial<Filters>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v) out[k] = v;
  return out;
}

export type Shown<T> = T & { createdText: string; endedText: string | null };

function shown<T extends InitiativeItem>(i: T, ctx: LoadContext): Shown<T> {
  const { lang, timeZone } = ctx.state;
  return {
    ...i,
    createdText: formatDateTime(i.createdAt, lang, timeZone),
    endedText: i.endedAt ? formatDateTime(i.endedAt, lang, timeZone) : null,
  };
}

interface FacetData {
  languages: LanguageChoice[];
  communities: { slug: string; name: string }[];
  names: Record<string, string>;
}

/** The groups as /communities lists them (the first hundred), for the idea form's choices. */
interface GroupsPage {
  items: { slug: string; name: string }[];
}

function facetsOf(ctx: LoadContext, f: Filters, res: BoardAnswer['facets'], items: InitiativeItem[]): FacetData {
  const codes = new Set(res.languages);
  if (f.language) codes.add(f.language);
  return {
    languages: languagesNamed([...codes], ctx.state.lang),
    communities: res.communities,
    names: languageNames(
      items.flatMap((i) => i.languages),
      ctx.state.lang,
    ),
  };
}

export interface BoardData extends FacetData {
  filters: Filters;
  matching: boolean;
  counts: Record<string, number>;
  total: number;
  /** Without a stage (and not matching): the newest few of each stage. */
  sections: { stage: Stage; items: Shown<InitiativeItem>[] }[];
  /** With a stage or "matching me": one list, paged. */
  list: { items: Shown<InitiativeItem>[]; next: string | null; cursor: string } | null;
  error: string | null;
}

export async function loadBoard(ctx: LoadContext): Promise<BoardData> {
  const f = filtersOf(ctx.route.query);
  const matching = queryString(ctx.route.query.matching) === 'me' && !!ctx.state.user;
  const cursor = queryString(ctx.route.query.cursor);
  const common = { region: f.region, language: f.language, community: f.community, skill: f.skill };
  const stage = (STAGES as readonly string[]).includes(f.stage) ? (f.stage as Stage) : null;
  const paged = !!(stage || matching);
  // One call for the overview; a paged list adds its page, and the overview then lists no stage's newest.
  const [board, res] = await Promise.all([
    ctx.api.get<BoardAnswer>(`/initiatives/board${query({ ...common, shown: paged ? 0 : BOARD_SHOWN })}`),
    paged
      ? ctx.api.get<InitiativeList>(
          `/initiatives${query({ ...common, stage: stage ?? undefined, matching: matching ? 'me' : undefined, cursor, limit: PAGE_SIZE })}`,
        )
      : null,
  ]);
  const list = res ? { items: res.items.map((i) => shown(i, ctx)), next: res.next, cursor } : null;
  const sections = paged
    ? []
    : board.sections.map((s) => ({ stage: s.stage, items: s.items.map((i) => shown(i, ctx)) }));
  const items = list ? list.items : sections.flatMap((s) => s.items);
  return {
    filters: f,
    matching,
    counts: board.counts,
    total: board.total,
    sections,
    list,
    error: null,
    ...facetsOf(ctx, f, board.facets, items),
  };
}

export interface InitiativeData {
  initiative: Shown<InitiativeDetail>;
  names: Record<string, string>;
  dates: Record<string, string>;
  times: Record<string, string>;
}

export async function loadInitiative(ctx: LoadContext): Promise<InitiativeData> {
  const i = await ctx.api.get<InitiativeDetail>(`/initiatives/${encodeURIComponent(String(ctx.route.params.id))}`);
  const { lang, timeZone } = ctx.state;
  const dates: Record<string, string> = {};
  const day = (d: string | null | undefined) => {
    if (d) dates[d] ??= formatDate(d, lang);
  };
  if (i.callDetail) [i.callDetail.start, i.callDetail.end, i.callDetail.deadline].forEach(day);
  day(i.evaluation?.followUp);
  const times: Record<string, string> = {};
  for (const t of [i.lastActivityAt, ...i.updates.map((u) => u.createdAt), ...i.waitingList.map((s) => s.createdAt)])
    times[t] ??= formatDateTime(t, lang, timeZone);
  const codes = [...i.languages, ...(i.evaluation?.reached.map((r) => r.language) ?? [])];
  return { initiative: shown(i, ctx), names: languageNames(codes, lang), dates, times };
}

export interface NewData {
  signedIn: boolean;
  languages: LanguageChoice[];
  communities: { slug: string; name: string }[];
}

export async function loadNew(ctx: LoadContext): Promise<NewData> {
  if (!ctx.state.user) return { signedIn: false, languages: [], communities: [] };
  const groups = await ctx.api.get<GroupsPage>('/communities?limit=100');
  return {
    signedIn: true,
    languages: allLanguages(ctx.state.lang),
    communities: groups.items.map((g) => ({ slug: g.slug, name: g.name })),
  };
}

export interface EditData {
  initiative: InitiativeDetail;
  languages: LanguageChoice[];
  communities: { slug: string; name: string }[];
}

export async function loadEdit(ctx: LoadContext): Promise<EditData> {
  const [initiative, groups] = await Promise.all([
    ctx.api.get<InitiativeDetail>(`/initiatives/${encodeURIComponent(String(ctx.route.params.id))}`),
    ctx.api.get<GroupsPage>('/communities?limit=100'),
  ]);
  // The groups it names stay choosable even beyond the first hundred.
  const communities = groups.items.map((g) => ({ slug: g.slug, name: g.name }));
  for (const c of initiative.communities) if (!communities.some((g) => g.slug === c.slug)) communities.push(c);
  return { initiative, languages: allLanguages(ctx.state.lang), communities };
}
