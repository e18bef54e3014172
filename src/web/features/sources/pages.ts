// Every source page and loader in one chunk: the route table (routes.ts, part of the first route's JavaScript)
// then names one lazy import instead of a chunk per page and per loader.
export { default as SourcesPage } from './SourcesPage.vue';
export { default as SourcePage } from './SourcePage.vue';
export { default as NewSourcePage } from './NewSourcePage.vue';
export { default as EditSourcePage } from './EditSourcePage.vue';
export { default as SourceHistoryPage } from './SourceHistoryPage.vue';
export { loadSources, loadSource, loadNewSource, loadEditSource, loadSourceHistory } from './load';
