import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../../state';

// Find a time's pages and loaders come in one chunk (pages.ts), out of the first route's JavaScript, as
// documents' do.
type Pages = typeof import('./pages');
let pages: Promise<Pages> | null = null;
const chunk = () => (pages ??= import('./pages'));
type PageName = { [K in keyof Pages]: K extends `${string}Page` ? K : never }[keyof Pages];
type LoaderName = { [K in keyof Pages]: K extends `load${string}` ? K : never }[keyof Pages];

const route = (path: string, page: PageName, load: LoaderName, titleKey?: string): RouteRecordRaw => ({
  path,
  component: async () => (await chunk())[page],
  meta: { titleKey, load: async (ctx: LoadContext) => (await chunk())[load](ctx) },
});

export const timePollsRoutes: RouteRecordRaw[] = [
  route('/time-polls/new', 'NewTimePollPage', 'loadNewTimePoll', 'time-polls-new-title'),
  route('/time-polls/:id(\\d+)', 'TimePollPage', 'loadTimePoll'),
];
