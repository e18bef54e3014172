// Adding a source and editing its record: anyone signed in and not suspended. Each save is a revision (the whole
// record, kept in source_revisions) written in the same transaction as the row; an edit names the revision it
// started from and is a 409 when the source changed after it. Duplicates are refused as duplicates.ts says.
import type { SourceDetail, SourceRecord } from '../../../../contracts/sources';
import { transact } from '../../../db/transact';
import { ensure, requireUser } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { conflict, notFound } from '../../../http/errors';
import { parseId } from '../../conversations';
import { canEditSources } from '../policy';
import { toRecord } from '../schema';
import { sourceDetailOf } from './detail';
import { answeringDuplicates, refuseDuplicates } from './duplicates';
import { insertSource, keysOf, lockSource, updateSource } from './repo';
import type { CreateBody, PatchBody } from './schema';
import { recordOfRow } from '../records-of-rows';

export async function createSource(ctx: Ctx, body: CreateBody): Promise<SourceDetail> {
  const user = requireUser(ctx);
  await ensure(ctx, canEditSources(user, ctx.now), 'source.create');
  const { force, ...input } = body;
  const record = toRecord(input);
  await refuseDuplicates(ctx.db, record, { exceptId: null, force: !!force, titleChanged: true });
  const id = await answeringDuplicates(
    ctx.db,
    () => record,
    null,
    () =>
      transact(ctx.db, async (trx) => {
        const newId = await insertSource(trx, record, user.id, ctx.now);
        await audit(trx, {
          ...actorOf(ctx),
          action: 'source.create',
          objectType: 'source',
          objectId: newId,
          details: { title: record.title, forced: !!force },
        });
        return newId;
      }),
  );
  return sourceDetailOf(ctx, id);
}

/** The source's id from the address: 404 for anything that names no source. */
export function sourceIdOf(idParam: string): number {
  const id = parseId(idParam);
  if (id === null) throw notFound();
  return id;
}

/** The record after an edit: the fields sent replace the current ones. */
function edited(current: SourceRecord, body: PatchBody): SourceRecord {
  const { baseRevision: _base, comment: _comment, force: _force, identifiers, ...fields } = body;
  const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return toRecord({
    ...current,
    ...changed,
    identifiers: identifiers ?? current.identifiers,
  } as Parameters<typeof toRecord>[0]);
}

/**
 * Saves `next` as the source's new revision when it is still at `baseRevision` (a revert passes the current
 * one): checks duplicates, writes row and revision, audits. Answers the source as it now is.
 */
export async function saveRevision(
  ctx: Ctx,
  id: number,
  change: {
    next: (current: SourceRecord) => SourceRecord;
    baseRevision: number | null;
    comment: string;
    force: boolean;
    action: string;
    details?: Record<string, unknown>;
  },
): Promise<SourceDetail> {
  const user = requireUser(ctx);
  let attempted: SourceRecord | undefined;
  await answeringDuplicates(
    ctx.db,
    () => attempted,
    id,
    () =>
      transact(ctx.db, async (trx) => {
        const row = (await lockSource(trx, id)) ?? missing();
        if (change.baseRevision !== null && change.baseRevision !== row.revision)
          throw conflict('sources-edit-conflict', 'baseRevision', [], { revision: row.revision });
        const current = recordOfRow(row);
        const next = change.next(current);
        attempted = next;
        const before = keysOf(current);
        const after = keysOf(next);
        await refuseDuplicates(trx, next, {
          exceptId: id,
          force: change.force,
          titleChanged: before.title_key !== after.title_key || before.first_author_key !== after.first_author_key,
        });
        await updateSource(trx, id, next, row.revision + 1, { userId: user.id, comment: change.comment, now: ctx.now });
        await audit(trx, {
          ...actorOf(ctx),
          action: change.action,
          objectType: 'source',
          objectId: id,
          details: { revision: row.revision + 1, ...change.details },
        });
      }),
  );
  return sourceDetailOf(ctx, id);
}

function missing(): never {
  throw notFound();
}

export async function patchSource(ctx: Ctx, idParam: string, body: PatchBody): Promise<SourceDetail> {
  const user = requireUser(ctx);
  await ensure(ctx, canEditSources(user, ctx.now), 'source.edit');
  const id = sourceIdOf(idParam);
  const fields = Object.keys(body).filter((k) => !['baseRevision', 'comment', 'force'].includes(k));
  // No field of the record named: no new revision, the source as it is.
  if (fields.length === 0) return sourceDetailOf(ctx, id);
  return saveRevision(ctx, id, {
    next: (current) => edited(current, body),
    baseRevision: body.baseRevision,
    comment: body.comment ?? '',
    force: !!body.force,
    action: 'source.edit',
    details: { fields },
  });
}
