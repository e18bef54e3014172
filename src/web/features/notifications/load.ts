// Data of the notifications page, through the same JSON API scripts use. Signed-out visitors load nothing:
// the page asks them to log in instead of failing with a 401.
import { query } from '../../api';
import type { LoadContext } from '../../state';
import { formatDateTime } from '../../../contracts/time';
import type { NotificationItem, NotificationList } from '../../../contracts/notifications';
import { UNREAD_KEY } from './keys';

export const PAGE_SIZE = 20;

export interface NotificationsPageData {
  items: (NotificationItem & { createdText: string })[];
  next: string | null;
  unread: number;
  cursor: string;
}

export async function loadNotifications({ api, route, state }: LoadContext): Promise<NotificationsPageData | null> {
  if (!state.user) return null;
  const c = route.query.cursor;
  const cursor = typeof c === 'string' ? c : '';
  const res = await api.get<NotificationList>(`/notifications${query({ cursor, limit: PAGE_SIZE })}`);
  state.data[UNREAD_KEY] = res.unread;
  return {
    items: res.items.map((n) => ({ ...n, createdText: formatDateTime(n.createdAt, state.lang, state.timeZone) })),
    next: res.next,
    unread: res.unread,
    cursor,
  };
}
