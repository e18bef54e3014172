// The guides feature's public module: what other features and the app may use of it. Guides register nothing
// in the shared registries; the shipped text is loaded at start-up (ensureGuides, from main.ts).
export { guidesRoutes } from './routes';
export { ensureGuides } from './seed';
export { phaseChecklist, type PhaseChecklist } from './service';
export { PHASES, type Phase } from './tables';
