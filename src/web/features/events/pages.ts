// Every events page and loader in one chunk: the route table (routes.ts, part of the first route's JavaScript)
// names one lazy import instead of a chunk per page and per loader.
export { default as EventsPage } from './list/EventsPage.vue';
export { default as EventPage } from './detail/EventPage.vue';
export { default as EventFormPage } from './edit/EventFormPage.vue';
export { loadEvents } from './list/load';
export { loadEvent } from './detail/load';
export { loadEventForm } from './edit/load';
