// Find a time's pages and loaders in one chunk (routes.ts names it lazily).
export { default as TimePollPage } from './TimePollPage.vue';
export { default as NewTimePollPage } from './NewTimePollPage.vue';
export { loadTimePoll, loadNewTimePoll } from './load';
