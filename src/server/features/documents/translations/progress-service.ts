// GET …/progress: every language with a bar. Three queries whatever the number of languages (one when kept, besides
// the content versions').
import type { ProgressAnswer } from '../../../../contracts/documents';
import type { Ctx } from '../../../http/context';
import { VersionedCache } from '../../../http/content-cache';
import { loadDocument } from '../source/service';
import { languageBars, progressOf } from './progress';

const kept = new VersionedCache<ProgressAnswer>('documents.progress');

/** Kept until a documents write: the counts are the same for every reader. */
export async function documentProgress(ctx: Ctx, slug: string): Promise<ProgressAnswer> {
  const doc = await loadDocument(ctx.db, slug);
  return kept.get(ctx.db, `${doc.id}|${doc.revision}|${doc.priority_languages.join(',')}`, async () => {
    const p = (await progressOf(ctx.db, [doc.id])).get(doc.id)!;
    return { units: p.units, items: languageBars(p, doc.priority_languages), next: null };
  });
}
