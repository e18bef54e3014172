// The filters' shares read from the planner's statistics, which decide whether a search walks or asks the facets index.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/harness';
import { expectedShare } from './facet-shares';
import { insertSources } from './testing';

describe("the filters' shares", () => {
  it('come from the statistics: each value its share, several values the product, an unlisted one rare', async () => {
    const app = await testApp();
    await insertSources(
      app,
      Array.from({ length: 40 }, (_, n) => ({ title: `share ${n}`, kind: n % 2 ? 'book' : 'video' })),
    );
    await sql`analyze sources`.execute(app.db);
    const later = Date.now() + 3_600_000; // past the kept statistics' ten minutes
    const book = await expectedShare(app.db, ['k:book'], later);
    expect(book).toBeGreaterThan(0);
    expect(book).toBeLessThanOrEqual(1);
    const both = await expectedShare(app.db, ['k:book', 'a:open'], later);
    expect(both).toBeLessThanOrEqual(book!);
    const unlisted = await expectedShare(app.db, ['s:no_such_skill_value'], later);
    expect(unlisted).toBeLessThan(book!);
  });
});
