import { lazyRoutes } from '../../ui/lazy-routes';

// The reading list pages and their loaders come in one chunk (pages.ts), out of the first route's JavaScript.
export const readingListsRoutes = lazyRoutes(
  () => import('./pages'),
  [
    ['/reading-lists/new', 'NewReadingListPage', 'loadNewReadingList', 'reading-lists-new-title'],
    ['/reading-lists/:id(\\d+)', 'ReadingListPage', 'loadReadingList'],
  ],
);
