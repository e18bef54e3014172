// Advice: guides on how to make a leadership development initiative, one per phase of the LDP's step-by-step
// guide plus an overview. Everyone reads them, in their language or in English marked as such; admins edit
// them and their translations, every save is kept as a revision, and translations go outdated when the
// English text changes.
import type {
  GuideDetail,
  GuideList,
  GuideRevisionDetail,
  GuideRevisionList,
  SourceChanges,
} from '../../../contracts/guides';
import type { Db } from '../../db/connection';
import { isUniqueViolation } from '../../db/errors';
import { requireRole } from '../../http/access';
import { actorOf, audit } from '../../http/audit';
import type { Ctx } from '../../http/context';
import { badRequest, conflict, notFound, type FieldError } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { fallbackChain, pickLanguage } from '../../../contracts/language-fallbacks';
import { diffLines, diffText } from '../../text/diff';
import {
  isOutdated,
  mergeChecklist,
  presentNeighbour,
  presentRevision,
  presentRevisionDetail,
  presentSummary,
  guideBodyHtml,
  type Shown,
} from './present';
import {
  allGuides,
  carryTranslations,
  deleteVersion,
  findGuide,
  findGuideByPhase,
  findRevision,
  findVersion,
  languagesOf,
  lastRevision,
  lockVersion,
  revisionsOf,
  saveVersion,
  versionHeadsIn,
  versionsIn,
  type GuideRow,
} from './repo';
import { SOURCE_LANGUAGE, type PutVersionBody } from './schema';
import type { ChecklistItem, Phase } from './tables';

export { ensureGuides } from './seed';
export { PHASES, type Phase } from './tables';

/** The languages to read, in order: the one asked for, its MediaWiki fallbacks (`arz` → `ar`), then English. */
const languagesFor = (requested: string) => fallbackChain(requested);

/**
 * The version in the language asked for, else in the first language of its fallback chain that has one (English
 * last); null when the guide has no English version.
 */
function pick<V extends { guide_id: number; language: string }>(
  guideId: number,
  rows: V[],
  requested: string,
): Shown<V> | null {
  const mine = rows.filter((r) => r.guide_id === guideId);
  const source = mine.find((r) => r.language === SOURCE_LANGUAGE);
  if (!source) return null;
  const language = pickLanguage(requested, (code) => mine.some((r) => r.language === code));
  const version = mine.find((r) => r.language === language) ?? source;
  return { version, source, fallback: version.language !== requested };
}

/** Every guide in reading order (overview, then the phases), each in the language asked for or in English. */
export async function listGuides(ctx: Ctx, lang: string | undefined): Promise<GuideList> {
  const requested = lang ?? ctx.lang;
  const guides = await allGuides(ctx.db);
  const heads = await versionHeadsIn(
    ctx.db,
    guides.map((g) => g.id),
    languagesFor(requested),
  );
  const items = guides.flatMap((g) => {
    const shown = pick(g.id, heads, requested);
    return shown ? [presentSummary(g, shown)] : [];
  });
  return { items, next: null, requested };
}

async function loadGuide(db: Db, slug: string): Promise<GuideRow> {
  const guide = await findGuide(db, slug);
  if (!guide) throw notFound();
  return guide;
}

/** One guide with its checklist, its languages and the guides before and after it. */
export async function getGuide(ctx: Ctx, slug: string, lang: string | undefined): Promise<GuideDetail> {
  const requested = lang ?? ctx.lang;
  const db = ctx.db;
  const guide = await loadGuide(db, slug);
  const wanted = languagesFor(requested);
  const shown = pick(guide.id, await versionsIn(db, [guide.id], wanted), requested);
  if (!shown) throw notFound();
  const guides = await allGuides(db);
  const at = guides.findIndex((g) => g.id === guide.id);
  const [before, after] = [guides[at - 1], guides[at + 1]];
  const heads = await versionHeadsIn(
    db,
    [before, after].flatMap((g) => (g ? [g.id] : [])),
    wanted,
  );
  const headOf = (g: GuideRow | undefined) => (g ? pick(g.id, heads, requested)?.version : undefined);
  const sourceRevision = shown.source.revision;
  const v = shown.version;
  return {
    ...presentSummary(guide, shown),
    requested,
    body: v.body,
    bodyHtml: guideBodyHtml(v),
    checklist: mergeChecklist(guide.phase, shown.source.checklist, v),
    revision: v.revision,
    sourceRevision: v.source_revision,
    sourceCurrentRevision: sourceRevision,
    updatedAt: v.updated_at.toISOString(),
    languages: (await languagesOf(db, guide.id)).map((l) => ({
      language: l.language,
      outdated: isOutdated(l, sourceRevision),
    })),
    previous: presentNeighbour(before, headOf(before)),
    next: presentNeighbour(after, headOf(after)),
  };
}

/** A key for a new English checklist item, from its text where it has Latin letters. */
function newKey(text: string, taken: Set<string>): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const base = words.slice(0, 3).join('-').slice(0, 30).replace(/-+$/, '') || 'item';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/** English defines the items: keep the keys given, and give new items one. */
function sourceChecklist(items: PutVersionBody['checklist'], current: ChecklistItem[]): ChecklistItem[] {
  const taken = new Set([...current.map((i) => i.key), ...items.flatMap((i) => (i.key ? [i.key] : []))]);
  return items.map((i) => ({ key: i.key ?? newKey(i.text, taken), text: i.text }));
}

/** A translation gives English's items their text: every item names an English key. */
function translatedChecklist(items: PutVersionBody['checklist'], source: ChecklistItem[]): ChecklistItem[] {
  const keys = new Set(source.map((i) => i.key));
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    if (!item.key) errors.push({ field: `checklist.${i}.key`, message: 'guides-checklist-key-required' });
    else if (!keys.has(item.key)) errors.push({ field: `checklist.${i}.key`, message: 'guides-checklist-key-unknown' });
  });
  if (errors.length) throw badRequest(errors);
  return items.flatMap((i) => (i.key ? [{ key: i.key, text: i.text }] : []));
}

/**
 * Saves a language version of a guide (admins): the English source, or a translation of it. Answers whether
 * the language version is new, and the guide as readers of that language now see it.
 */
export async function putVersion(
  ctx: Ctx,
  slug: string,
  language: string,
  body: PutVersionBody,
): Promise<{ created: boolean; guide: GuideDetail }> {
  const user = await requireRole(ctx, 'admin', 'guides.edit');
  const guide = await loadGuide(ctx.db, slug);
  const isSource = language === SOURCE_LANGUAGE;
  const errors: FieldError[] = [];
  if (isSource && body.sourceRevision !== undefined)
    errors.push({ field: 'sourceRevision', message: 'guides-source-revision-english' });
  if (!isSource && body.minor !== undefined) errors.push({ field: 'minor', message: 'guides-minor-english-only' });
  if (errors.length) throw badRequest(errors);
  const source = await findVersion(ctx.db, guide.id, SOURCE_LANGUAGE);
  if (!source) throw notFound();
  if (!isSource && body.sourceRevision !== undefined && body.sourceRevision > source.revision) {
    throw badRequest([{ field: 'sourceRevision', message: 'guides-source-revision-unknown' }]);
  }
  const checklist = isSource
    ? sourceChecklist(body.checklist, source.checklist)
    : translatedChecklist(body.checklist, source.checklist);
  let created = false;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const current = await lockVersion(trx, guide.id, language);
      const currentRevision = current?.revision ?? 0;
      if (body.baseRevision !== undefined && body.baseRevision !== currentRevision) {
        throw conflict('guides-edit-conflict', 'baseRevision');
      }
      const revision = (await lastRevision(trx, guide.id, language)) + 1;
      const minor = isSource && !!body.minor && !!current;
      await saveVersion(
        trx,
        {
          guideId: guide.id,
          language,
          title: body.title,
          summary: body.summary,
          body: body.body,
          checklist,
          revision,
          sourceRevision: isSource ? null : (body.sourceRevision ?? source.revision),
          minor,
          note: body.note ?? '',
          editorId: user.id,
          at: ctx.now,
        },
        !current,
      );
      if (minor) await carryTranslations(trx, guide.id, SOURCE_LANGUAGE, currentRevision, revision);
      await audit(trx, {
        ...actorOf(ctx),
        action: current ? 'guides.edit' : 'guides.add-language',
        objectType: 'guide',
        objectId: guide.slug,
        details: { language, revision, minor },
      });
      created = !current;
    });
  } catch (err) {
    // Two first saves of one language at the same moment: the second is told, not given a 500.
    if (isUniqueViolation(err)) throw conflict('guides-edit-conflict', 'baseRevision');
    throw err;
  }
  return { created, guide: await getGuide(ctx, slug, language) };
}

/** Removes a translation (admins); its revisions stay in the history. English cannot be removed. */
export async function removeVersion(ctx: Ctx, slug: string, language: string): Promise<void> {
  await requireRole(ctx, 'admin', 'guides.delete-language');
  const guide = await loadGuide(ctx.db, slug);
  if (language === SOURCE_LANGUAGE) throw conflict('guides-delete-source');
  const version = await findVersion(ctx.db, guide.id, language);
  if (!version) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteVersion(trx, guide.id, language);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'guides.delete-language',
      objectType: 'guide',
      objectId: guide.slug,
      details: { language, revision: version.revision },
    });
  });
}

/** A language's revisions, newest first. */
export async function listRevisions(
  ctx: Ctx,
  slug: string,
  language: string,
  cursor: string | undefined,
  limit: number,
): Promise<GuideRevisionList> {
  const guide = await loadGuide(ctx.db, slug);
  const [before = null] = decodeCursor(cursor, ['number']) ?? [];
  const rows = await revisionsOf(ctx.db, guide.id, language, before, limit + 1);
  const { items, next } = page(rows, limit, (r) => [r.revision]);
  return { items: items.map(presentRevision), next };
}

export async function getRevision(
  ctx: Ctx,
  slug: string,
  language: string,
  revisionParam: string,
): Promise<GuideRevisionDetail> {
  const guide = await loadGuide(ctx.db, slug);
  const revision = /^[1-9]\d{0,8}$/.test(revisionParam) ? Number(revisionParam) : null;
  const row = revision === null ? undefined : await findRevision(ctx.db, guide.id, language, revision);
  if (!row) throw notFound();
  return presentRevisionDetail(row);
}

/** What changed in the English text since the translation last caught up with it. */
export async function sourceChanges(ctx: Ctx, slug: string, language: string): Promise<SourceChanges> {
  const guide = await loadGuide(ctx.db, slug);
  if (language === SOURCE_LANGUAGE) throw notFound();
  const [version, source] = await Promise.all([
    findVersion(ctx.db, guide.id, language),
    findVersion(ctx.db, guide.id, SOURCE_LANGUAGE),
  ]);
  if (!version || !source) throw notFound();
  const from = Math.min(version.source_revision ?? source.revision, source.revision);
  const old = from === source.revision ? source : await findRevision(ctx.db, guide.id, SOURCE_LANGUAGE, from);
  const before = old ?? source;
  const lines = (items: ChecklistItem[]) => items.map((i) => i.text);
  return {
    from,
    to: source.revision,
    changed: from !== source.revision,
    title: diffText(before.title, source.title),
    summary: diffText(before.summary, source.summary),
    body: diffText(before.body, source.body),
    checklist: diffLines(lines(before.checklist), lines(source.checklist)),
  };
}

export interface PhaseChecklist {
  /** The guide's slug: its page is /guides/<slug>. */
  guide: string;
  title: string;
  /** The language of the guide's text: the one asked for, or English when it has no version. */
  language: string;
  fallback: boolean;
  outdated: boolean;
  /** In the English order; `id` is what an initiative records, `language` the item's own language. */
  items: { key: string; id: string; text: string; language: string }[];
}

/**
 * The checklist of a phase's guide, for other features (an initiative's phase shows it). The items follow
 * the English version; each item's text is in `language` when the translation has it, else in English.
 * Answers null when no guide covers the phase.
 */
export async function phaseChecklist(db: Db, phase: Phase, language: string): Promise<PhaseChecklist | null> {
  const guide = await findGuideByPhase(db, phase);
  if (!guide) return null;
  const shown = pick(guide.id, await versionsIn(db, [guide.id], languagesFor(language)), language);
  if (!shown) return null;
  return {
    guide: guide.slug,
    title: shown.version.title,
    language: shown.version.language,
    fallback: shown.fallback,
    outdated: isOutdated(shown.version, shown.source.revision),
    items: mergeChecklist(guide.phase, shown.source.checklist, shown.version),
  };
}
