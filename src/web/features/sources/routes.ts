import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';
import { sourceImportsRoutes } from './imports/routes';

// Every source page and loader comes in one chunk (pages.ts), imported once per process and shared by every
// router instance (the server builds one per request), out of the first route's JavaScript.
type Pages = typeof import('./pages');
let pages: Promise<Pages> | null = null;
const chunk = () => (pages ??= import('./pages'));
type Name = 'Sources' | 'Source' | 'NewSource' | 'EditSource' | 'SourceHistory';

// Each page sets its own title (usePageTitle) and its loader is named after it (SourcePage, loadSource).
const route = (path: string, name: Name): RouteRecordRaw => ({
  path: `/sources${path}`,
  component: async () => (await chunk())[`${name}Page`],
  meta: { load: async (ctx: LoadContext) => (await chunk())[`load${name}`](ctx) },
});

export const sourcesRoutes: RouteRecordRaw[] = [
  // The import pages come in their own chunk (imports/routes.ts).
  ...sourceImportsRoutes,
  route('', 'Sources'),
  route('/new', 'NewSource'),
  route('/:id(\\d+)/edit', 'EditSource'),
  route('/:id(\\d+)/history', 'SourceHistory'),
  route('/:id(\\d+)', 'Source'),
];
