// The board (/initiatives): initiatives newest first with its filters, the counts per stage, what the filters
// offer, and its overview (the newest few of each stage) in one answer. What the board lists is the same for
// everyone (initiatives hidden by moderation leave it for all), so an instance keeps its answers until the
// content changes (http/content-cache.ts); "open calls matching me" is kept by the person's languages, region
// and skills, which are all that answer depends on.
import { BOARD_STAGES, STAGES } from '../../../../contracts/initiatives';
import type {
  BoardAnswer,
  CountsAnswer,
  FacetsAnswer,
  InitiativeItem,
  InitiativeList,
} from '../../../../contracts/initiatives-answers';
import type { Db } from '../../../db/connection';
import type { Ctx } from '../../../http/context';
import { requireUser } from '../../../http/access';
import { VersionedCache } from '../../../http/content-cache';
import { badRequest, type FieldError } from '../../../http/errors';
import { decodeTimeIdCursor, page } from '../../../http/pagination';
import { todayOf } from '../access';
import { checkSharedFilters, communityFilter } from '../filters';
import { presentItem } from '../present';
import { communitiesOf, leadsOf, type InitiativeRow } from '../repo';
import { countByStage, facets, listInitiatives, profileOf, type Filters } from './repo';
import type { BoardQuery, CountsQuery, ListQuery } from './schema';

const keptLists = new VersionedCache<InitiativeList>('initiatives.board-lists');
const keptBoards = new VersionedCache<BoardAnswer>('initiatives.boards');

/** The board's filters from a query: malformed values are a 400 naming the parameter; an unknown group matches nothing. */
async function filtersOf(db: Db, q: Partial<ListQuery>): Promise<Filters> {
  const errors: FieldError[] = [];
  const f: Filters = checkSharedFilters(q, errors);
  if (q.stage) {
    if ((STAGES as readonly string[]).includes(q.stage)) f.stage = q.stage;
    else errors.push({ field: 'stage', message: 'validation-invalid-choice' });
  }
  if (q.q && q.q.trim()) f.q = q.q.trim();
  if (errors.length) throw badRequest(errors);
  return { ...f, ...(await communityFilter(db, q.community)) };
}

/** Rows with their groups and leads: two queries, whatever their number. */
async function withPeople(db: Db, rows: InitiativeRow[]): Promise<InitiativeItem[]> {
  const ids = rows.map((r) => r.id);
  const [communities, leads] = await Promise.all([communitiesOf(db, ids), leadsOf(db, ids)]);
  return rows.map((r) => presentItem(r, communities, leads));
}

/** GET /initiatives: anyone may read the board; "open calls matching me" needs a signed-in person. */
export async function listPage(ctx: Ctx, q: ListQuery): Promise<InitiativeList> {
  const f = await filtersOf(ctx.db, q);
  const today = todayOf(ctx);
  if (q.matching !== undefined) {
    if (q.matching !== 'me') throw badRequest([{ field: 'matching', message: 'validation-invalid-choice' }]);
    const user = requireUser(ctx);
    const p = await profileOf(ctx.db, user.id);
    f.matching = { languages: p?.languages ?? [], region: p?.region ?? null, skills: p?.interests ?? [], today };
  }
  const after = decodeTimeIdCursor(q.cursor);
  // The day is in the key: calls close after their deadline's day.
  return keptLists.get(ctx.db, JSON.stringify([f, today, after, q.limit]), async () => {
    const rows = await listInitiatives(ctx.db, f, today, after, q.limit);
    const { items, next } = page(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: await withPeople(ctx.db, items), next };
  });
}

async function countsOf(db: Db, f: Filters): Promise<CountsAnswer> {
  const counts = await countByStage(db, f);
  const all = Object.fromEntries(STAGES.map((s) => [s, counts[s] ?? 0]));
  return { counts: all, total: Object.values(all).reduce((a, b) => a + b, 0) };
}

/** GET /initiatives/counts: anyone. */
export async function stageCounts(ctx: Ctx, q: CountsQuery): Promise<CountsAnswer> {
  return countsOf(ctx.db, await filtersOf(ctx.db, q));
}

/** GET /initiatives/facets: anyone. */
export const filterChoices = (ctx: Ctx): Promise<FacetsAnswer> => facets(ctx.db);

async function readBoard(db: Db, f: Filters, today: string, shown: number): Promise<BoardAnswer> {
  const [counts, choices, rows] = await Promise.all([
    countsOf(db, f),
    facets(db),
    Promise.all(
      BOARD_STAGES.map(async (stage) =>
        shown ? (await listInitiatives(db, { ...f, stage }, today, null, shown)).slice(0, shown) : [],
      ),
    ),
  ]);
  const items = await withPeople(db, rows.flat());
  const byId = new Map(items.map((i) => [i.id, i]));
  const sections = BOARD_STAGES.map((stage, n) => ({
    stage,
    items: (rows[n] ?? []).flatMap((r) => byId.get(String(r.id)) ?? []),
  }));
  return { ...counts, facets: choices, sections };
}

/** GET /initiatives/board: anyone. The board at a glance, with the filters (but no stage): counts, the filters' choices and each stage's newest. */
export async function boardOverview(ctx: Ctx, q: BoardQuery): Promise<BoardAnswer> {
  const f = await filtersOf(ctx.db, { region: q.region, language: q.language, community: q.community, skill: q.skill });
  const today = todayOf(ctx);
  return keptBoards.get(ctx.db, JSON.stringify([f, today, q.shown]), () => readBoard(ctx.db, f, today, q.shown));
}
