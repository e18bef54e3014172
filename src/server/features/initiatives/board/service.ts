// The board (/initiatives): initiatives newest first with its filters, the counts per stage, what the filters
// offer, and its overview (the newest few of each stage) in one answer. What the board lists is the same for
// everyone (initiatives hidden by moderation leave it for all), so an instance keeps its answers until the
// content changes (http/content-cache.ts); "open calls matching me" is kept by the person's languages, region
// and skills, which are all that answer depends on.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BOARD_STAGES, STAGES } from '../../../contracts/initiatives';
import { VersionedCache } from '../../http/content-cache';
import { badRequest, type FieldError } from '../../http/errors';
import { decodeTimeIdCursor, page } from '../../http/pagination';
import { requireUser } from '../../http/permissions';
import { todayOf } from './access';
import { checkSharedFilters, communityFilter } from './filters';
import { presentItem } from './present';
import { communitiesOf, countByStage, facets, leadsOf, listInitiatives, profileOf, type Filters, type InitiativeRow } from './repo';
import type { BoardQuery, CountsQuery, ListQuery } from './schema';

type Item = ReturnType<typeof presentItem>;
interface ListAnswer {
  items: Item[];
  next: string | null;
}
type BoardAnswer = Awaited<ReturnType<typeof readBoard>>;

const keptLists = new VersionedCache<ListAnswer>(500);
const keptBoards = new VersionedCache<BoardAnswer>(200);

/** The board's filters from a query: malformed values are a 400 naming the parameter; an unknown group matches nothing. */
async function filtersOf(app: FastifyInstance, q: Partial<ListQuery>): Promise<Filters> {
  const errors: FieldError[] = [];
  const f: Filters = checkSharedFilters(q, errors);
  if (q.stage) {
    if ((STAGES as readonly string[]).includes(q.stage)) f.stage = q.stage;
    else errors.push({ field: 'stage', message: 'validation-invalid-choice' });
  }
  if (q.q && q.q.trim()) f.q = q.q.trim();
  if (errors.length) throw badRequest(errors);
  return { ...f, ...(await communityFilter(app, q.community)) };
}

/** Rows with their groups and leads: two queries, whatever their number. */
async function withPeople(app: FastifyInstance, rows: InitiativeRow[]): Promise<Item[]> {
  const ids = rows.map((r) => r.id);
  const [communities, leads] = await Promise.all([communitiesOf(app.db, ids), leadsOf(app.db, ids)]);
  return rows.map((r) => presentItem(r, communities, leads));
}

export async function listPage(app: FastifyInstance, req: FastifyRequest, q: ListQuery): Promise<ListAnswer> {
  const f = await filtersOf(app, q);
  const today = todayOf(app);
  if (q.matching !== undefined) {
    if (q.matching !== 'me') throw badRequest([{ field: 'matching', message: 'validation-invalid-choice' }]);
    const user = requireUser(req);
    const p = await profileOf(app.db, user.id);
    f.matching = { languages: p?.languages ?? [], region: p?.region ?? null, skills: p?.interests ?? [], today };
  }
  const after = decodeTimeIdCursor(q.cursor);
  // The day is in the key: calls close after their deadline's day.
  return keptLists.get(app.db, JSON.stringify([f, today, after, q.limit]), async () => {
    const rows = await listInitiatives(app.db, f, today, after, q.limit);
    const { items, next } = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: await withPeople(app, items), next };
  });
}

async function countsOf(app: FastifyInstance, f: Filters) {
  const counts = await countByStage(app.db, f);
  const all = Object.fromEntries(STAGES.map((s) => [s, counts[s] ?? 0]));
  return { counts: all, total: Object.values(all).reduce((a, b) => a + b, 0) };
}

export async function stageCounts(app: FastifyInstance, q: CountsQuery) {
  return countsOf(app, await filtersOf(app, q));
}

export const filterChoices = (app: FastifyInstance) => facets(app.db);

async function readBoard(app: FastifyInstance, f: Filters, today: string, shown: number) {
  const [counts, choices, rows] = await Promise.all([
    countsOf(app, f),
    facets(app.db),
    Promise.all(BOARD_STAGES.map(async (stage) => (shown ? (await listInitiatives(app.db, { ...f, stage }, today, null, shown)).slice(0, shown) : []))),
  ]);
  const items = await withPeople(app, rows.flat());
  const byId = new Map(items.map((i) => [i.id, i]));
  return { ...counts, facets: choices, sections: BOARD_STAGES.map((stage, n) => ({ stage, items: rows[n].map((r) => byId.get(String(r.id))!) })) };
}

/** The board at a glance, with the filters (but no stage): counts, the filters' choices and each stage's newest. */
export async function boardOverview(app: FastifyInstance, q: BoardQuery): Promise<BoardAnswer> {
  const f = await filtersOf(app, { region: q.region, language: q.language, community: q.community, skill: q.skill });
  const today = todayOf(app);
  return keptBoards.get(app.db, JSON.stringify([f, today, q.shown]), () => readBoard(app, f, today, q.shown));
}
