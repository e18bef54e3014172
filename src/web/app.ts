// The same Vue app on both sides: createSSRApp renders on the server and hydrates in the browser.
import { createSSRApp } from 'vue';
import type { RouterHistory } from 'vue-router';
import type { PageState } from '../contracts/page-state';
import type { Api } from './api';
import { ApiError } from './api';
import AppLayout from './ui/AppLayout.vue';
import './ui/a11y.css';
import { createI18n, type MessageUse } from './i18n';
import { createLdnRouter } from './router';
import { createAppContext, dataKey, type LoadContext } from './state';

export function createLdnApp(
  state: PageState,
  messages: Record<string, string>,
  api: Api,
  history: RouterHistory,
  messageUse?: MessageUse,
) {
  const app = createSSRApp(AppLayout);
  const router = createLdnRouter(history);
  const context = createAppContext(state, api);
  const i18n = createI18n(state.lang, state.dir, messages, messageUse);
  app.use(i18n);
  app.use(context);
  app.use(router);
  return { app, router, state: context.state, i18n };
}

/** Runs the loader of a route and stores its result (or the error) under the route's key. */
export async function loadRoute(ctx: LoadContext): Promise<number> {
  const load = ctx.route.meta.load;
  const key = dataKey(ctx.route);
  if (!load) return ctx.route.name === 'not-found' ? 404 : 200;
  try {
    ctx.state.data[key] = await load(ctx);
    return 200;
  } catch (err) {
    if (err instanceof ApiError) {
      ctx.state.data[key] = { __error: { status: err.status, title: err.problem.title, detail: err.problem.detail } };
      return err.status;
    }
    throw err;
  }
}
