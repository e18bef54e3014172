// The reading list pages and loaders in one chunk: the route table (routes.ts) names one lazy import.
export { default as ReadingListPage } from './ReadingListPage.vue';
export { default as NewReadingListPage } from './NewReadingListPage.vue';
export { loadReadingList, loadNewReadingList } from './load';
