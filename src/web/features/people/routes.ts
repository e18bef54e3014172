import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Loaders come in with their page's chunk, so reference data stays out of the first route's JavaScript.
const load = (name: 'loadParticipants' | 'loadPerson' | 'loadProfileSettings') => async (ctx: LoadContext) => (await import('./load'))[name](ctx);

export const peopleRoutes: RouteRecordRaw[] = [
  { path: '/participants', name: 'participants', component: () => import('./ParticipantsPage.vue'), meta: { titleKey: 'people-participants-title', load: load('loadParticipants') } },
  { path: '/people/:username', name: 'person', component: () => import('./PersonPage.vue'), meta: { load: load('loadPerson') } },
  { path: '/settings/profile', name: 'profile-settings', component: () => import('./ProfileSettingsPage.vue'), meta: { titleKey: 'people-settings-title', load: load('loadProfileSettings') } },
];
