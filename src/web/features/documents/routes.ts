import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../../state';

// Every documents page and loader comes in one chunk (pages.ts), imported once per process and shared by every
// router instance (the server builds one per request), out of the first route's JavaScript.
type Pages = typeof import('./pages');
let pages: Promise<Pages> | null = null;
const chunk = () => (pages ??= import('./pages'));
type PageName = { [K in keyof Pages]: K extends `${string}Page` ? K : never }[keyof Pages];
type LoaderName = { [K in keyof Pages]: K extends `load${string}` ? K : never }[keyof Pages];

const route = (path: string, page: PageName, load: LoaderName, titleKey?: string): RouteRecordRaw => ({
  path,
  component: async () => (await chunk())[page],
  meta: { titleKey, load: async (ctx: LoadContext) => (await chunk())[load](ctx) },
});

const doc = '/documents/:slug([a-z0-9][a-z0-9-]*)';

export const documentsRoutes: RouteRecordRaw[] = [
  route('/documents', 'DocumentsPage', 'loadDocuments', 'documents-title'),
  route('/documents/new', 'NewDocumentPage', 'loadNewDocument', 'documents-new-title'),
  route(doc, 'DocumentPage', 'loadDocument'),
  route(`${doc}/edit`, 'EditSourcePage', 'loadSource'),
  route(`${doc}/translate/:lang([a-z0-9-]+)?`, 'TranslatePage', 'loadTranslate'),
  route(`${doc}/history`, 'HistoryPage', 'loadHistory'),
  route(`${doc}/compare`, 'ComparePage', 'loadCompare'),
  route(`${doc}/amendments`, 'AmendmentsPage', 'loadAmendments'),
  route('/amendments/:id(\\d+)', 'AmendmentPage', 'loadAmendment'),
  route('/adaptations/:id(\\d+)', 'AdaptationPage', 'loadAdaptation'),
];
