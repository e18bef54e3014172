// Translation progress per document and language (DECISIONS 12): four disjoint states per unit, the title
// included; a hidden translation counts as untranslated. One query for any number of documents and languages.
import { sql } from 'kysely';
import type { LanguageProgress } from '../../../../contracts/documents';
import type { Db } from '../../../db/connection';
import { notHidden } from '../../moderation';
import { SOURCE_LANGUAGE } from '../schema';

interface Counts {
  translated: number;
  proofread: number;
  outdated: number;
}

export interface DocumentProgress {
  /** Units in the current text (the title included). */
  units: number;
  byLanguage: Map<string, Counts>;
}

/**
 * Counts per document and language with a translation, and the units each document has now. Two queries; with
 * `language`, that language's counts only (a translator's save answers its own language's bar).
 */
export async function progressOf(
  db: Db,
  documentIds: number[],
  language?: string,
): Promise<Map<number, DocumentProgress>> {
  const out = new Map<number, DocumentProgress>();
  if (documentIds.length === 0) return out;
  const [units, counts] = await Promise.all([
    db
      .selectFrom('document_units')
      .select(['document_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('document_id', 'in', documentIds)
      .where('position', 'is not', null)
      .groupBy('document_id')
      .execute(),
    db
      .selectFrom('unit_translations as t')
      .innerJoin('document_units as u', (j) =>
        j.onRef('u.document_id', '=', 't.document_id').onRef('u.unit_id', '=', 't.unit_id'),
      )
      .select([
        't.document_id',
        't.language',
        sql<string>`count(*) filter (where t.source_revision < u.source_revision)`.as('outdated'),
        sql<string>`count(*) filter (where t.source_revision >= u.source_revision and t.proofread_by is null)`.as(
          'translated',
        ),
        sql<string>`count(*) filter (where t.source_revision >= u.source_revision and t.proofread_by is not null)`.as(
          'proofread',
        ),
      ])
      .where('t.document_id', 'in', documentIds)
      .$if(language !== undefined, (q) => q.where('t.language', '=', language as string))
      .where('u.position', 'is not', null)
      .where(notHidden('unit_translation', 't.id'))
      .groupBy(['t.document_id', 't.language'])
      .execute(),
  ]);
  for (const id of documentIds) out.set(id, { units: 0, byLanguage: new Map() });
  for (const u of units) out.get(Number(u.document_id))!.units = Number(u.n);
  for (const c of counts) {
    out.get(Number(c.document_id))!.byLanguage.set(c.language, {
      translated: Number(c.translated),
      proofread: Number(c.proofread),
      outdated: Number(c.outdated),
    });
  }
  return out;
}

/** One language's bar. */
export function languageProgress(p: DocumentProgress, language: string, priority: string[]): LanguageProgress {
  const c = p.byLanguage.get(language) ?? { translated: 0, proofread: 0, outdated: 0 };
  if (language === SOURCE_LANGUAGE) {
    return { language, translated: p.units, proofread: 0, outdated: 0, untranslated: 0, priority: false };
  }
  return {
    language,
    ...c,
    untranslated: Math.max(0, p.units - c.translated - c.proofread - c.outdated),
    priority: priority.includes(language),
  };
}

/** The bars shown: priority languages first (in the admins' order), then every language with a translated unit. */
export function languageBars(p: DocumentProgress | undefined, priority: string[]): LanguageProgress[] {
  const progress = p ?? { units: 0, byLanguage: new Map<string, Counts>() };
  const others = [...progress.byLanguage.keys()].filter((l) => !priority.includes(l)).sort();
  return [...priority, ...others].map((l) => languageProgress(progress, l, priority));
}
