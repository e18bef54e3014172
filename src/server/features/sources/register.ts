// What sources add to the shared registries: subjects, notification kinds, jobs.
import { registerInitiativeSourcesReader } from '../initiatives';
import { sourcesOfInitiative } from './links/service';

export function registerSources(): void {
  // An initiative's wikitext export lists the sources it used (initiatives/export/sources.ts).
  registerInitiativeSourcesReader(sourcesOfInitiative);
}
