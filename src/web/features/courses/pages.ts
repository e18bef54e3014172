// Every course page and loader in one chunk: the route table (routes.ts, part of the first route's JavaScript)
// then names one lazy import instead of a chunk per page and per loader.
export { default as CoursesPage } from './CoursesPage.vue';
export { default as CoursePage } from './CoursePage.vue';
export { default as NewCoursePage } from './NewCoursePage.vue';
export { default as EditCoursePage } from './EditCoursePage.vue';
export { loadCourses, loadCourse, loadNewCourse, loadEditCourse } from './load';
