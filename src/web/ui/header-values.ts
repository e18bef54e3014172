// What the header shows beside the person's name: the unread notifications and whether the first steps are
// still offered. Each is fetched while the server renders and kept in the page state (so the browser hydrates
// with it), and fetched again after a navigation while `again` says so. The pages that change them (the
// notifications, the first steps) set them too.
import { computed, onServerPrefetch, watch } from 'vue';
import { useRoute } from 'vue-router';
import { useApi, useAppState } from '../state';

// The keys are written out again by the pages that set them (features/notifications/keys.ts, features/welcome/
// keys.ts; header-values.test.ts holds them equal): importing them from here would put this module in a chunk of
// its own, a few dozen bytes more on every first visit.
/** Page-state key of the unread count (a number). */
export const UNREAD_KEY = 'notifications:unread';
/** Page-state key of whether the user menu offers the first steps (true until done or hidden). */
export const FIRST_STEPS_KEY = 'first-steps:offered';

export function useHeaderValue<T>(key: string, path: string, pick: (answer: never) => T, again: (v: T) => boolean) {
  const state = useAppState();
  const api = useApi();
  const route = useRoute();
  const value = computed(() => state.data[key] as T | undefined);
  async function refresh() {
    try {
      state.data[key] = pick(await api.get<never>(path));
    } catch {
      /* it waits for the next page */
    }
  }
  onServerPrefetch(async () => {
    if (state.user && value.value === undefined) await refresh();
  });
  watch(
    () => route.path,
    () => {
      if (state.user && value.value !== undefined && again(value.value)) void refresh();
    },
  );
  return value;
}
