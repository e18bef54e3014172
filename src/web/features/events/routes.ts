import type { RouteRecordRaw } from 'vue-router';
import { timePollsRoutes } from './polls/routes';

// The events' pages: find a time's (its own chunk, polls/routes.ts).
export const eventsRoutes: RouteRecordRaw[] = [...timePollsRoutes];
