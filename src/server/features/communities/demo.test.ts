import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../testing/harness';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { loadDemoPeople, DEMO_PEOPLE } from '../people/demo';
import { REGIONS } from '../../../contracts/regions';
import { COMMUNITY_KINDS } from '../../../contracts/community-kinds';
import { isMediaWikiLanguage } from '../../../contracts/mediawiki-languages';
import { isSkill } from '../../../contracts/skills';
import { isCountry } from '../../../contracts/countries';
import { DEMO_GROUPS, loadDemoCommunities } from './demo';

describe('demo content', () => {
  it('uses only valid reference data and covers every region and kind', () => {
    expect(new Set(DEMO_PEOPLE.map((p) => p.region))).toEqual(new Set(REGIONS));
    expect(new Set(DEMO_GROUPS.map((g) => g.kind))).toEqual(new Set(COMMUNITY_KINDS));
    for (const p of DEMO_PEOPLE) {
      expect(p.languages.every(isMediaWikiLanguage), p.name).toBe(true);
      expect(p.interests.every(isSkill), p.name).toBe(true);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: p.timeZone }), p.timeZone).not.toThrow();
    }
    for (const g of DEMO_GROUPS) {
      expect(g.languages.every(isMediaWikiLanguage), g.name).toBe(true);
      expect(g.country === null || isCountry(g.country), g.name).toBe(true);
    }
  });

  it('loads people and groups marked as demo, partners with current and past ambassadors', async () => {
    // Its own in-memory database: the demo's fixed names would meet on a shared one.
    const handle = (await testDatabase()).kind === 'pglite' ? await openDatabase({ databaseUrl: null }) : null;
    if (!handle) return; // the PostgreSQL run shares one schema per worker; the PGlite run covers loading.
    try {
      await migrate(handle);
      await handle.db.transaction().execute(async (trx) => {
        await loadDemoPeople(trx);
        await loadDemoCommunities(trx);
      });
      const people = await handle.db
        .selectFrom('users')
        .select(['is_demo', 'password_hash', 'display_name', 'bio'])
        .execute();
      expect(people.length).toBe(DEMO_PEOPLE.length);
      expect(
        people.every(
          (p) => p.is_demo && p.password_hash === null && /demo/i.test(p.display_name) && /demo/i.test(p.bio),
        ),
      ).toBe(true);
      const groups = await handle.db
        .selectFrom('communities')
        .select(['is_demo', 'is_partner', 'name', 'slug'])
        .execute();
      expect(groups.every((g) => g.is_demo && /demo/i.test(g.name))).toBe(true);
      expect(groups.filter((g) => g.is_partner).length).toBeGreaterThanOrEqual(4);
      const terms = await handle.db.selectFrom('ambassador_terms').select(['end_date']).execute();
      expect(terms.some((t) => t.end_date === null)).toBe(true);
      expect(terms.some((t) => t.end_date !== null)).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
