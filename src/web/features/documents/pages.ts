// Every documents page and loader in one chunk: the route table (routes.ts, part of the first route's
// JavaScript) then names one lazy import instead of a chunk per page and per loader.
export { default as DocumentsPage } from './DocumentsPage.vue';
export { default as DocumentPage } from './reading/DocumentPage.vue';
export { default as EditSourcePage } from './reading/EditSourcePage.vue';
export { default as TranslatePage } from './translate/TranslatePage.vue';
export { default as HistoryPage } from './history/HistoryPage.vue';
export { default as ComparePage } from './history/ComparePage.vue';
export { default as AmendmentsPage } from './amendments/AmendmentsPage.vue';
export { default as AmendmentPage } from './amendments/AmendmentPage.vue';
export { default as AdaptationPage } from './adaptations/AdaptationPage.vue';
export { default as NewDocumentPage } from './create/NewDocumentPage.vue';
export { loadDocuments } from './load';
export { loadNewDocument } from './create/load';
export { loadDocument, loadSource } from './reading/load';
export { loadTranslate } from './translate/load';
export { loadHistory, loadCompare } from './history/load';
export { loadAmendments, loadAmendment } from './amendments/load';
export { loadAdaptation } from './adaptations/load';
