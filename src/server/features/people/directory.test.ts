import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../testing/client';

/** People whose usernames share a tag, so filters can be checked on them alone. */
async function crowd(tag: string) {
  const app = await testApp();
  const make = async (suffix: string, profile: Record<string, unknown>) => {
    const p = await signedUp(app, `${tag} ${suffix}`);
    await p.patch('/api/v1/me/profile', profile);
    return p;
  };
  const amina = await make('amina', {
    region: 'SSA',
    languages: ['fr', 'ha'],
    publicFields: ['region', 'languages', 'display_name'],
    displayName: 'Amina the Bold',
  });
  const boris = await make('boris', { region: 'SSA', languages: ['ru'], publicFields: ['display_name'] });
  const chen = await make('chen', {
    region: 'ESEAP',
    languages: ['zh-hant'],
    publicFields: ['region', 'languages'],
    displayName: `Secret ${tag}`,
  });
  const dalia = await make('dalia', { region: 'MENA', languages: ['ar', 'fr'], publicFields: ['region', 'languages'] });
  return { app, amina, boris, chen, dalia };
}

const usernames = (res: { body: { items: { username: string }[] } }) =>
  res.body.items.map((p) => p.username.split(' ')[1]);

describe('the participants directory', () => {
  it('filters on public values only: a private region or language never matches', async () => {
    const tag = unique('dir');
    const { app } = await crowd(tag);
    const c = new TestClient(app);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}`))).toEqual(['amina', 'boris', 'chen', 'dalia']);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&region=SSA`))).toEqual(['amina']);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&language=fr`))).toEqual(['amina', 'dalia']);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&language=ru`))).toEqual([]);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&language=zh-hant&region=ESEAP`))).toEqual(['chen']);
    const boris = (await c.get(`/api/v1/participants?q=${encodeURIComponent(`${tag} boris`)}`)).body.items[0];
    expect(boris).toMatchObject({ region: null, languages: null, interests: null, isDemo: false });
  });

  it('searches usernames and public display names, never private ones', async () => {
    const tag = unique('srch');
    const { app } = await crowd(tag);
    const c = new TestClient(app);
    expect(
      usernames(await c.get('/api/v1/participants?q=' + encodeURIComponent('the bold') + '&limit=100')).filter(Boolean),
    ).toContain('amina');
    // Chen's display name contains the tag but is private: only the username matches, once.
    const secret = await c.get(`/api/v1/participants?q=${encodeURIComponent(`Secret ${tag}`)}`);
    expect(secret.body.items).toEqual([]);
    const pct = await c.get(`/api/v1/participants?q=${encodeURIComponent('%')}&limit=1`);
    expect(pct.status).toBe(200);
  });

  it('filters by the kind and partnership of groups people belong to, and by current ambassadors', async () => {
    const tag = unique('grp');
    const { app, amina, boris, chen } = await crowd(tag);
    const chapter = await amina.post('/api/v1/communities', { name: `${tag} chapter`, kind: 'chapter', region: 'SSA' });
    await boris.post(`/api/v1/communities/${chapter.body.slug}/members`);
    const hub = await chen.post('/api/v1/communities', { name: `${tag} hub`, kind: 'hub', region: 'ESEAP' });
    await grantRole(app, chen.username, 'admin');
    await chen.patch(`/api/v1/communities/${chapter.body.slug}`, { partner: true });
    await amina.post(`/api/v1/communities/${chapter.body.slug}/ambassadors`, {
      username: boris.username,
      start: '2020-01-01',
    });
    await amina.post(`/api/v1/communities/${chapter.body.slug}/ambassadors`, {
      username: amina.username,
      start: '2019-01-01',
      end: '2019-12-31',
    });
    const c = new TestClient(app);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&kind=chapter`))).toEqual(['amina', 'boris']);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&kind=hub`))).toEqual(['chen']);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&partner=true`))).toEqual(['amina', 'boris']);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&partner=false`))).toEqual(['chen', 'dalia']);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&ambassador=true`))).toEqual(['boris']);
    expect(usernames(await c.get(`/api/v1/participants?q=${tag}&ambassador=false`))).toEqual([
      'amina',
      'chen',
      'dalia',
    ]);
    const item = (await c.get(`/api/v1/participants?q=${tag}&ambassador=true`)).body.items[0];
    expect(item.groups).toEqual([{ slug: chapter.body.slug, name: `${tag} chapter`, role: 'member' }]);
    expect(item.ambassadorOf).toEqual([{ slug: chapter.body.slug, name: `${tag} chapter` }]);
    expect(hub.status).toBe(201);
  });

  it('pages with a cursor that stays stable while people sign up', async () => {
    const tag = unique('page');
    const { app } = await crowd(tag);
    const c = new TestClient(app);
    const first = await c.get(`/api/v1/participants?q=${tag}&limit=2`);
    expect(usernames(first)).toEqual(['amina', 'boris']);
    await signedUp(app, `${tag} aaron`);
    await signedUp(app, `${tag} bruno`);
    const second = await c.get(`/api/v1/participants?q=${tag}&limit=2&cursor=${first.body.next}`);
    expect(usernames(second)).toEqual(['bruno', 'chen']);
    const third = await c.get(`/api/v1/participants?q=${tag}&limit=2&cursor=${second.body.next}`);
    expect(usernames(third)).toEqual(['dalia']);
    expect(third.body.next).toBeNull();
  });

  it('answers 400 naming the parameter for bad filters', async () => {
    const app = await testApp();
    const c = new TestClient(app);
    const res = await c.get(
      '/api/v1/participants?region=Europe&language=elvish&kind=club&ambassador=yes-please&limit=0',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'ambassador',
      'kind',
      'language',
      'limit',
      'region',
    ]);
    expect((await c.get('/api/v1/participants?cursor=%%%')).status).toBe(400);
  });

  it('lists the languages people show publicly', async () => {
    const tag = unique('lang');
    const { app } = await crowd(tag);
    const res = await new TestClient(app).get('/api/v1/participants/languages');
    expect(res.body.items).toEqual(expect.arrayContaining(['fr', 'ha', 'zh-hant', 'ar']));
    expect(res.body.next).toBeNull();
  });
});
