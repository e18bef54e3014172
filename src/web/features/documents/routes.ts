import { lazyRoutes } from '../../ui/lazy-routes';

// Every documents page and loader comes in one chunk (pages.ts), out of the first route's JavaScript.
const doc = '/documents/:slug([a-z0-9][a-z0-9-]*)';

export const documentsRoutes = lazyRoutes(
  () => import('./pages'),
  [
    ['/documents', 'DocumentsPage', 'loadDocuments', 'documents-title'],
    ['/documents/new', 'NewDocumentPage', 'loadNewDocument', 'documents-new-title'],
    [doc, 'DocumentPage', 'loadDocument'],
    [`${doc}/edit`, 'EditSourcePage', 'loadSource'],
    [`${doc}/translate/:lang([a-z0-9-]+)?`, 'TranslatePage', 'loadTranslate'],
    [`${doc}/history`, 'HistoryPage', 'loadHistory'],
    [`${doc}/compare`, 'ComparePage', 'loadCompare'],
    [`${doc}/amendments`, 'AmendmentsPage', 'loadAmendments'],
    ['/amendments/:id(\\d+)', 'AmendmentPage', 'loadAmendment'],
    ['/adaptations/:id(\\d+)', 'AdaptationPage', 'loadAdaptation'],
  ],
);
