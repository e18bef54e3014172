import { lazyRoutes } from '../../../ui/lazy-routes';

// The import pages and their loaders come in one chunk (pages.ts), out of the first route's JavaScript.
export const sourceImportsRoutes = lazyRoutes(
  () => import('./pages'),
  [
    ['/sources/import', 'ImportUploadPage', 'loadImportUpload', 'sources-import-title'],
    ['/sources/import/:id(\\d+)', 'ImportPage', 'loadImport'],
  ],
);
