// After a change on a group's page, load its data again in place (same address, fresh data).
import { useRoute } from 'vue-router';
import { useApi, useAppState, dataKey } from '../../state';
import { ApiError } from '../../api';
import { loadCommunity } from './load';

export function useCommunityActions() {
  const api = useApi();
  const state = useAppState();
  const route = useRoute();
  async function refresh() {
    state.data[dataKey(route)] = await loadCommunity({ api, route, state });
  }
  /** Runs a change, then refreshes; answers the error's message (or null on success). */
  async function act(run: () => Promise<unknown>): Promise<{ message: string; fields: Record<string, string> } | null> {
    try {
      await run();
      await refresh();
      return null;
    } catch (err) {
      if (err instanceof ApiError) return { message: err.message, fields: err.fieldErrors() };
      return { message: String(err), fields: {} };
    }
  }
  return { api, act, refresh };
}
