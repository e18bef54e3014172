// A fresh install gets the guides without demo content, once, even when two instances start together.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { testDbKind, testSchema } from '../../testing/harness';
import { ensureGuides } from './seed';

const onPostgres = testDbKind() === 'postgres';
const handles: DatabaseHandle[] = [];

afterAll(async () => {
  if (handles[0])
    await handles[0].withConnection((exec) => exec(`drop schema if exists ${testSchema()}_fresh cascade`));
  for (const h of handles) await h.close();
});

describe('the shipped guides on a fresh database', () => {
  it.skipIf(!onPostgres)('are loaded once by two instances starting at the same moment', async () => {
    const open = () =>
      openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, schema: `${testSchema()}_fresh`, dataDir: null });
    // Opened one after the other (creating the schema is not itself safe to race); then they race.
    const a = await open();
    const b = await open();
    handles.push(a, b);
    await Promise.all([migrate(a), migrate(b)]);
    const loaded = await Promise.all([ensureGuides(a.db), ensureGuides(b.db)]);
    expect(loaded.sort()).toEqual([false, true]);
    const guides = await a.db.selectFrom('guides').select('slug').orderBy('position').execute();
    expect(guides.map((g) => g.slug)).toEqual(['overview', 'define', 'design', 'develop', 'implement', 'evaluate']);
    const versions = await a.db
      .selectFrom('guide_versions')
      .select(['language', 'revision', 'source_revision'])
      .execute();
    expect(versions).toHaveLength(36);
    expect(versions.every((v) => v.revision === 1 && v.source_revision === (v.language === 'en' ? null : 1))).toBe(
      true,
    );
    expect(await a.db.selectFrom('guide_revisions').select('id').execute()).toHaveLength(36);
  });
});
