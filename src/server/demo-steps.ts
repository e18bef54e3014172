// The demo steps in order; a feature appends its own (people first, then groups, then what refers to them).
import type { Db } from './db/connection';
import { loadDemoPeople } from './features/people';
import { loadDemoCommunities } from './features/communities';
import { loadDemoFaq } from './features/faq';
import { loadDemoUpdates } from './features/updates';
import { loadDemoDebates } from './features/debates';
import { loadDemoInitiatives } from './features/initiatives';
import { loadDemoDocuments } from './features/documents';
import { loadDemoAdaptations } from './features/documents';
import { loadDemoCourses } from './features/courses';
import { loadDemoEvents } from './features/events';
import { loadDemoReadingLists, loadDemoSources } from './features/sources';

export type DemoStep = (db: Db) => Promise<void>;

export const demoSteps: DemoStep[] = [
  loadDemoPeople,
  loadDemoCommunities,
  loadDemoFaq,
  loadDemoUpdates,
  loadDemoDebates,
  loadDemoInitiatives,
  loadDemoDocuments,
  loadDemoAdaptations,
  loadDemoCourses,
  loadDemoEvents,
  loadDemoSources,
  // After the demo sources (sources/demo.ts): the reading lists and initiatives' sources are made of them.
  loadDemoReadingLists,
];
