// Changes made from an event's page: send one request, then read the page's data again through the same loader,
// so every section shows the new state. Each form has its own errors (field errors beside their fields).
import { useRoute } from 'vue-router';
import type { Method } from '../../../api';
import { dataKey, useApi, useAppState } from '../../../state';
import { useFormErrors } from '../../../ui/form';
import { loadEvent } from './load';

export function useEventAction() {
  const api = useApi();
  const state = useAppState();
  const route = useRoute();
  const form = useFormErrors();

  /** Sends a change to /events<path>, then reloads the page's data; answers whether it was made. */
  const act = (method: Exclude<Method, 'GET'>, path: string, body?: unknown) =>
    form.submit(async () => {
      await api.send(method, `/events${path}`, body);
      state.data[dataKey(route)] = await loadEvent({ api, route, state });
    });
  return { ...form, act };
}
