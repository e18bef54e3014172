// The overview's data: live counts (when the statistics answer) and the latest three updates.
import type { LoadContext } from '../../state';
import type { Stats } from '../../../contracts/communities';
import type { UpdateItem, UpdateList } from '../../../contracts/updates';
import { shown, type Shown } from '../updates';

export interface OverviewData {
  stats: Stats | null;
  updates: Shown<UpdateItem>[];
}

const isStats = (v: unknown): v is Stats =>
  typeof v === 'object' &&
  v !== null &&
  (['participants', 'groups', 'partners', 'ambassadors', 'languages'] as const).every(
    (k) => typeof (v as Record<string, unknown>)[k] === 'number',
  );

export async function loadOverview({ api, state }: LoadContext): Promise<OverviewData> {
  // Neither part may take the overview down: without counts or updates it still says what the network is.
  const [stats, updates] = await Promise.all([
    api.get<unknown>('/stats').catch(() => null),
    api.get<UpdateList>('/updates?limit=3').catch(() => ({ items: [], next: null })),
  ]);
  return { stats: isStats(stats) ? stats : null, updates: updates.items.map((u) => shown(u, state)) };
}
