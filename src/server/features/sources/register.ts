// What sources add to the shared registries: subjects, notification kinds, jobs.
export function registerSources(): void {}
