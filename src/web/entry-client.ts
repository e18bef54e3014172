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
  const [res] = await Promise.all([fetch(path, init), loadAllMessages()]);
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

// The page came with the messages it shows, so its first paint waits for no other file; the language's others
// come from a file named by its content (so cached for good) as soon as the page is live, and at once if
// something shows a message the page lacks before that. Not later (at a first touch, say): what a script writes
// on its own (an error set as a file is chosen, a notice after a save) is a message computed once, which must not
// be a bare key because the file was not there yet; for the same reason an API call's answer waits for it.
const messages = state.messages ?? {};
delete state.messages;
let allMessages: Promise<void> | null = null;
const loadAllMessages = () =>
  (allMessages ??= fetch(state.messagesUrl)
    .then((r) => r.json() as Promise<Record<string, string>>)
    .then((all) => i18n.addMessages(all))
    .catch(() => {
      allMessages = null; // offline for now: the next need tries again
    }));
const {
  app,
  router,
  state: live,
  i18n,
} = createLdnApp(state, messages, api, createWebHistory(), { missing: () => void loadAllMessages() });

// Codex's stylesheet is cut to what the first page can show; the next pages get all of it, put where the cut is
// so the cascade stays the same.
let codexAll: Promise<unknown> | null = null;
const loadCodexAll = () => {
  const cut = document.getElementById('ldn-codex') as HTMLLinkElement | null;
  const href = cut?.dataset.all;
  if (!cut || !href) return Promise.resolve();
  return (codexAll ??= new Promise((resolve) => {
    const all = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    all.onload = all.onerror = () => resolve(cut.remove());
    cut.before(all);
  }));
};
router.beforeResolve(async (to, from) => {
  if (from.matched.length === 0) return; // the first route: its data came with the page
  const more = Promise.all([loadAllMessages(), loadCodexAll()]);
  // A refused form's echo and the server's notice belong to the page the server sent.
  delete live.form;
  delete live.notice;
  // Same address but for the #fragment (a link within the page): the data on hand is the page's, and so are
  // its messages and styles (what comes meanwhile is for later pages).
  if (live.data[dataKey(to)] !== undefined && dataKey(to) === dataKey(from)) return;
  [live.status] = await Promise.all([loadRoute({ api, route: to, state: live }), more]);
});
router.afterEach((to) => {
  // Pages that name themselves (usePageTitle) overwrite this once their data is there.
  if (to.meta.titleKey) document.title = fullTitle(i18n.t(to.meta.titleKey), i18n.t('site-name'));
});
void router.isReady().then(() => {
  app.mount('#app');
  document.documentElement.setAttribute('data-hydrated', 'true');
  void loadAllMessages();
});
