import { lazyRoutes } from '../../ui/lazy-routes';
import { timePollsRoutes } from './polls/routes';

// Every events page and loader comes in one chunk (pages.ts), out of the first route's JavaScript; find a
// time's pages have their own (polls/routes.ts).
export const eventsRoutes = [
  ...lazyRoutes(
    () => import('./pages'),
    [
      ['/events', 'EventsPage', 'loadEvents'],
      ['/events/new', 'EventFormPage', 'loadEventForm'],
      ['/events/:id(\\d+)', 'EventPage', 'loadEvent'],
      ['/events/:id(\\d+)/edit', 'EventFormPage', 'loadEventForm'],
    ],
  ),
  ...timePollsRoutes,
];
