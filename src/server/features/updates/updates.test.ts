import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../testing/client';
import { addAmbassador, addMember, auditCount, makeCommunity } from './testing';

async function countUpdates(app: FastifyInstance, title: string) {
  const row = await app.db
    .selectFrom('updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A group with a coordinator, a current ambassador, a former ambassador and a plain member. */
async function setting() {
  const app = await testApp();
  const group = await makeCommunity(app);
  const coordinator = await signedUp(app);
  const ambassador = await signedUp(app);
  const former = await signedUp(app);
  const member = await signedUp(app);
  await addMember(app, group.id, coordinator.userId, 'coordinator');
  for (const p of [ambassador, former, member]) await addMember(app, group.id, p.userId);
  await addAmbassador(app, group.id, ambassador.userId, '2020-01-01');
  await addAmbassador(app, group.id, former.userId, '2020-01-01', '2021-01-01');
  return { app, group, coordinator, ambassador, former, member };
}

const post = (c: TestClient, body: Record<string, unknown>) => c.post('/api/v1/updates', body);

describe('posting updates', () => {
  it('lets a coordinator post for their group, and the update reads back rendered and sanitized', async () => {
    const { app, group, coordinator } = await setting();
    const title = unique('Workshop ');
    const res = await post(coordinator, {
      title,
      body: '## Our first workshop\n\nWe met **twelve** people. [Notes](https://meta.wikimedia.org/wiki/LDN) <script>alert(1)</script>',
      community: group.slug,
      language: 'pt-br',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title,
      community: { slug: group.slug, name: group.name },
      language: 'pt-br',
      author: { username: coordinator.username, displayName: coordinator.username },
      demo: false,
      can: { edit: true, delete: true },
    });
    expect(typeof res.body.id).toBe('string');
    expect(res.body.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(res.body.bodyHtml).toContain('<h4>Our first workshop</h4>');
    expect(res.body.bodyHtml).toContain(
      '<a href="https://meta.wikimedia.org/wiki/LDN" rel="nofollow ugc noopener">Notes</a>',
    );
    expect(res.body.bodyHtml).not.toContain('<script');
    expect(res.body.excerpt).toBe('Our first workshop We met twelve people. Notes <script>alert(1)</script>');
    const one = await new TestClient(app).get(`/api/v1/updates/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body.bodyHtml).toBe(res.body.bodyHtml);
    expect(one.body.can).toEqual({ edit: false, delete: false });
    expect(await auditCount(app, 'update.create', coordinator.userId)).toBe(1);
  });

  it('lets a current ambassador post, and an admin post for any group', async () => {
    const { app, group, ambassador } = await setting();
    expect(
      (await post(ambassador, { title: unique('t'), body: 'Hello', community: group.slug, language: 'es' })).status,
    ).toBe(201);
    const admin = await signedUp(app);
    await grantRole(app, admin.username, 'admin');
    const other = await makeCommunity(app);
    expect(
      (await post(admin, { title: unique('t'), body: 'Hello', community: other.slug, language: 'fr' })).status,
    ).toBe(201);
  });

  it('refuses members, former ambassadors and coordinators of another group, writing nothing', async () => {
    const { app, group, member, former, coordinator } = await setting();
    const other = await makeCommunity(app);
    for (const [who, slug] of [
      [member, group.slug],
      [former, group.slug],
      [coordinator, other.slug],
    ] as const) {
      const title = unique('refused ');
      const res = await post(who, { title, body: 'Hello', community: slug, language: 'en' });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(await countUpdates(app, title)).toBe(0);
      expect(await auditCount(app, 'permission.refused', who.userId)).toBe(1);
    }
  });

  it('refuses a member before saying whether the group exists', async () => {
    const { member } = await setting();
    const res = await post(member, { title: 'x', body: 'y', community: 'no-such-group', language: 'en' });
    expect(res.status).toBe(403);
  });

  it('asks anonymous visitors to log in', async () => {
    const { app, group } = await setting();
    const anon = await new TestClient(app).start();
    const title = unique('anon ');
    expect((await post(anon, { title, body: 'x', community: group.slug, language: 'en' })).status).toBe(401);
    expect(await countUpdates(app, title)).toBe(0);
  });

  it('names each bad field, and refuses unknown fields and unknown groups', async () => {
    const { app, coordinator, group } = await setting();
    const res = await post(coordinator, {
      title: '   ',
      body: '',
      community: group.slug,
      language: 'English',
      pinned: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body',
      'language',
      'pinned',
      'title',
    ]);
    const missing = await post(coordinator, {});
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body',
      'community',
      'language',
      'title',
    ]);
    const long = await post(coordinator, { title: 'x'.repeat(201), body: 'y', community: group.slug, language: 'en' });
    expect(long.body.errors).toEqual([{ field: 'title', message: expect.stringContaining('200') }]);
    const types = await post(coordinator, { title: 5, body: ['x'], community: group.slug, language: 'en' });
    expect(types.status).toBe(400);
    const fr = await coordinator.post('/api/v1/updates?uselang=fr', {
      title: 'x',
      body: 'y',
      community: group.slug,
      language: 'EN',
    });
    expect(fr.body.errors).toEqual([
      { field: 'language', message: 'Indiquez un code de langue comme en, es ou pt-br.' },
    ]);
    const unknown = await post(coordinator, {
      title: unique('t'),
      body: 'y',
      community: 'no-such-group',
      language: 'en',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'community', message: 'There is no group with this name.' }]);
    const malformed = await coordinator.request('POST', '/api/v1/updates', undefined, {
      'content-type': 'application/json',
      'x-csrf-token': coordinator.csrf!,
    });
    expect(malformed.status).toBe(400);
    expect(await app.db.selectFrom('updates').select('id').where('title', 'in', ['   ', 'x', '']).execute()).toEqual(
      [],
    );
  });
});

describe('changing and deleting updates', () => {
  async function withUpdate() {
    const s = await setting();
    const res = await post(s.coordinator, {
      title: unique('Original '),
      body: 'First text',
      community: s.group.slug,
      language: 'en',
    });
    return { ...s, update: res.body as { id: string; title: string; updatedAt: string } };
  }

  it('lets the author change the title, body and language', async () => {
    const { app, coordinator, update } = await withUpdate();
    const res = await coordinator.patch(`/api/v1/updates/${update.id}`, {
      title: 'Renamed',
      body: 'New *text*',
      language: 'es',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Renamed',
      language: 'es',
      bodyHtml: '<p>New <em>text</em></p>\n',
      body: 'New *text*',
    });
    expect(await auditCount(app, 'update.edit', coordinator.userId)).toBe(1);
  });

  it('refuses anyone but the author or an admin, changing nothing', async () => {
    const { app, ambassador, member, update } = await withUpdate();
    for (const who of [ambassador, member]) {
      const res = await who.patch(`/api/v1/updates/${update.id}`, { title: 'Hijacked' });
      expect(res.status).toBe(403);
    }
    const moderator = await signedUp(app);
    await grantRole(app, moderator.username, 'moderator');
    expect((await moderator.patch(`/api/v1/updates/${update.id}`, { title: 'Hijacked' })).status).toBe(403);
    expect((await new TestClient(app).get(`/api/v1/updates/${update.id}`)).body.title).toBe(update.title);
    const admin = await signedUp(app);
    await grantRole(app, admin.username, 'admin');
    expect((await admin.patch(`/api/v1/updates/${update.id}`, { title: 'Fixed by an admin' })).body.title).toBe(
      'Fixed by an admin',
    );
  });

  it('names bad fields of a change', async () => {
    const { coordinator, update } = await withUpdate();
    const res = await coordinator.patch(`/api/v1/updates/${update.id}`, {
      title: '',
      language: 'x',
      community: 'elsewhere',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['community', 'language', 'title']);
  });

  it('answers 404 for updates that do not exist', async () => {
    const { app, coordinator } = await withUpdate();
    const anon = new TestClient(app);
    for (const id of ['999999999', 'abc', '0', '1e3', '99999999999999999999']) {
      expect((await anon.get(`/api/v1/updates/${id}`)).status).toBe(404);
      expect((await coordinator.patch(`/api/v1/updates/${id}`, { title: 'x' })).status).toBe(404);
      expect((await coordinator.delete(`/api/v1/updates/${id}`)).status).toBe(404);
    }
  });

  it('lets the author, admins and moderators delete; refuses others', async () => {
    const { app, coordinator, member, ambassador, update } = await withUpdate();
    expect((await member.delete(`/api/v1/updates/${update.id}`)).status).toBe(403);
    expect((await ambassador.delete(`/api/v1/updates/${update.id}`)).status).toBe(403);
    expect((await new TestClient(app).get(`/api/v1/updates/${update.id}`)).status).toBe(200);
    expect((await coordinator.delete(`/api/v1/updates/${update.id}`)).status).toBe(204);
    expect((await new TestClient(app).get(`/api/v1/updates/${update.id}`)).status).toBe(404);
    expect(await auditCount(app, 'update.delete', coordinator.userId)).toBe(1);

    const again = await withUpdate();
    const moderator = await signedUp(app);
    await grantRole(app, moderator.username, 'moderator');
    expect((await moderator.delete(`/api/v1/updates/${again.update.id}`)).status).toBe(204);
  });
});

describe('listing updates', () => {
  it('pages newest first with a cursor, filtered by group and language', async () => {
    const { app, coordinator, group } = await setting();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(coordinator, {
        title: `Update ${i}`,
        body: `Body ${i}`,
        community: group.slug,
        language: i % 2 ? 'es' : 'en',
      });
      ids.push(res.body.id);
    }
    const anon = new TestClient(app);
    const seen: string[] = [];
    let url = `/api/v1/updates?community=${group.slug}&limit=2`;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const res = await anon.get(url);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
      if (!res.body.next) break;
      expect(res.body.items).toHaveLength(2);
      url = `/api/v1/updates?community=${group.slug}&limit=2&cursor=${res.body.next}`;
    }
    expect(seen).toEqual([...ids].reverse());
    const spanish = await anon.get(`/api/v1/updates?community=${group.slug}&language=es`);
    expect(spanish.body.items.map((u: { title: string }) => u.title)).toEqual(['Update 3', 'Update 1']);
    expect(spanish.body.next).toBeNull();
    const item = spanish.body.items[0];
    expect(Object.keys(item).sort()).toEqual([
      'author',
      'bodyHtml',
      'community',
      'demo',
      'excerpt',
      'id',
      'language',
      'publishedAt',
      'title',
      'updatedAt',
    ]);
    const blank = await anon.get(`/api/v1/updates?community=${group.slug}&language=`);
    expect(blank.body.items).toHaveLength(5);
    expect((await anon.get('/api/v1/updates?community=no-such-group')).body).toEqual({ items: [], next: null });
  });

  it('refuses bad filters and cursors with 400', async () => {
    const anon = new TestClient(await testApp());
    for (const q of [
      'language=English',
      'limit=0',
      'limit=101',
      'limit=x',
      'cursor=nonsense',
      `cursor=${Buffer.from('["x",1]').toString('base64url')}`,
    ]) {
      const res = await anon.get(`/api/v1/updates?${q}`);
      expect(res.status, q).toBe(400);
    }
  });

  it('lists the groups and languages that have updates, and the groups one may post for', async () => {
    const { app, coordinator, member, group } = await setting();
    await post(coordinator, { title: 'x', body: 'y', community: group.slug, language: 'skr-arab' });
    const filters = await new TestClient(app).get('/api/v1/updates/filters');
    expect(filters.body.communities).toContainEqual({ slug: group.slug, name: group.name });
    expect(filters.body.languages).toContain('skr-arab');
    expect((await coordinator.get('/api/v1/updates/postable-communities')).body).toEqual({
      items: [{ slug: group.slug, name: group.name }],
    });
    expect((await member.get('/api/v1/updates/postable-communities')).body).toEqual({ items: [] });
    expect((await new TestClient(app).get('/api/v1/updates/postable-communities')).status).toBe(401);
  });
});

describe('suspended people and hidden names', () => {
  it('refuses a suspended coordinator a new update or a change, and lets them delete their own', async () => {
    const { app, group, coordinator } = await setting();
    const first = await post(coordinator, {
      title: unique('Before '),
      body: 'Text',
      community: group.slug,
      language: 'en',
    });
    expect(first.status).toBe(201);
    const moderator = await signedUp(app);
    await grantRole(app, moderator.username, 'moderator');
    expect(
      (await moderator.post(`/api/v1/moderation/people/${coordinator.userId}/suspend`, { reason: 'Spam', hours: 24 }))
        .status,
    ).toBe(201);
    const title = unique('While suspended ');
    const refused = await post(coordinator, { title, body: 'Text', community: group.slug, language: 'en' });
    expect(refused.status).toBe(403);
    expect(refused.body.title).toBe('Your account is suspended');
    expect(await countUpdates(app, title)).toBe(0);
    expect((await coordinator.patch(`/api/v1/updates/${first.body.id}`, { title: 'Changed' })).status).toBe(403);
    expect((await coordinator.delete(`/api/v1/updates/${first.body.id}`)).status).toBe(204);
  });

  it('names an author who hides their display name by their username, in the API and the feed', async () => {
    const { app, group, coordinator } = await setting();
    await app.db
      .updateTable('users')
      .set({ display_name: 'Hidden Name', public_fields: ['region'] })
      .where('id', '=', coordinator.userId)
      .execute();
    const res = await post(coordinator, {
      title: unique('Quiet '),
      body: 'Text',
      community: group.slug,
      language: 'en',
    });
    expect(res.body.author).toEqual({ username: coordinator.username, displayName: coordinator.username });
    const list = await new TestClient(app).get(`/api/v1/updates?community=${group.slug}`);
    expect(list.body.items[0].author).toEqual({ username: coordinator.username, displayName: coordinator.username });
    const feed = await new TestClient(app).get(`/updates/feed.atom?community=${group.slug}`);
    expect(feed.text).not.toContain('Hidden Name');
    await app.db
      .updateTable('users')
      .set({ public_fields: ['display_name'] })
      .where('id', '=', coordinator.userId)
      .execute();
    expect((await new TestClient(app).get(`/api/v1/updates/${res.body.id}`)).body.author.displayName).toBe(
      'Hidden Name',
    );
  });
});
