// The import pages and loaders in one chunk: the route table (routes.ts) names one lazy import.
export { default as ImportUploadPage } from './ImportUploadPage.vue';
export { default as ImportPage } from './ImportPage.vue';
export { loadImportUpload, loadImport } from './load';
