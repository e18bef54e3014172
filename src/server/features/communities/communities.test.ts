import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { admin, auditOf, createGroup } from './test-helpers';

describe('registering a group', () => {
  it('answers 201 with the group, a slug from the name, and the creator as coordinator', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const name = unique('Wikimedians of Ñandú ');
    const res = await a.post('/api/v1/communities', {
      name: `  ${name} `,
      kind: 'thematic_organization',
      region: 'LAC',
      country: 'ar',
      languages: ['es', 'pt-br', 'es'],
      metaPage: 'https://meta.wikimedia.org/wiki/Wikimedians_of_%C3%91and%C3%BA',
      website: 'https://example.org/ñandú',
      wikidataId: 'q12345',
      description: 'A group of people who write about birds.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name,
      slug: name.toLowerCase().replace(/ /g, '-'),
      kind: 'thematic_organization',
      region: 'LAC',
      country: 'AR',
      languages: ['es', 'pt-br'],
      metaPage: 'Wikimedians of Ñandú',
      wikidataId: 'Q12345',
      isPartner: false,
      memberCount: 1,
    });
    expect(typeof res.body.id).toBe('string');
    expect(res.body.coordinators).toEqual([{ username: a.username, displayName: a.username }]);
    expect(res.body.viewer).toMatchObject({ member: true, coordinator: true, canEdit: true });
    const log = await auditOf(app, res.body.id);
    expect(log.map((e) => e.action)).toEqual(['community.create']);
  });

  it('keeps letters of any script in slugs and makes them unique', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const tag = unique('x');
    const hindi = await createGroup(a, { name: `विकिमीडिया समूह ${tag}` });
    expect(hindi.slug).toBe(`विकिमीडिया-समूह-${tag}`);
    const first = await createGroup(a, { name: `Wiki: Club ${tag}` });
    const second = await createGroup(a, { name: `Wiki Club ${tag}` });
    expect(first.slug).toBe(`wiki-club-${tag}`);
    expect(second.slug).toBe(`wiki-club-${tag}-2`);
    const reserved = await createGroup(a, { name: 'New' }).catch(() => null);
    if (reserved) expect(reserved.slug).not.toBe('new');
    const detail = await a.get(`/api/v1/communities/${encodeURIComponent(hindi.slug)}`);
    expect(detail.status).toBe(200);
    expect(detail.body.name).toBe(`विकिमीडिया समूह ${tag}`);
  });

  it('refuses a name already taken in any letter case with 409 naming the field', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const res = await a.post('/api/v1/communities', { name: g.name.toUpperCase(), kind: 'hub', region: 'SSA' });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors[0].field).toBe('name');
  });

  it('names each bad field, translated, and writes nothing', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const name = unique('Bad ');
    const res = await a.post('/api/v1/communities?uselang=es', {
      name,
      kind: 'club',
      region: 'EU',
      country: 'XX',
      languages: ['en', 'klingon'],
      metaPage: 'Foo|bar',
      website: 'javascript:alert(1)',
      wikidataId: 'P31',
      description: 'x'.repeat(5001),
      partner: true,
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'country',
      'description',
      'kind',
      'languages',
      'metaPage',
      'partner',
      'region',
      'website',
      'wikidataId',
    ]);
    const lang = res.body.errors.find((e: { field: string }) => e.field === 'languages');
    expect(lang.message).toContain('klingon');
    const missing = await a.post('/api/v1/communities', {});
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'name', 'region']);
    const list = await a.get(`/api/v1/communities?q=${encodeURIComponent(name)}`);
    expect(list.body.items).toEqual([]);
  });

  it('needs a signed-in person and the CSRF token', async () => {
    const app = await testApp();
    const anon = await new TestClient(app).start();
    const res = await anon.post('/api/v1/communities', { name: unique('Anon '), kind: 'hub', region: 'SA' });
    expect(res.status).toBe(401);
    const a = await signedUp(app);
    const forged = await a.post(
      '/api/v1/communities',
      { name: unique('Forged '), kind: 'hub', region: 'SA' },
      { 'x-csrf-token': 'nope' },
    );
    expect(forged.status).toBe(403);
  });
});

describe('changing a group', () => {
  it('lets its coordinator change details, and audits the change', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const res = await a.patch(`/api/v1/communities/${g.slug}`, {
      description: 'New words',
      languages: ['fr'],
      country: null,
      website: 'http://example.net',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      description: 'New words',
      languages: ['fr'],
      country: null,
      website: 'http://example.net',
      slug: g.slug,
    });
    const log = await auditOf(app, g.id);
    expect(log.at(-1)).toMatchObject({ action: 'community.update', actor_id: a.userId });
  });

  it('refuses people who are not its coordinators, and logs the refusal', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const b = await signedUp(app);
    await b.post(`/api/v1/communities/${g.slug}/members`);
    const res = await b.patch(`/api/v1/communities/${g.slug}`, { description: 'Taken over' });
    expect(res.status).toBe(403);
    const anon = await new TestClient(app).start();
    expect((await anon.patch(`/api/v1/communities/${g.slug}`, { description: 'x' })).status).toBe(401);
    const detail = await a.get(`/api/v1/communities/${g.slug}`);
    expect(detail.body.description).toBe('');
    const log = await auditOf(app, g.id);
    expect(log.at(-1)).toMatchObject({ action: 'permission.refused', actor_id: b.userId });
  });

  it('lets only network admins mark a partner: a coordinator sending partner gets 403 and nothing changes', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g = await createGroup(a);
    const res = await a.patch(`/api/v1/communities/${g.slug}`, { partner: true, description: 'Sneaky' });
    expect(res.status).toBe(403);
    const after = await a.get(`/api/v1/communities/${g.slug}`);
    expect(after.body).toMatchObject({ isPartner: false, description: '' });
    const boss = await admin(app);
    const marked = await boss.patch(`/api/v1/communities/${g.slug}`, { partner: true });
    expect(marked.status).toBe(200);
    expect(marked.body.isPartner).toBe(true);
    expect(marked.body.partnerSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(marked.body.history[0]).toMatchObject({ event: 'partner_marked', by: boss.username });
    const unmarked = await boss.patch(`/api/v1/communities/${g.slug}`, { partner: false });
    expect(unmarked.body).toMatchObject({ isPartner: false, partnerSince: null });
    expect(unmarked.body.history.map((h: { event: string }) => h.event)).toEqual([
      'partner_unmarked',
      'partner_marked',
    ]);
  });

  it('refuses renaming to a name another group has, and bad input', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const g1 = await createGroup(a);
    const g2 = await createGroup(a);
    const res = await a.patch(`/api/v1/communities/${g2.slug}`, { name: g1.name.toLowerCase() });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('name');
    const bad = await a.patch(`/api/v1/communities/${g2.slug}`, { region: 'Mars', slug: 'x', languages: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['languages', 'region', 'slug']);
    expect((await a.patch('/api/v1/communities/no-such-group-here', { description: 'x' })).status).toBe(404);
  });
});

describe('the communities directory', () => {
  it('filters by q, region, language, kind and partner, with stable keyset pages', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const tag = unique('dir');
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await createGroup(a, {
          name: `${tag} ${i}`,
          region: i % 2 ? 'MENA' : 'CEE',
          kind: i < 2 ? 'chapter' : 'hub',
          languages: i === 3 ? ['arz', 'ar'] : ['ru'],
        }),
      );
    }
    const boss = await admin(app);
    await boss.patch(`/api/v1/communities/${made[4]?.slug}`, { partner: true });
    const names = async (qs: string) =>
      (await a.get(`/api/v1/communities?q=${tag}&${qs}`)).body.items.map((g: { name: string }) => g.name);
    expect(await names('region=MENA')).toEqual([`${tag} 1`, `${tag} 3`]);
    expect(await names('language=arz')).toEqual([`${tag} 3`]);
    expect(await names('kind=chapter')).toEqual([`${tag} 0`, `${tag} 1`]);
    expect(await names('partner=true')).toEqual([`${tag} 4`]);
    expect(await names('partner=false')).toHaveLength(4);
    expect((await a.get(`/api/v1/communities?q=${tag.toUpperCase()}`)).body.items).toHaveLength(5);

    const first = await a.get(`/api/v1/communities?q=${tag}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({ memberCount: 1, ambassadorCount: 0, isDemo: false });
    // A group inserted before the cursor does not shift the next page.
    await createGroup(a, { name: `${tag} 0a` });
    const second = await a.get(`/api/v1/communities?q=${tag}&limit=2&cursor=${first.body.next}`);
    expect(second.body.items.map((g: { name: string }) => g.name)).toEqual([`${tag} 2`, `${tag} 3`]);
    const third = await a.get(`/api/v1/communities?q=${tag}&limit=2&cursor=${second.body.next}`);
    expect(third.body.items.map((g: { name: string }) => g.name)).toEqual([`${tag} 4`]);
    expect(third.body.next).toBeNull();
  });

  it('answers 400 naming the parameter for bad filters and cursors', async () => {
    const app = await testApp();
    const c = new TestClient(app);
    const res = await c.get('/api/v1/communities?region=XX&kind=club&partner=maybe&language=zz-top&limit=500');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'kind',
      'language',
      'limit',
      'partner',
      'region',
    ]);
    const cursor = await c.get('/api/v1/communities?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].field).toBe('cursor');
  });

  it('answers 404 for an unknown group', async () => {
    const app = await testApp();
    expect((await new TestClient(app).get('/api/v1/communities/nothing-by-this-name')).status).toBe(404);
  });
});

describe('languages of groups', () => {
  it('lists the languages groups use, and never gives a group the slug of that list', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    await createGroup(a, { languages: ['ses'] });
    const res = await new TestClient(app).get('/api/v1/communities/languages');
    expect(res.body.items).toContain('ses');
    const g = await createGroup(a, { name: 'Languages' }).catch(() => null);
    if (g) expect(g.slug).not.toBe('languages');
  });
});

describe('API description', () => {
  it('describes the people and communities endpoints in the OpenAPI document', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(JSON.parse(res.body).paths);
    for (const p of [
      '/api/v1/participants',
      '/api/v1/people/{username}',
      '/api/v1/me/profile',
      '/api/v1/communities',
      '/api/v1/communities/{slug}',
      '/api/v1/communities/{slug}/members/{username}',
      '/api/v1/communities/{slug}/ambassadors',
      '/api/v1/stats',
    ]) {
      expect(paths).toContain(p);
    }
  });
});

describe('people a group names', () => {
  it('show the username in place of a display name they keep hidden', async () => {
    const app = await testApp();
    const shown = await signedUp(app);
    const hidden = await signedUp(app);
    await app.db.updateTable('users').set({ display_name: 'Shown Name' }).where('id', '=', shown.userId).execute();
    await app.db
      .updateTable('users')
      .set({ display_name: 'Hidden Name', public_fields: ['region'] })
      .where('id', '=', hidden.userId)
      .execute();
    const g = await createGroup(hidden);
    expect((await shown.post(`/api/v1/communities/${g.slug}/members`)).status).toBe(201);
    const res = await new TestClient(app).get(`/api/v1/communities/${g.slug}`);
    expect(res.body.coordinators).toEqual([{ username: hidden.username, displayName: hidden.username }]);
    const byName = Object.fromEntries(
      res.body.members.items.map((m: { username: string; displayName: string }) => [m.username, m.displayName]),
    );
    expect(byName).toEqual({ [hidden.username]: hidden.username, [shown.username]: 'Shown Name' });
    expect(res.text).not.toContain('Hidden Name');
  });
});
