// Browser side: hydrate the server's HTML with the state it rendered with, then load data on navigation.
import { createWebHistory } from 'vue-router';
import type { PageState } from '../contracts/page-state';
import { createApi, type Transport } from './api';
import { createLdnApp, loadRoute } from './app';
import { dataKey } from './state';
import { fullTitle } from '../contracts/title';

const stateEl = document.getElementById('ldn-state');
const state = JSON.parse(stateEl?.textContent ?? '{}') as PageState;

const transport: Transport = async (method, path, body, headers = {}) => {
  // Same-origin credentials are fetch's default: the session cookie goes with every call.
  const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(path, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
const api = createApi(transport);

// Times are shown in the viewer's zone: tell the server which one, for the next page it renders.
try {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && !document.cookie.split('; ').some((c) => c === `ldn_tz=${encodeURIComponent(zone)}`)) {
    document.cookie = `ldn_tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }
} catch {
  /* no Intl time zone: stay with UTC */
}

// The messages come from a cached file named by its content; the page was painted without them.
const messages = (await fetch(state.messagesUrl).then((r) => r.json())) as Record<string, string>;
const { app, router, state: live } = createLdnApp(state, messages, api, createWebHistory());
const i18nT = (key: string) => messages[key] ?? key;
router.beforeResolve(async (to, from) => {
  if (from.matched.length === 0) return; // the first route: its data came with the page
  // A refused form's echo and the server's notice belong to the page the server sent.
  delete live.form;
  delete live.notice;
  // Same address but for the #fragment (a link within the page): the data on hand is the page's.
  if (live.data[dataKey(to)] !== undefined && dataKey(to) === dataKey(from)) return;
  live.status = await loadRoute({ api, route: to, state: live });
});
router.afterEach((to) => {
  // Pages that name themselves (usePageTitle) overwrite this once their data is there.
  if (to.meta.titleKey) document.title = fullTitle(i18nT(to.meta.titleKey), i18nT('site-name'));
});
void router.isReady().then(() => {
  app.mount('#app');
  document.documentElement.setAttribute('data-hydrated', 'true');
});
