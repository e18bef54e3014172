// Loader of a group's adaptation of a document: its base (the document, from its source or its translation,
// and the revision), its units against that base, and the upstream changes waiting for review.
import type { LoadContext } from '../../../state';
import type { AdaptationDetail } from '../../../../contracts/adaptations';
import { languageName, timeText } from '../common';

export interface AdaptationPageData extends AdaptationDetail {
  languageName: string;
  updatedText: string;
  /** Only the units differing from the base or waiting for review (?show=differing). */
  differingOnly: boolean;
}

export async function loadAdaptation(ctx: LoadContext): Promise<AdaptationPageData> {
  const a = await ctx.api.get<AdaptationDetail>(`/adaptations/${encodeURIComponent(String(ctx.route.params.id))}`);
  return {
    ...a,
    languageName: languageName(a.language, ctx.state.lang),
    updatedText: timeText(a.updatedAt, ctx),
    differingOnly: ctx.route.query.show === 'differing',
  };
}
