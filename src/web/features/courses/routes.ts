import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Each import is made once per process and shared by every router instance (the server builds one per request).
const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};
// Loaders come in with their page's chunk, out of the first route's JavaScript.
const loaders = once(() => import('./load'));
const load = (name: 'loadCourses' | 'loadCourse' | 'loadNewCourse' | 'loadEditCourse') => async (ctx: LoadContext) =>
  (await loaders())[name](ctx);

export const coursesRoutes: RouteRecordRaw[] = [
  {
    path: '/courses',
    name: 'courses',
    component: once(() => import('./CoursesPage.vue')),
    meta: { titleKey: 'courses-title', load: load('loadCourses') },
  },
  {
    path: '/courses/new',
    name: 'course-new',
    component: once(() => import('./NewCoursePage.vue')),
    meta: { titleKey: 'courses-new-title', load: load('loadNewCourse') },
  },
  {
    path: '/courses/:id(\\d+)/edit',
    name: 'course-edit',
    component: once(() => import('./EditCoursePage.vue')),
    meta: { load: load('loadEditCourse') },
  },
  {
    path: '/courses/:id(\\d+)',
    name: 'course',
    component: once(() => import('./CoursePage.vue')),
    meta: { load: load('loadCourse') },
  },
];
