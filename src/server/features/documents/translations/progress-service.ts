// GET …/progress: every language with a bar. Three queries whatever the number of languages.
import type { ProgressAnswer } from '../../../../contracts/documents';
import type { Ctx } from '../../../http/context';
import { loadDocument } from '../source/service';
import { languageBars, progressOf } from './progress';

export async function documentProgress(ctx: Ctx, slug: string): Promise<ProgressAnswer> {
  const doc = await loadDocument(ctx.db, slug);
  const p = (await progressOf(ctx.db, [doc.id])).get(doc.id)!;
  return { units: p.units, items: languageBars(p, doc.priority_languages), next: null };
}
