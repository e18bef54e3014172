// Loaders of find-a-time's pages. A poll is seen by its organizer, its invitees and admins: anyone else gets the
// API's own refusal (401 signed out, 403), which the layout shows as the page.
import type { LoadContext } from '../../../state';
import type { TimePollDetail } from '../../../../contracts/time-polls';

export type TimePollPageData = TimePollDetail;

export const loadTimePoll = (ctx: LoadContext): Promise<TimePollPageData> =>
  ctx.api.get<TimePollDetail>(`/time-polls/${String(ctx.route.params.id)}`);

export interface NewTimePollPageData {
  signedIn: boolean;
}

export const loadNewTimePoll = (ctx: LoadContext): Promise<NewTimePollPageData> =>
  Promise.resolve({ signedIn: !!ctx.state.user });
