// Migration 0027 and the start-up fill: stored names become NFC, and every username and group name gets its
// look-alike key, so names written before (or by tools) are compared like new ones.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../../db/migrate';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { fillGroupNameSkeletons } from '../communities';
import { fillUsernameSkeletons } from './repo';

/** The migration's data statements (its `update`s), which may run again: the columns are already there. */
const updates = () =>
  fs
    .readFileSync(path.join(migrationsDir, '0027_name_skeletons.sql'), 'utf8')
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('update'));

describe('names written before migration 0027', () => {
  it('are normalized to NFC', async () => {
    const app = await testApp();
    const nfd = unique('Zoe\u0308 ');
    const { id } = await app.db
      .insertInto('users')
      .values({ username: nfd, username_key: nfd.toLowerCase(), display_name: `Rene\u0301e ${nfd}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const statement of updates()) await sql.raw(statement).execute(app.db);
    const row = await app.db
      .selectFrom('users')
      .select(['username', 'username_key', 'display_name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.username).toBe(nfd.normalize('NFC'));
    expect(row.username_key).toBe(nfd.toLowerCase().normalize('NFC'));
    expect(row.display_name).toBe(`Ren\u00e9e ${nfd}`.normalize('NFC'));
  });

  it('get their look-alike keys at start-up, and a look-alike of them is then refused', async () => {
    const app = await testApp();
    const name = unique('Old Timer ');
    await app.db.insertInto('users').values({ username: name, username_key: name.toLowerCase() }).execute();
    const group = unique('Old Group ');
    const creator = await signedUp(app);
    await app.db
      .insertInto('communities')
      .values({
        slug: group.toLowerCase().replace(/ /g, '-'),
        name: group,
        name_key: group.toLowerCase(),
        kind: 'user_group',
        region: 'NWE',
        created_by: creator.userId,
      })
      .execute();
    expect(await fillUsernameSkeletons(app.db)).toBeGreaterThanOrEqual(1);
    expect(await fillGroupNameSkeletons(app.db)).toBeGreaterThanOrEqual(1);
    expect(await fillUsernameSkeletons(app.db)).toBe(0);

    const c = await new TestClient(app).start();
    const alike = await c.post('/api/v1/accounts', {
      username: name.replace('O', '\u041e'),
      password: 'a fine secret',
    });
    expect(alike.status).toBe(409);
    expect(alike.body.looksLike).toBe(name);
    const groupAlike = await creator.post('/api/v1/communities', {
      name: group.replace('O', '\u041e'),
      kind: 'user_group',
      region: 'NWE',
    });
    expect(groupAlike.status).toBe(409);
    expect(groupAlike.body.looksLike.name).toBe(group);
  });
});
