// Loaders of the debates pages: on the server for the first paint, in the browser on navigation.
import { query } from '../../api';
import type { LoadContext } from '../../state';
import { formatDateTime } from '../../../contracts/time';
import type { DebateDetail, DebateItem, DebateList } from '../../../contracts/debates';

/** A debate as the pages show it: the API's answer with its times as text. */
export type ShownDebate<T extends DebateItem = DebateItem> = T & { createdText: string; closedText: string | null };

export interface DebatesPageData {
  items: ShownDebate[];
  next: string | null;
  cursor: string;
}

function shown<T extends DebateItem>(d: T, ctx: LoadContext): ShownDebate<T> {
  const { lang, timeZone } = ctx.state;
  return {
    ...d,
    createdText: formatDateTime(d.createdAt, lang, timeZone),
    closedText: d.closedAt ? formatDateTime(d.closedAt, lang, timeZone) : null,
  };
}

export async function loadDebates(ctx: LoadContext): Promise<DebatesPageData> {
  const c = ctx.route.query.cursor;
  const cursor = typeof c === 'string' ? c : '';
  const res = await ctx.api.get<DebateList>(`/debates${query({ cursor, limit: 20 })}`);
  return { items: res.items.map((d) => shown(d, ctx)), next: res.next, cursor };
}

export async function loadDebate(ctx: LoadContext): Promise<ShownDebate<DebateDetail>> {
  return shown(await ctx.api.get<DebateDetail>(`/debates/${encodeURIComponent(String(ctx.route.params.id))}`), ctx);
}
