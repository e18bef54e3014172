// Reading documents: the list with a bar per language, and one document in a language, unit by unit, each
// missing (or hidden) unit falling back along the language's chain and marked with the language it is in.
// A fixed number of queries whatever the size; the part every reader sees alike is kept per document, language
// and revision until the content changes.
import type { DocumentDetail, DocumentList, ReaderUnit } from '../../../../contracts/documents';
import { fallbackChain } from '../../../../contracts/language-fallbacks';
import type { Db } from '../../../db/connection';
import type { Ctx } from '../../../http/context';
import { badRequest } from '../../../http/errors';
import { VersionedCache } from '../../../http/content-cache';
import { decodeCursor, page } from '../../../http/pagination';
import { notHidden } from '../../moderation';
import { canEditSource, canTranslate } from '../policy';
import { dirOf, unitHtml } from '../present';
import { SOURCE_LANGUAGE } from '../schema';
import { currentUnits, revisionsIn, textsAt, type DocumentRow } from '../source/repo';
import { loadDocument } from '../source/service';
import { languageBars, languageProgress, progressOf } from '../translations/progress';
import { readerExtras } from '../adaptations/reader';
import { EncodedJson } from './encoded';
import type { UnitKind } from '../tables';

/** Every document, by slug, each with its title in English and its language bars. Three queries a page, kept. */
export async function listDocuments(ctx: Ctx, cursor: string | undefined, limit: number): Promise<DocumentList> {
  const [after] = decodeCursor(cursor, ['text']) ?? [];
  return keptLists.get(ctx.db, `${after ?? ''}|${limit}`, () => listAfresh(ctx, after, limit));
}

const keptLists = new VersionedCache<DocumentList>('documents.list');

async function listAfresh(ctx: Ctx, after: string | undefined, limit: number): Promise<DocumentList> {
  const rows = await ctx.db
    .selectFrom('documents as d')
    .leftJoin('document_units as u', (j) => j.onRef('u.document_id', '=', 'd.id').on('u.unit_id', '=', 0))
    .select(['d.id', 'd.slug', 'd.revision', 'd.priority_languages', 'u.text as title'])
    .$if(after !== undefined, (q) => q.where('d.slug', '>', after as string))
    .orderBy('d.slug')
    .limit(limit + 1)
    .execute();
  const { items, next } = page(rows, limit, (r) => [r.slug]);
  const progress = await progressOf(
    ctx.db,
    items.map((d) => d.id),
  );
  return {
    items: items.map((d) => ({
      id: String(d.id),
      slug: d.slug,
      title: d.title ?? d.slug,
      revision: d.revision,
      languages: languageBars(progress.get(d.id), d.priority_languages),
    })),
    next,
  };
}

interface SourceUnit {
  unit_id: number;
  kind: UnitKind;
  text: string;
  source_revision: number;
}

/** The source at a revision: its units in order, each with the revision translations compare with. */
async function sourceAt(db: Db, doc: DocumentRow, revision: number): Promise<SourceUnit[]> {
  if (revision === doc.revision) return currentUnits(db, doc.id);
  const [[row], texts] = await Promise.all([revisionsIn(db, doc.id, [revision]), textsAt(db, doc.id, [revision])]);
  if (!row) throw badRequest([{ field: 'revision', message: 'documents-revision-unknown' }]);
  const byId = new Map(texts.map((t) => [t.unit_id, t]));
  return row.unit_order.flatMap((id) => {
    const t = byId.get(id);
    return t ? [{ unit_id: id, kind: t.kind, text: t.text, source_revision: t.source_revision }] : [];
  });
}

interface ShownTranslation {
  unit_id: number;
  language: string;
  text: string;
  source_revision: number;
  proofread: boolean;
}

/**
 * The translations in some languages as they stood for a revision: the current ones for the current revision,
 * else the last saved for a source text at or before it (proofreading is only known for current texts).
 */
async function translationsAt(
  db: Db,
  doc: DocumentRow,
  languages: string[],
  revision: number,
): Promise<ShownTranslation[]> {
  if (languages.length === 0) return [];
  const base = db
    .selectFrom('unit_translations as t')
    .where('t.document_id', '=', doc.id)
    .where('t.language', 'in', languages)
    .where(notHidden('unit_translation', 't.id'));
  if (revision === doc.revision) {
    const rows = await base
      .select(['t.unit_id', 't.language', 't.text', 't.source_revision', 't.proofread_by'])
      .execute();
    return rows.map((r) => ({ ...r, proofread: r.proofread_by !== null }));
  }
  const rows = await base
    .innerJoin('unit_translation_texts as x', 'x.translation_id', 't.id')
    .select(['t.unit_id', 't.language', 'x.text', 'x.source_revision', 'x.revision'])
    .where('x.source_revision', '<=', revision)
    .orderBy('x.revision')
    .execute();
  const latest = new Map<string, ShownTranslation>();
  for (const r of rows) latest.set(`${r.unit_id}:${r.language}`, { ...r, proofread: false });
  return [...latest.values()];
}

type Shared = Omit<DocumentDetail, 'following' | 'languageSubjectId' | 'can'>;

/**
 * The shared part as JSON without the closing brace (the reader's own part is added to it as text; kept as text
 * only, a long document's objects weigh several times more), and the whole answers made from it by their
 * reader's part (a few kinds of readers: anonymous, following or not, may translate or not), each with its
 * compressed bytes once asked for.
 */
interface KeptShared {
  json: string;
  answers: Map<string, EncodedJson>;
}

/** Whole answers kept per shared part: the first kinds of readers asking (anonymous ones, mostly). */
const ANSWERS_KEPT = 2;

const kept = new VersionedCache<KeptShared>('documents.reader');

/** What every reader of a document in a language at a revision sees alike. */
async function readShared(db: Db, doc: DocumentRow, requested: string, revision: number): Promise<Shared> {
  const chain = fallbackChain(requested);
  const translatedChain = chain.filter((l) => l !== SOURCE_LANGUAGE);
  const [units, translations, progress, extras] = await Promise.all([
    sourceAt(db, doc, revision),
    translationsAt(db, doc, translatedChain, revision),
    progressOf(db, [doc.id]),
    readerExtras(db, doc.id),
  ]);
  const byUnit = new Map<string, ShownTranslation>();
  for (const t of translations) byUnit.set(`${t.unit_id}:${t.language}`, t);
  const shown: ReaderUnit[] = units.map((u) => {
    const source = (state: ReaderUnit['state']): ReaderUnit => ({
      id: String(u.unit_id),
      kind: u.kind,
      text: u.text,
      html: unitHtml(u.kind, u.text),
      language: SOURCE_LANGUAGE,
      dir: dirOf(SOURCE_LANGUAGE),
      state,
      proofread: false,
      openAmendments: extras.openAmendments.get(u.unit_id) ?? 0,
    });
    if (requested === SOURCE_LANGUAGE) return source('source');
    for (const language of translatedChain) {
      const t = byUnit.get(`${u.unit_id}:${language}`);
      if (!t) continue;
      const outdated = t.source_revision < u.source_revision;
      return {
        id: String(u.unit_id),
        kind: u.kind,
        text: t.text,
        html: unitHtml(u.kind, t.text),
        language,
        dir: dirOf(language),
        state: language !== requested ? 'fallback' : outdated ? 'outdated' : 'current',
        proofread: t.proofread && !outdated,
        openAmendments: extras.openAmendments.get(u.unit_id) ?? 0,
      };
    }
    return source('fallback');
  });
  const p = progress.get(doc.id)!;
  return {
    id: String(doc.id),
    slug: doc.slug,
    title: shown[0]?.text ?? doc.slug,
    revision: doc.revision,
    shownRevision: revision,
    requested,
    dir: dirOf(requested),
    units: shown,
    progress: languageProgress(p, requested, doc.priority_languages),
    languages: languageBars(p, doc.priority_languages),
    priorityLanguages: doc.priority_languages,
    adaptations: extras.adaptations,
  };
}

/**
 * Whether the reader follows the document and this language of it, and the language's subject id (its
 * `document_languages` row) for the follow button. One query for signed-in readers; none for anonymous ones, who
 * have nothing to follow (null). English is the source: its readers follow the document (null).
 *
 * A signed-in reader of a language with no row yet (nobody translated into it, not a priority language) gets the
 * row created here, on the first read: a reader of a language not yet translated may well want to follow it to
 * hear when its translation starts, and following goes through the generic /follows, which takes an existing
 * subject id. Creating it on read (not on follow) keeps that one door; it is limited to signed-in readers and to
 * valid MediaWiki codes (the query is validated), at most one row per document and language, and is a no-op once
 * the row exists. Anonymous reads write nothing.
 */
async function followingOf(ctx: Ctx, doc: DocumentRow, language: string) {
  const none = { following: { document: false, language: false }, languageSubjectId: null };
  if (!ctx.actor) return none;
  const userId = ctx.actor.id;
  const row = await ctx.db
    .selectFrom('documents as d')
    .leftJoin('document_languages as l', (j) => j.onRef('l.document_id', '=', 'd.id').on('l.language', '=', language))
    .select((eb) => [
      'l.id as language_id',
      eb
        .exists(
          eb
            .selectFrom('follows as f')
            .select('f.id')
            .where('f.user_id', '=', userId)
            .where('f.subject_type', '=', 'document')
            .whereRef('f.subject_id', '=', 'd.id'),
        )
        .as('document'),
      eb
        .exists(
          eb
            .selectFrom('follows as f')
            .select('f.id')
            .where('f.user_id', '=', userId)
            .where('f.subject_type', '=', 'document_language')
            .whereRef('f.subject_id', '=', 'l.id'),
        )
        .as('language'),
    ])
    .where('d.id', '=', doc.id)
    .executeTakeFirst();
  if (!row) return none;
  const following = { document: Boolean(row.document), language: Boolean(row.language) };
  if (language === SOURCE_LANGUAGE) return { following, languageSubjectId: null };
  const id = row.language_id ?? (await languageRow(ctx.db, doc.id, language, ctx.now));
  return { following, languageSubjectId: id === null ? null : String(id) };
}

/** The row of a language of a document, created if missing (see followingOf). */
async function languageRow(db: Db, documentId: number, language: string, at: Date) {
  const created = await db
    .insertInto('document_languages')
    .values({ document_id: documentId, language, created_at: at })
    .onConflict((oc) => oc.columns(['document_id', 'language']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created) return created.id;
  const found = await db
    .selectFrom('document_languages')
    .select('id')
    .where('document_id', '=', documentId)
    .where('language', '=', language)
    .executeTakeFirst();
  return found?.id ?? null;
}

/** A document in a language (the interface language by default), at a revision (the current one by default). */
export async function readDocument(
  ctx: Ctx,
  slug: string,
  lang: string | undefined,
  revision: number | undefined,
): Promise<DocumentDetail> {
  const { shared, reader, can } = await readParts(ctx, slug, lang, revision);
  return { ...(JSON.parse(`${shared.json}}`) as Shared), ...reader, can };
}

/**
 * The same answer as JSON text, for the route: the shared part (hundreds of kilobytes for a long document) is
 * serialised once when it is kept, and only the reader's own part (`following`, `languageSubjectId`, `can`) on each request; the
 * answers of the commonest kinds of readers are kept whole, and compressed once.
 */
export async function readDocumentJson(
  ctx: Ctx,
  slug: string,
  lang: string | undefined,
  revision: number | undefined,
): Promise<EncodedJson> {
  const { shared, reader, can } = await readParts(ctx, slug, lang, revision);
  const own = `,"following":${JSON.stringify(reader.following)},"languageSubjectId":${JSON.stringify(reader.languageSubjectId)},"can":${JSON.stringify(can)}}`;
  const known = shared.answers.get(own);
  if (known) return known;
  const answer = new EncodedJson(shared.json + own);
  if (shared.answers.size < ANSWERS_KEPT) shared.answers.set(own, answer);
  return answer;
}

async function readParts(ctx: Ctx, slug: string, lang: string | undefined, revision: number | undefined) {
  const doc = await loadDocument(ctx.db, slug);
  const requested = lang ?? ctx.lang;
  const at = revision ?? doc.revision;
  if (at > doc.revision) throw badRequest([{ field: 'revision', message: 'documents-revision-unknown' }]);
  const [shared, reader] = await Promise.all([
    kept.get(ctx.db, `${doc.id}|${requested}|${at}|${doc.revision}`, async () => {
      const value = await readShared(ctx.db, doc, requested, at);
      return { json: JSON.stringify(value).slice(0, -1), answers: new Map() };
    }),
    followingOf(ctx, doc, requested),
  ]);
  return { shared, reader, can: { edit: canEditSource(ctx.actor), translate: canTranslate(ctx.actor) } };
}
