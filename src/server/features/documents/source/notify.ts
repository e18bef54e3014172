// Who hears of a new revision: followers of the languages whose translated units it outdates
// (`translation_outdated`), and followers of the document (`document_revised`). Minor revisions tell no one.
import type { Db } from '../../../db/connection';
import { languageName } from '../../../../contracts/mediawiki-languages';
import { notify } from '../../notifications';

export async function tellOfRevision(
  db: Db,
  r: { documentId: number; revision: number; actorId: number | null; at: Date; outdating: number[] },
): Promise<void> {
  const doc = await db
    .selectFrom('documents as d')
    .leftJoin('document_units as u', (j) => j.onRef('u.document_id', '=', 'd.id').on('u.unit_id', '=', 0))
    .select(['d.slug', 'u.text as title'])
    .where('d.id', '=', r.documentId)
    .executeTakeFirst();
  if (!doc) return;
  const title = doc.title ?? doc.slug;
  const subject = { type: 'document', id: r.documentId, title, link: `/documents/${doc.slug}` };
  if (r.outdating.length) {
    const languages = await db
      .selectFrom('document_languages as l')
      .select(['l.id', 'l.language'])
      .where('l.document_id', '=', r.documentId)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('unit_translations as t')
            .select('t.id')
            .whereRef('t.document_id', '=', 'l.document_id')
            .whereRef('t.language', '=', 'l.language')
            .where('t.unit_id', 'in', r.outdating),
        ),
      )
      .execute();
    for (const l of languages) {
      await notify(db, {
        type: 'translation_outdated',
        actorId: r.actorId,
        at: r.at,
        subject: {
          type: 'document_language',
          id: Number(l.id),
          title: `${title} (${languageName(l.language, 'en')})`,
          link: `/documents/${doc.slug}/translate/${encodeURIComponent(l.language)}`,
        },
        followers: { kind: 'translation_outdated', of: [{ type: 'document_language', id: Number(l.id) }] },
      });
    }
  }
  await notify(db, {
    type: 'document_revised',
    actorId: r.actorId,
    at: r.at,
    subject,
    link: `/documents/${doc.slug}/compare?from=${r.revision - 1}&to=${r.revision}`,
    followers: { kind: 'document_revised', of: [{ type: 'document', id: r.documentId }] },
  });
}
