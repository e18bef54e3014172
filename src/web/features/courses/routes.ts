import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Every course page and loader comes in one chunk (pages.ts), imported once per process and shared by every
// router instance (the server builds one per request), out of the first route's JavaScript.
type Pages = typeof import('./pages');
let pages: Promise<Pages> | null = null;
const chunk = () => (pages ??= import('./pages'));
type Name = 'Courses' | 'Course' | 'NewCourse' | 'EditCourse';

// Each page sets its own title (usePageTitle) and its loader is named after it (CoursePage, loadCourse): every
// byte here is part of the first route's JavaScript.
const route = (path: string, name: Name): RouteRecordRaw => ({
  path: `/courses${path}`,
  component: async () => (await chunk())[`${name}Page`],
  meta: { load: async (ctx: LoadContext) => (await chunk())[`load${name}`](ctx) },
});

export const coursesRoutes: RouteRecordRaw[] = [
  route('', 'Courses'),
  route('/new', 'NewCourse'),
  route('/:id(\\d+)/edit', 'EditCourse'),
  route('/:id(\\d+)', 'Course'),
];
