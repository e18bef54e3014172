// Loaders of the moderation pages: on the server for the first paint, in the browser on navigation. The queue
// asks the moderators' API, so anyone else gets its refusal (401 or 403) as the page, with its reason.
import { query } from '../../api';
import type { LoadContext } from '../../state';
import type { ActionList, AppealList, MyModeration, ReportList } from '../../../contracts/moderation';

export const QUEUE_VIEWS = ['reports', 'closed', 'appeals', 'answered', 'log'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const PAGE_SIZE = 20;

export type QueueData =
  | { view: 'reports' | 'closed'; cursor: string; page: ReportList }
  | { view: 'appeals' | 'answered'; cursor: string; page: AppealList }
  | { view: 'log'; cursor: string; page: ActionList };

const param = (v: unknown) => (typeof v === 'string' ? v : '');

export async function loadQueue({ api, route }: LoadContext): Promise<QueueData> {
  const asked = param(route.query.view);
  const view: QueueView = (QUEUE_VIEWS as readonly string[]).includes(asked) ? (asked as QueueView) : 'reports';
  const cursor = param(route.query.cursor);
  const q = (status?: string) => query({ status, cursor, limit: PAGE_SIZE });
  if (view === 'reports' || view === 'closed') {
    return {
      view,
      cursor,
      page: await api.get<ReportList>(`/moderation/reports${q(view === 'reports' ? 'open' : 'closed')}`),
    };
  }
  if (view === 'appeals' || view === 'answered') {
    return {
      view,
      cursor,
      page: await api.get<AppealList>(`/moderation/appeals${q(view === 'appeals' ? 'open' : 'closed')}`),
    };
  }
  return { view, cursor, page: await api.get<ActionList>(`/moderation/log${q()}`) };
}

export type MineData = MyModeration & { cursor: string };

/** Signed-out visitors load nothing: the page asks them to log in. */
export async function loadMine({ api, route, state }: LoadContext): Promise<MineData | null> {
  if (!state.user) return null;
  const cursor = param(route.query.cursor);
  const res = await api.get<MyModeration>(`/me/moderation${query({ cursor, limit: PAGE_SIZE })}`);
  return { ...res, cursor };
}
