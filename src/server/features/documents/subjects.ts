// Documents as subjects: a document takes comments; one language of a document is followed (saving a
// translation follows it); a unit's translation can be reported (and hidden: it then reads as missing, so
// readers get the fallback) and is its last translator's. Registered by registerDocuments().
import { languageName } from '../../../contracts/mediawiki-languages';
import type { SubjectType } from '../conversations';
import { markdownExcerpt } from '../../markdown/render';

const titleOf = (db: Parameters<SubjectType['find']>[0], documentId: number) =>
  db
    .selectFrom('documents as d')
    .leftJoin('document_units as u', (j) => j.onRef('u.document_id', '=', 'd.id').on('u.unit_id', '=', 0))
    .select(['d.slug', 'u.text as title'])
    .where('d.id', '=', documentId)
    .executeTakeFirst();

export const documentSubject: SubjectType = {
  commentable: true,
  find: async (db, id) => {
    const d = await titleOf(db, id);
    return d && { title: d.title ?? d.slug, link: `/documents/${d.slug}`, open: true };
  },
  owner: async (db, id) => {
    const d = await db.selectFrom('documents').select('created_by').where('id', '=', id).executeTakeFirst();
    return d && d.created_by;
  },
};

export const documentLanguageSubject: SubjectType = {
  commentable: false,
  find: async (db, id) => {
    const l = await db
      .selectFrom('document_languages')
      .select(['document_id', 'language'])
      .where('id', '=', id)
      .executeTakeFirst();
    const d = l && (await titleOf(db, l.document_id));
    return (
      d &&
      l && {
        title: `${d.title ?? d.slug} (${languageName(l.language, 'en')})`,
        link: `/documents/${d.slug}?lang=${encodeURIComponent(l.language)}`,
        open: true,
      }
    );
  },
};

export const unitTranslationSubject: SubjectType = {
  commentable: false,
  reportable: true,
  find: async (db, id) => {
    const t = await db
      .selectFrom('unit_translations as t')
      .innerJoin('documents as d', 'd.id', 't.document_id')
      .select(['d.slug', 't.unit_id', 't.language', 't.text'])
      .where('t.id', '=', id)
      .executeTakeFirst();
    return (
      t && {
        title: markdownExcerpt(t.text, 80),
        link: `/documents/${t.slug}/translate/${encodeURIComponent(t.language)}#T${t.unit_id}`,
        open: false,
      }
    );
  },
  owner: async (db, id) => {
    const t = await db.selectFrom('unit_translations').select('translated_by').where('id', '=', id).executeTakeFirst();
    return t && t.translated_by;
  },
};
