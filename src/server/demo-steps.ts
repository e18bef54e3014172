// The demo steps in order; a feature appends its own (people first, then groups, then what refers to them).
import type { Db } from './db/connection';
import { loadDemoPeople } from './features/people/demo';
import { loadDemoCommunities } from './features/communities/demo';
import { loadDemoFaq } from './features/faq/demo';
import { loadDemoUpdates } from './features/updates/demo';
import { loadDemoDebates } from './features/debates/demo';
import { loadDemoInitiatives } from './features/initiatives/demo';

export type DemoStep = (db: Db) => Promise<void>;

export const demoSteps: DemoStep[] = [loadDemoPeople, loadDemoCommunities, loadDemoFaq, loadDemoUpdates, loadDemoDebates, loadDemoInitiatives];
