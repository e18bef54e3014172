import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { usernameKey } from '../../../contracts/usernames';

describe('profiles', () => {
  it('shows a person their whole profile and lets them change it', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const empty = await a.get('/api/v1/me/profile');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      username: a.username,
      displayName: a.username,
      languages: [],
      region: null,
      wikimediaLinked: false,
    });
    const res = await a.patch('/api/v1/me/profile', {
      displayName: '  Ada L. ',
      wikimediaUsername: 'Ada_Lovelace',
      languages: ['pt-br', 'zh-hans', 'skr-arab', 'AR', 'ar'],
      region: 'MENA',
      timeZone: 'africa/cairo',
      bio: 'I organise edit-a-thons.',
      interests: ['mentoring', 'public_speaking'],
      uiLanguage: 'fr',
      publicFields: ['display_name', 'languages'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Ada L.',
      wikimediaUsername: 'Ada Lovelace',
      languages: ['pt-br', 'zh-hans', 'skr-arab', 'ar'],
      region: 'MENA',
      timeZone: 'Africa/Cairo',
      bio: 'I organise edit-a-thons.',
      interests: ['mentoring', 'public_speaking'],
      uiLanguage: 'fr',
      publicFields: ['display_name', 'languages'],
    });
    // The interface language preference applies at once.
    const session = await a.get('/api/v1/session');
    expect(session.body.user).toMatchObject({ displayName: 'Ada L.', timeZone: 'Africa/Cairo', uiLanguage: 'fr' });
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('actor_id', '=', a.userId)
      .where('action', '=', 'profile.update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).not.toContain('edit-a-thons');
  });

  it('shows others only the public fields, and the person everything on their own page', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    await a.patch('/api/v1/me/profile', {
      displayName: 'Private Name',
      region: 'SA',
      languages: ['hi'],
      bio: 'Hidden bio',
      timeZone: 'Asia/Kolkata',
      publicFields: ['region'],
    });
    const other = await new TestClient(app).get(`/api/v1/people/${a.username}`);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({
      username: a.username,
      displayName: null,
      region: 'SA',
      languages: null,
      bio: null,
      timeZone: null,
      isSelf: false,
    });
    expect(other.body.publicFields).toBeUndefined();
    const own = await a.get(`/api/v1/people/${a.username}`);
    expect(own.body).toMatchObject({
      displayName: 'Private Name',
      languages: ['hi'],
      bio: 'Hidden bio',
      timeZone: 'Asia/Kolkata',
      isSelf: true,
      publicFields: ['region'],
    });
  });

  it('finds a person with underscores for spaces and in any letter case', async () => {
    const app = await testApp();
    const name = unique('Ada Love ');
    const a = await signedUp(app, name);
    const res = await new TestClient(app).get(
      `/api/v1/people/${encodeURIComponent(name.toUpperCase().replace(/ /g, '_'))}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.username).toBe(a.username);
    expect((await new TestClient(app).get('/api/v1/people/Nobody_here_at_all_42')).status).toBe(404);
  });

  it('answers an old username with a redirect to the new one', async () => {
    const app = await testApp();
    const oldName = unique('Old Name ');
    const a = await signedUp(app, oldName);
    const newName = unique('New Name ');
    await app.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ username: newName, username_key: usernameKey(newName) })
        .where('id', '=', a.userId)
        .execute();
      await trx
        .insertInto('username_history')
        .values({ username_key: usernameKey(oldName), user_id: a.userId })
        .execute();
    });
    const res = await new TestClient(app).get(`/api/v1/people/${oldName.replace(/ /g, '_')}`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`/api/v1/people/${encodeURIComponent(newName.replace(/ /g, '_'))}`);
    expect(res.body).toEqual({ username: newName, location: res.headers.location });
  });

  it('names each bad field, translated, and changes nothing', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const res = await a.patch('/api/v1/me/profile?uselang=ru', {
      displayName: 'x'.repeat(101),
      wikimediaUsername: 'a|b',
      languages: ['xx-nope'],
      region: 'Europe',
      timeZone: 'Mars/Olympus',
      bio: 'b'.repeat(2001),
      interests: ['juggling'],
      uiLanguage: 'de',
      publicFields: ['email'],
      email: 'x@example.org',
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'bio',
      'displayName',
      'email',
      'interests',
      'languages',
      'publicFields.0',
      'region',
      'timeZone',
      'uiLanguage',
      'wikimediaUsername',
    ]);
    const tz = res.body.errors.find((e: { field: string }) => e.field === 'timeZone');
    expect(tz.message).toContain('Mars/Olympus');
    expect(tz.message).toMatch(/часовой пояс/);
    const own = await a.get('/api/v1/me/profile');
    expect(own.body).toMatchObject({ displayName: a.username, region: null, bio: '' });
  });

  it('keeps the Wikimedia username of a linked account', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    await app.db
      .updateTable('users')
      .set({ wikimedia_sub: unique('sub'), wikimedia_username: 'Linked Name' })
      .where('id', '=', a.userId)
      .execute();
    const res = await a.patch('/api/v1/me/profile', { wikimediaUsername: 'Someone Else' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('wikimediaUsername');
    expect((await a.get('/api/v1/me/profile')).body).toMatchObject({
      wikimediaUsername: 'Linked Name',
      wikimediaLinked: true,
    });
    expect((await a.patch('/api/v1/me/profile', { wikimediaUsername: 'Linked Name', bio: 'ok' })).status).toBe(200);
  });

  it('needs a signed-in person and the CSRF token', async () => {
    const app = await testApp();
    const anon = await new TestClient(app).start();
    expect((await anon.get('/api/v1/me/profile')).status).toBe(401);
    expect((await anon.patch('/api/v1/me/profile', { bio: 'x' })).status).toBe(401);
    const a = await signedUp(app);
    const forged = await a.request('PATCH', '/api/v1/me/profile', { bio: 'forged' }, { 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    expect((await a.get('/api/v1/me/profile')).body.bio).toBe('');
  });
});

describe('stats', () => {
  it('counts participants, groups, partners, current ambassadors and public languages', async () => {
    const app = await testApp();
    const c = new TestClient(app);
    const before = (await c.get('/api/v1/stats')).body;
    expect(Object.keys(before).sort()).toEqual(['ambassadors', 'groups', 'languages', 'participants', 'partners']);
    const a = await signedUp(app);
    // A language nobody else uses: private languages do not count, public ones do.
    await a.patch('/api/v1/me/profile', { languages: ['nys'], publicFields: [] });
    expect((await c.get('/api/v1/stats')).body).toMatchObject({
      participants: before.participants + 1,
      languages: before.languages,
    });
    await a.patch('/api/v1/me/profile', { publicFields: ['languages'] });
    expect((await c.get('/api/v1/stats')).body.languages).toBe(before.languages + 1);
  });
});

describe('person pages after a rename', () => {
  it('answer 301 from the old address to the new one, keeping the query string', async () => {
    const app = await testApp();
    const oldName = unique('Page Old ');
    const a = await signedUp(app, oldName);
    const newName = unique('Page New ');
    await app.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ username: newName, username_key: usernameKey(newName) })
        .where('id', '=', a.userId)
        .execute();
      await trx
        .insertInto('username_history')
        .values({ username_key: usernameKey(oldName), user_id: a.userId })
        .execute();
    });
    const res = await app.inject({
      url: `/people/${encodeURIComponent(oldName.toLowerCase().replace(/ /g, '_'))}?uselang=fr`,
    });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/people/${encodeURIComponent(newName.replace(/ /g, '_'))}?uselang=fr`);
    const current = await app.inject({ url: `/people/${encodeURIComponent(newName.replace(/ /g, '_'))}` });
    expect(current.statusCode).not.toBe(301);
  });

  it('never look up a name no one can have (a NUL): the database never sees it', async () => {
    const res = await (await testApp()).inject({ url: '/people/a%00b' });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(/stored or searched/);
  });
});
