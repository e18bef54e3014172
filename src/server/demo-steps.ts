// The demo steps in order; a feature appends its own (people first, then groups, then what refers to them).
import type { Db } from './db/connection';

export type DemoStep = (db: Db) => Promise<void>;

export const demoSteps: DemoStep[] = [];
