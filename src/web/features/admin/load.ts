// Data of the admin page, through the admin API. Anyone but an admin gets the API's refusal (401 or 403),
// which the layout shows as the page, with its reason.
import { query } from '../../api';
import type { LoadContext } from '../../state';
import type {
  OutboxList,
  OutboxMail,
  TelegramPost,
  TelegramPostList,
  TelegramSettings,
} from '../../../contracts/telegram';

export interface AdminPageData {
  telegram: TelegramSettings;
  posts: TelegramPostList;
  /** 'failed' when only failed posts are listed. */
  postsFilter: '' | 'failed';
  postsCursor: string;
  outbox: OutboxList;
  outboxCursor: string;
}

export const PAGE_SIZE = 10;

const param = (v: unknown) => (typeof v === 'string' ? v : '');

export async function loadAdmin({ api, route }: LoadContext): Promise<AdminPageData> {
  const postsFilter = param(route.query.posts) === 'failed' ? 'failed' : '';
  const postsCursor = param(route.query.postsCursor);
  const outboxCursor = param(route.query.outboxCursor);
  // Settings first: a refusal stops here, before the lists are asked for.
  const telegram = await api.get<TelegramSettings>('/admin/telegram');
  const [posts, outbox] = await Promise.all([
    api.get<AdminPageData['posts']>(
      `/admin/telegram/posts${query({ status: postsFilter, cursor: postsCursor, limit: PAGE_SIZE })}`,
    ),
    api.get<AdminPageData['outbox']>(`/admin/outbox${query({ cursor: outboxCursor, limit: PAGE_SIZE })}`),
  ]);
  return { telegram, posts, postsFilter, postsCursor, outbox, outboxCursor };
}

export type { OutboxMail, TelegramPost };
