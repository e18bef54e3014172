// A source's history: every revision newest first, each with what changed from the one before, field by field
// (texts by words; authors, identifiers and lists by their text forms); and a moderator's revert, which saves an
// earlier revision's record as a new revision (so the revert is history too).
import { authorLine, type SourceRecord, type SourceRevisionList } from '../../../../contracts/sources';
import { ensure, requireUser } from '../../../http/access';
import type { Ctx } from '../../../http/context';
import { badRequest, notFound } from '../../../http/errors';
import { decodeCursor, page } from '../../../http/pagination';
import { diffWords } from '../../../text/diff';
import { presentJoinedPerson } from '../../people';
import { canModerateSources } from '../policy';
import { findSource } from './repo';
import type { RevertBody, RevisionsQuery } from './schema';
import { saveRevision, sourceIdOf } from './write';

type Field = keyof SourceRecord;
const FIELDS: Field[] = [
  'kind',
  'title',
  'authors',
  'year',
  'publisher',
  'languages',
  'identifiers',
  'access',
  'summary',
  'skills',
];

/** A field as text, for the diff: authors as a line, identifiers one per line, lists comma-separated. */
function textOf(record: SourceRecord | null, field: Field): string {
  if (!record) return '';
  switch (field) {
    case 'authors':
      return authorLine(record.authors);
    case 'identifiers':
      return Object.entries(record.identifiers)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n');
    case 'languages':
    case 'skills':
      return record[field].join(', ');
    default:
      return record[field] === null ? '' : String(record[field]);
  }
}

/** What changed from `before` (null for the first revision) to `after`, fields that did not change left out. */
export function changesOf(before: SourceRecord | null, after: SourceRecord) {
  const lang = after.languages[0];
  return FIELDS.flatMap((field) => {
    const a = textOf(before, field);
    const b = textOf(after, field);
    return a === b ? [] : [{ field, diff: diffWords(a, b, lang) }];
  });
}

export async function sourceRevisions(ctx: Ctx, idParam: string, q: RevisionsQuery): Promise<SourceRevisionList> {
  const id = sourceIdOf(idParam);
  if (!(await findSource(ctx.db, id))) throw notFound();
  const after = decodeCursor(q.cursor, ['number']);
  // One revision more than the page (the next page's cursor) and one more again: the first one's predecessor.
  const rows = await ctx.db
    .selectFrom('source_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.revision', 'r.record', 'r.comment', 'r.created_at', 'u.username', 'u.display_name', 'u.public_fields'])
    .where('r.source_id', '=', id)
    .$if(after !== null, (b) => b.where('r.revision', '<', after![0]))
    .orderBy('r.revision', 'desc')
    .limit(q.limit + 2)
    .execute();
  const { items, next } = page(rows.slice(0, q.limit + 1), q.limit, (r) => [r.revision]);
  return {
    items: items.map((r, i) => ({
      revision: r.revision,
      author: presentJoinedPerson(r.username, r.display_name, r.public_fields),
      comment: r.comment,
      createdAt: r.created_at.toISOString(),
      changes: changesOf(rows[i + 1]?.record ?? null, r.record),
    })),
    next,
  };
}

export async function revertSource(ctx: Ctx, idParam: string, body: RevertBody) {
  const user = requireUser(ctx);
  const id = sourceIdOf(idParam);
  await ensure(ctx, canModerateSources(user), 'source.revert', { type: 'source', id });
  const old = await ctx.db
    .selectFrom('source_revisions')
    .select('record')
    .where('source_id', '=', id)
    .where('revision', '=', body.revision)
    .executeTakeFirst();
  if (!old) {
    if (!(await findSource(ctx.db, id))) throw notFound();
    throw badRequest([{ field: 'revision', message: 'sources-revision-unknown' }]);
  }
  return saveRevision(ctx, id, {
    next: () => old.record,
    baseRevision: null,
    comment: body.comment ?? '',
    // The revision was this source's own: its title passed once, only identifiers taken since by others refuse it.
    force: true,
    action: 'source.revert',
    details: { to: body.revision },
  });
}
