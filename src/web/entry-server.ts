// Server side of the pages: route, load data, render to HTML. The server plugin wraps it in the document.
import { markRaw, toRaw } from 'vue';
import { renderToString, type SSRContext } from 'vue/server-renderer';
import { createMemoryHistory } from 'vue-router';
import type { PageState } from '../contracts/page-state';
import type { Api } from './api';
import { createLdnApp, loadRoute } from './app';
import { dataKey } from './state';

export interface RenderResult {
  html: string;
  status: number;
  /** The full document title when the page set one (usePageTitle), else empty. */
  title: string;
  /** The route's title message key, used when the page set no title. */
  titleKey: string | null;
  teleports: string;
  /** Modules rendered, for preload links. */
  modules: string[];
  /** The interface messages the page asked for: the page carries them. */
  messageKeys: Set<string>;
  state: PageState;
}

export async function render(
  url: string,
  state: PageState,
  messages: Record<string, string>,
  api: Api,
): Promise<RenderResult> {
  const messageKeys = new Set<string>();
  const {
    app,
    router,
    state: live,
  } = createLdnApp(state, messages, api, createMemoryHistory(), {
    used: messageKeys,
  });
  await router.push(url);
  await router.isReady();
  const route = router.currentRoute.value;
  const status = await loadRoute({ api, route, state: live });
  live.status = status;
  // Nothing changes the loaded data while the server renders it once: left plain, it is read without making a
  // reactive proxy of every object in it (the browser hydrates its own reactive copy from the page).
  const loaded: unknown = toRaw(live.data)[dataKey(route)];
  if (loaded && typeof loaded === 'object') markRaw(loaded);
  const ctx: SSRContext = {};
  const html = await renderToString(app, ctx);
  return {
    html,
    status,
    title: (ctx.title as string | undefined) ?? '',
    titleKey: route.meta.titleKey ?? null,
    teleports: Object.values((ctx.teleports ?? {}) as Record<string, string>).join(''),
    modules: [...((ctx.modules as Set<string> | undefined) ?? [])],
    messageKeys,
    state: { ...live, data: { ...live.data } },
  };
}
