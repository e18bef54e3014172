// The embedded database's new data folder, made by the build (scripts/build-if-changed.mjs) in
// dist/pglite-template: PGlite's initdb and the migrations done once, so a fresh start copies it (db/connection.ts)
// instead of spending seconds on them, and without initdb's second WebAssembly instance, whose memory stays held
// long after. Made again when the packages (PGlite's version) or the migrations change; a start still applies any
// migration the folder lacks.
import fs from 'node:fs';
import { openDatabase, pgliteTemplateDir } from './connection';
import { migrate } from './migrate';

export async function makePgliteTemplate(): Promise<void> {
  const making = `${pgliteTemplateDir}.new`;
  fs.rmSync(making, { recursive: true, force: true });
  const handle = await openDatabase({ databaseUrl: null, dataDir: making });
  try {
    await migrate(handle);
  } finally {
    await handle.close();
  }
  fs.rmSync(pgliteTemplateDir, { recursive: true, force: true });
  fs.renameSync(making, pgliteTemplateDir);
}
