import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Each import is made once per process and shared by every router instance: the server builds a router per
// request, and a fresh dynamic import per request costs milliseconds under a module loader.
const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};
// Loaders come in with their page's chunk, so reference data stays out of the first route's JavaScript.
const loaders = once(() => import('./load'));
const load = (name: 'loadParticipants' | 'loadPerson' | 'loadProfileSettings') => async (ctx: LoadContext) =>
  (await loaders())[name](ctx);

export const peopleRoutes: RouteRecordRaw[] = [
  {
    path: '/participants',
    name: 'participants',
    component: once(() => import('./ParticipantsPage.vue')),
    meta: { titleKey: 'people-participants-title', load: load('loadParticipants') },
  },
  {
    path: '/people/:username',
    name: 'person',
    component: once(() => import('./PersonPage.vue')),
    meta: { load: load('loadPerson') },
  },
  {
    path: '/settings/profile',
    name: 'profile-settings',
    component: once(() => import('./ProfileSettingsPage.vue')),
    meta: { titleKey: 'people-settings-title', load: load('loadProfileSettings') },
  },
];
