// Changes made from an initiative's page: send one request, then read the page's data again through the same
// loader, so every section shows the new state. A refusal is kept as a message (field errors by field).
import { ref } from 'vue';
import { useRoute } from 'vue-router';
import { ApiError, type Method } from '../../api';
import { dataKey, useApi, useAppState } from '../../state';
import { loadInitiative } from './load';

export function useInitiativeActions(id: () => string) {
  const api = useApi();
  const state = useAppState();
  const route = useRoute();
  const error = ref('');
  const errors = ref<Record<string, string>>({});
  const busy = ref(false);

  async function reload() {
    state.data[dataKey(route)] = await loadInitiative({ api, route, state });
  }

  /** Sends a change to /initiatives/<id><path>; answers whether it was made. */
  async function act(method: Exclude<Method, 'GET'>, path: string, body?: unknown): Promise<boolean> {
    busy.value = true;
    error.value = '';
    errors.value = {};
    try {
      await api.send(method, `/initiatives/${id()}${path}`, body);
      await reload();
      return true;
    } catch (err) {
      if (err instanceof ApiError) {
        errors.value = err.fieldErrors();
        if (Object.keys(errors.value).length === 0) error.value = err.problem.detail ?? err.problem.title;
      } else error.value = err instanceof Error ? err.message : String(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  const status = (field: string): 'error' | 'default' => (errors.value[field] ? 'error' : 'default');
  const messages = (field: string) => (errors.value[field] ? { error: errors.value[field] } : {});
  return { act, reload, error, errors, busy, status, messages };
}
