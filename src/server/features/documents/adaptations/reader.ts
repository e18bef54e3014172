// What a document's reader shows of adaptations and amendments: the document's adaptations (group and
// language) and the open amendments of each unit. Two queries; called by reading/service.ts.
import type { Db } from '../../../db/connection';
import { openAmendmentCounts } from './repo';

export async function readerExtras(db: Db, documentId: number) {
  const [adaptations, openAmendments] = await Promise.all([
    db
      .selectFrom('adaptations as a')
      .innerJoin('communities as c', 'c.id', 'a.community_id')
      .select(['a.id', 'a.language', 'c.slug', 'c.name'])
      .where('a.document_id', '=', documentId)
      .orderBy('c.name')
      .orderBy('a.language')
      .execute(),
    openAmendmentCounts(db, 'document', documentId),
  ]);
  return {
    adaptations: adaptations.map((a) => ({
      id: String(a.id),
      community: { slug: a.slug, name: a.name },
      language: a.language,
    })),
    openAmendments,
  };
}
