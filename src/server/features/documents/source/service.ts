// Admins' work on the source of a document: create it from Markdown (or a Translate page's wikitext), edit,
// add, remove or move a unit, edit the whole text with its markers, set the title and the priority languages.
// Every change to the text goes through applySourceEdits, one revision per save.
import type { DocumentSummary, MarkedText, SavedUnit } from '../../../../contracts/documents';
import type { Db } from '../../../db/connection';
import { ensure } from '../../../http/access';
import { actorOf, audit } from '../../../http/audit';
import type { Ctx } from '../../../http/context';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { MarkerError, readMarked, writeMarked, type MarkedBlock } from '../../../text/units';
import { readTranslatePage, WikitextError } from '../../../text/wikitext';
import { canEditSource } from '../policy';
import { unitHtml } from '../present';
import type { AddUnitBody, CreateBody, PatchBody, PutTextBody, PutUnitBody } from '../schema';
import { languageBars, progressOf } from '../translations/progress';
import { applySourceEdits, createDocument, TITLE_UNIT, type SourceEdit } from './apply';
import { currentUnits, findDocumentBySlug, lockDocument, revisionsIn, textsAt, type DocumentRow } from './repo';

export async function loadDocument(db: Db, slug: string): Promise<DocumentRow> {
  const doc = await findDocumentBySlug(db, slug);
  if (!doc) throw notFound();
  return doc;
}

const mayEdit = (ctx: Ctx, action: string, slug?: string) =>
  ensure(ctx, canEditSource(ctx.actor), action, slug ? { type: 'document', id: slug } : undefined);

/** The list item of one document, as GET /documents gives it. */
export async function documentSummary(db: Db, slug: string): Promise<DocumentSummary> {
  const doc = await loadDocument(db, slug);
  const [progress, title] = await Promise.all([
    progressOf(db, [doc.id]),
    db
      .selectFrom('document_units')
      .select('text')
      .where('document_id', '=', doc.id)
      .where('unit_id', '=', TITLE_UNIT)
      .executeTakeFirst(),
  ]);
  return {
    id: String(doc.id),
    slug: doc.slug,
    title: title?.text ?? doc.slug,
    revision: doc.revision,
    languages: languageBars(progress.get(doc.id), doc.priority_languages),
  };
}

/** Blocks of a text given as Markdown; unreadable markers are a 400 naming the line. */
function markdownBlocks(markdown: string, field: string): MarkedBlock[] {
  try {
    return readMarked(markdown);
  } catch (err) {
    if (err instanceof MarkerError) {
      throw badRequest([{ field, message: 'documents-marker-duplicate', params: [err.line] }]);
    }
    throw err;
  }
}

/** Units of a Translate page's wikitext (markers keep their ids); unreadable wikitext is a 400 naming the line. */
function wikitextBlocks(wikitext: string): MarkedBlock[] {
  try {
    return readTranslatePage(wikitext).units;
  } catch (err) {
    if (err instanceof WikitextError) {
      throw badRequest([
        { field: 'wikitext', message: 'documents-wikitext-unreadable', params: [err.line, err.reason] },
      ]);
    }
    throw err;
  }
}

/** Creates a document (admins) from Markdown or a Translate page's wikitext. */
export async function createFromBody(ctx: Ctx, body: CreateBody): Promise<DocumentSummary> {
  await mayEdit(ctx, 'documents.create');
  const blocks =
    body.wikitext !== undefined ? wikitextBlocks(body.wikitext) : markdownBlocks(body.markdown ?? '', 'markdown');
  await ctx.db.transaction().execute((trx) =>
    createDocument(ctx, trx, {
      slug: body.slug,
      title: body.title,
      blocks: blocks.map(({ id, kind, text }) => ({ id, kind, text })),
      summary: body.summary,
    }),
  );
  return documentSummary(ctx.db, body.slug);
}

/** Document rows for the languages named, so each can be followed (DECISIONS 7). */
export const ensureLanguages = (db: Db, documentId: number, languages: string[], at: Date) =>
  languages.length === 0
    ? Promise.resolve()
    : db
        .insertInto('document_languages')
        .values(languages.map((language) => ({ document_id: documentId, language, created_at: at })))
        .onConflict((oc) => oc.columns(['document_id', 'language']).doNothing())
        .execute()
        .then(() => undefined);

/** Sets the title (a revision) and the priority languages (admins). */
export async function patchDocument(ctx: Ctx, slug: string, body: PatchBody): Promise<DocumentSummary> {
  await mayEdit(ctx, 'documents.edit', slug);
  const doc = await loadDocument(ctx.db, slug);
  await ctx.db.transaction().execute(async (trx) => {
    if (body.title !== undefined) {
      await applySourceEdits(ctx, trx, doc.id, [{ op: 'change', unitId: TITLE_UNIT, text: body.title }], {
        summary: body.summary ?? '',
      });
    }
    if (body.priorityLanguages !== undefined) {
      const priority = [...new Set(body.priorityLanguages)];
      await trx.updateTable('documents').set({ priority_languages: priority }).where('id', '=', doc.id).execute();
      await ensureLanguages(trx, doc.id, priority, ctx.now);
      await audit(trx, {
        ...actorOf(ctx),
        action: 'documents.priorities',
        objectType: 'document',
        objectId: doc.id,
        details: { priorityLanguages: priority },
      });
    }
  });
  return documentSummary(ctx.db, slug);
}

/** The unit as it is after a save. */
async function savedUnit(db: Db, documentId: number, unitId: number, revision: number): Promise<SavedUnit> {
  const unit = await db
    .selectFrom('document_units')
    .select(['unit_id', 'kind', 'text', 'position'])
    .where('document_id', '=', documentId)
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return {
    revision,
    unit: { id: String(unit.unit_id), kind: unit.kind, text: unit.text, html: unitHtml(unit.kind, unit.text) },
    position: unit.position,
  };
}

/** Changes a unit's text, moves it, or both (admins). */
export async function putUnit(ctx: Ctx, slug: string, unitId: number, body: PutUnitBody): Promise<SavedUnit> {
  await mayEdit(ctx, 'documents.edit-unit', slug);
  if (body.text === undefined && body.after === undefined) {
    throw badRequest([{ field: 'text', message: 'validation-required' }]);
  }
  const doc = await loadDocument(ctx.db, slug);
  const edits: SourceEdit[] = [];
  if (body.text !== undefined) edits.push({ op: 'change', unitId, text: body.text });
  if (body.after !== undefined) edits.push({ op: 'move', unitId, after: body.after });
  const { revision } = await ctx.db.transaction().execute((trx) =>
    applySourceEdits(ctx, trx, doc.id, edits, {
      summary: body.summary ?? '',
      minor: body.minor,
      baseRevision: body.baseRevision,
    }),
  );
  return savedUnit(ctx.db, doc.id, unitId, revision);
}

/** Adds a unit after another (admins). */
export async function addUnit(ctx: Ctx, slug: string, body: AddUnitBody): Promise<SavedUnit> {
  await mayEdit(ctx, 'documents.add-unit', slug);
  const doc = await loadDocument(ctx.db, slug);
  const { revision, unitId } = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockDocument(trx, doc.id);
    if (!locked) throw notFound();
    const r = await applySourceEdits(ctx, trx, doc.id, [{ op: 'add', after: body.after, text: body.text }], {
      summary: body.summary ?? '',
    });
    return { ...r, unitId: locked.next_unit_id };
  });
  return savedUnit(ctx.db, doc.id, unitId, revision);
}

/** Removes a unit (admins); its texts and translations stay in the history. */
export async function removeUnit(
  ctx: Ctx,
  slug: string,
  unitId: number,
  query: { baseRevision?: number; summary?: string },
): Promise<SavedUnit> {
  await mayEdit(ctx, 'documents.remove-unit', slug);
  const doc = await loadDocument(ctx.db, slug);
  const { revision } = await ctx.db.transaction().execute((trx) =>
    applySourceEdits(ctx, trx, doc.id, [{ op: 'remove', unitId }], {
      summary: query.summary ?? '',
      baseRevision: query.baseRevision,
    }),
  );
  return savedUnit(ctx.db, doc.id, unitId, revision);
}

/** The whole text with its markers (the title first, as `T:0`), for admins to edit whole. */
export async function getMarkedText(ctx: Ctx, slug: string): Promise<MarkedText> {
  await mayEdit(ctx, 'documents.edit-text', slug);
  const doc = await loadDocument(ctx.db, slug);
  const units = await currentUnits(ctx.db, doc.id);
  return { revision: doc.revision, markdown: writeMarked(units.map((u) => ({ id: u.unit_id, text: u.text }))) };
}

/**
 * The edits that turn the text at `base` into the text sent: a block keeping its marker keeps its id, a marker
 * gone removes its unit, a block without one is new. Units the editor did not change, and units added since the
 * base (the editor never saw them), are left as they are now, so a save from an old base keeps others' work.
 */
export function textEdits(
  blocks: MarkedBlock[],
  now: { unit_id: number; text: string }[],
  base: Map<number, string>,
  nextUnitId: number,
): SourceEdit[] {
  const present = new Set(now.map((u) => u.unit_id));
  const sent = new Set<number>();
  for (const b of blocks) {
    if (b.id === null) continue;
    // A unit removed since the base is someone else's newer work (409); a marker never given is a mistake (400).
    if (!present.has(b.id) && base.has(b.id)) throw conflict('documents-edit-conflict', 'markdown', [b.line]);
    if (!present.has(b.id)) {
      throw badRequest([{ field: 'markdown', message: 'documents-marker-unknown', params: [b.line] }]);
    }
    sent.add(b.id);
  }
  const edits: SourceEdit[] = [];
  for (const u of now) {
    if (u.unit_id !== TITLE_UNIT && !sent.has(u.unit_id) && base.has(u.unit_id)) {
      edits.push({ op: 'remove', unitId: u.unit_id });
    }
  }
  const order = now.map((u) => u.unit_id).filter((id) => id === TITLE_UNIT || sent.has(id) || !base.has(id));
  let next = nextUnitId;
  let prev: number | null = null;
  for (const b of blocks) {
    if (b.id === TITLE_UNIT) {
      if (b.text.includes('\n'))
        throw badRequest([{ field: 'markdown', message: 'documents-title-line', params: [b.line] }]);
      if (b.text !== base.get(TITLE_UNIT)) edits.push({ op: 'change', unitId: TITLE_UNIT, text: b.text });
      continue;
    }
    let id: number;
    if (b.id === null) {
      id = next++;
      edits.push({ op: 'add', after: prev, text: b.text });
      order.splice(order.indexOf(prev ?? TITLE_UNIT) + 1, 0, id);
    } else {
      id = b.id;
      if (b.text !== base.get(id)) edits.push({ op: 'change', unitId: id, text: b.text });
      const at = order.indexOf(id);
      const before = at > 0 ? order[at - 1] : null;
      if (before !== (prev ?? TITLE_UNIT)) {
        edits.push({ op: 'move', unitId: id, after: prev });
        order.splice(at, 1);
        order.splice(order.indexOf(prev ?? TITLE_UNIT) + 1, 0, id);
      }
    }
    prev = id;
  }
  return edits;
}

/** Saves the whole text with its markers (admins), as one revision. */
export async function putMarkedText(ctx: Ctx, slug: string, body: PutTextBody): Promise<MarkedText> {
  await mayEdit(ctx, 'documents.edit-text', slug);
  const doc = await loadDocument(ctx.db, slug);
  const blocks = markdownBlocks(body.markdown, 'markdown');
  if (body.baseRevision > doc.revision || body.baseRevision < 1) {
    throw badRequest([{ field: 'baseRevision', message: 'documents-revision-unknown' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockDocument(trx, doc.id);
    if (!locked) throw notFound();
    const [now, baseRows, [baseRevision]] = await Promise.all([
      currentUnits(trx, doc.id),
      textsAt(trx, doc.id, [body.baseRevision]),
      revisionsIn(trx, doc.id, [body.baseRevision]),
    ]);
    const inBase = new Set(baseRevision?.unit_order ?? []);
    const base = new Map(baseRows.filter((r) => inBase.has(r.unit_id)).map((r) => [r.unit_id, r.text]));
    const edits = textEdits(blocks, now, base, locked.next_unit_id);
    await applySourceEdits(ctx, trx, doc.id, edits, {
      summary: body.summary,
      minor: body.minor,
      baseRevision: body.baseRevision,
    });
  });
  return getMarkedText(ctx, slug);
}
