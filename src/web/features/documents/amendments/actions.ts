// Changes made from an amendment's page: send one request, then read the page's data again through its loader.
// A refusal is kept as a message (field errors by field); a 409 (a unit changed since) says so.
import { ref } from 'vue';
import { useRoute } from 'vue-router';
import { ApiError, type Method } from '../../../api';
import { dataKey, useApi, useAppState } from '../../../state';
import { loadAmendment } from './load';

export function useAmendmentActions(id: () => string) {
  const api = useApi();
  const state = useAppState();
  const route = useRoute();
  const error = ref('');
  const errors = ref<Record<string, string>>({});
  const conflict = ref(false);
  const busy = ref(false);

  async function act(method: Exclude<Method, 'GET'>, path: string, body?: unknown): Promise<boolean> {
    busy.value = true;
    error.value = '';
    errors.value = {};
    conflict.value = false;
    try {
      await api.send(method, `/amendments/${id()}${path}`, body);
      state.data[dataKey(route)] = await loadAmendment({ api, route, state });
      return true;
    } catch (err) {
      if (err instanceof ApiError) {
        conflict.value = err.status === 409;
        errors.value = err.fieldErrors();
        if (Object.keys(errors.value).length === 0) error.value = err.problem.detail ?? err.problem.title;
      } else error.value = err instanceof Error ? err.message : String(err);
      return false;
    } finally {
      busy.value = false;
    }
  }
  const messages = (field: string) => (errors.value[field] ? { error: errors.value[field] } : {});
  const status = (field: string): 'error' | 'default' => (errors.value[field] ? 'error' : 'default');
  return { act, error, errors, conflict, busy, messages, status };
}
