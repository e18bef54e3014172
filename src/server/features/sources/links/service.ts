// An initiative's sources: the books, talks and toolkits its leads record as used, each with a note. Anyone who
// may read the initiative reads them; its leads (admins, moderators) add and remove them.
import type { InitiativeSource, InitiativeSources } from '../../../../contracts/sources';
import type { Db } from '../../../db/connection';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { conflict, notFound } from '../../../http/errors';
import { parseId } from '../../conversations';
import { canManage, initiativeView, loadInitiative, manageInitiative } from '../../initiatives';
import { presentJoinedPerson } from '../../people';
import { citeTemplate } from '../exchange/cite';
import { notifySourceUsed } from '../notify';
import { recordOfRow } from '../records-of-rows';
import { deleteLink, insertLink, linksOf, sourceExists, type LinkRow } from './repo';
import type { LinkBody } from './schema';

const present = (r: LinkRow): InitiativeSource => ({
  source: { id: String(r.source_id), kind: r.kind, title: r.title, authors: r.authors, year: r.year },
  note: r.note,
  addedBy: presentJoinedPerson(r.username, r.display_name, r.public_fields),
  addedAt: r.created_at.toISOString(),
});

/** GET: the initiative's sources; an initiative hidden by moderation is read only by those who may read it (else 404). */
export async function initiativeSourcesOf(ctx: Ctx, idParam: string): Promise<InitiativeSources> {
  const row = await loadInitiative(ctx, idParam);
  const manage = await canManage(ctx, ctx.actor, row.id);
  if (!initiativeView(row, ctx.actor, manage).readable) throw notFound();
  const links = await linksOf(ctx.db, row.id);
  return { items: links.map(present), next: null, can: { manage } };
}

/** The source named by an address or a body (404 when there is none). */
async function sourceIdOf(db: Db, param: string): Promise<number> {
  const id = parseId(param);
  if (id === null || !(await sourceExists(db, id))) throw notFound();
  return id;
}

export async function linkSource(ctx: Ctx, idParam: string, body: LinkBody): Promise<InitiativeSource> {
  const { user, row } = await manageInitiative(ctx, idParam, 'initiative.source.add');
  const sourceId = await sourceIdOf(ctx.db, body.source);
  await ctx.db.transaction().execute(async (trx) => {
    const added = await insertLink(trx, {
      initiativeId: row.id,
      sourceId,
      note: body.note ?? '',
      addedBy: user.id,
      at: ctx.now,
    });
    if (!added) throw conflict('sources-already-linked', 'source');
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.source.add',
      objectType: 'initiative',
      objectId: row.id,
      details: { source: sourceId },
    });
    await notifySourceUsed(trx, sourceId, row.id, user.id, ctx.now);
  });
  const added = (await linksOf(ctx.db, row.id)).find((l) => l.source_id === sourceId);
  if (!added) throw notFound();
  return present(added);
}

export async function unlinkSource(ctx: Ctx, idParam: string, sourceParam: string): Promise<void> {
  const { row } = await manageInitiative(ctx, idParam, 'initiative.source.remove');
  const sourceId = parseId(sourceParam);
  if (sourceId === null) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteLink(trx, row.id, sourceId))) throw notFound();
    await audit(trx, {
      ...actorOf(ctx),
      action: 'initiative.source.remove',
      objectType: 'initiative',
      objectId: row.id,
      details: { source: sourceId },
    });
  });
}

/**
 * An initiative's sources, in the order they were added: each record, its citation template and the leads' note
 * (the initiative's wikitext export reads them).
 */
export async function sourcesOfInitiative(db: Db, initiativeId: number) {
  return (await linksOf(db, initiativeId)).map((r) => {
    const record = recordOfRow(r);
    return { id: r.source_id, record, citation: citeTemplate(record), note: r.note };
  });
}
