import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AdaptationDetail, SavedAdaptedUnit } from '../../../../contracts/adaptations';
import { testApp } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { auditActions, editSource, group, newDocument, translate } from '../amendments/testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

async function setting(from: 'source' | 'translation' = 'source') {
  const doc = await newDocument(app);
  const g = await group(app);
  if (from === 'translation')
    await translate(app, doc.id, 'fr', { 0: 'La Définition', 2: 'Les leaders écoutent d’abord.' });
  const res = await g.coordinator.post(`/api/v1/documents/${doc.slug}/adaptations`, {
    community: g.slug,
    language: from === 'translation' ? 'fr' : 'en',
    from,
  });
  expect(res.status, res.text).toBe(201);
  return { doc, g, adaptation: res.body as AdaptationDetail };
}

const unitOf = (a: AdaptationDetail, id: number) => a.units.find((u) => u.id === String(id))!;
const rowCount = async (table: 'adaptations' | 'adaptation_units') =>
  Number(
    (
      await app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('making an adaptation', () => {
  it('copies the base unit by unit, names its base and revision, and is audited', async () => {
    const { doc, g, adaptation: a } = await setting();
    expect(a).toMatchObject({
      title: 'The Definition',
      language: 'en',
      dir: 'ltr',
      community: { slug: g.slug },
      base: {
        document: { slug: doc.slug, title: 'The Definition' },
        basedOn: 'source',
        revision: 1,
        currentRevision: 1,
      },
      revision: 0,
      differing: 0,
      pendingReview: 0,
      subject: { type: 'adaptation', id: a.id },
      can: { edit: true, review: true, amend: true },
    });
    expect(a.units.map((u) => u.id)).toEqual(doc.units.map((u) => String(u.id)));
    expect(a.units.every((u) => u.state === 'same' && u.revision === 1 && u.upstream === null)).toBe(true);
    expect(await auditActions(app, 'adaptation', a.id)).toEqual(['adaptation.create']);
    const anon = await new TestClient(app).get(`/api/v1/adaptations/${a.id}`);
    expect(anon.status).toBe(200);
    expect(anon.body.can).toEqual({ edit: false, review: false, amend: false });
  });

  it('starts from a translation, source text where a unit is untranslated', async () => {
    const { adaptation: a, doc } = await setting('translation');
    expect(a).toMatchObject({ title: 'La Définition', language: 'fr', base: { basedOn: 'translation' } });
    expect(unitOf(a, 2).text).toBe('Les leaders écoutent d’abord.');
    expect(unitOf(a, 3).text).toBe(doc.units[3]!.text);
  });

  it('refuses anyone but the group’s coordinators, and bad input, writing nothing', async () => {
    const doc = await newDocument(app);
    const g = await group(app);
    const outsider = await signedUp(app);
    const url = `/api/v1/documents/${doc.slug}/adaptations`;
    const body = { community: g.slug, language: 'en', from: 'source' };
    const before = [await rowCount('adaptations'), await rowCount('adaptation_units')];
    expect((await new TestClient(app).start().then((c) => c.post(url, body))).status).toBe(401);
    expect((await g.member.post(url, body)).status).toBe(403);
    expect((await outsider.post(url, body)).status).toBe(403);
    for (const [b, field] of [
      [{ ...body, community: 'no-such-group' }, 'community'],
      [{ ...body, language: 'xx-nonsense' }, 'language'],
      [{ ...body, from: 'translation' }, 'from'],
      [{ ...body, language: 'de', from: 'translation' }, 'language'],
      [{ ...body, from: 'elsewhere' }, 'from'],
      [{ ...body, pinned: true }, 'pinned'],
    ] as const) {
      const res = await g.coordinator.post(url, b);
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await g.coordinator.post(`/api/v1/documents/no-such-doc/adaptations`, body)).status).toBe(404);
    expect([await rowCount('adaptations'), await rowCount('adaptation_units')]).toEqual(before);
    expect((await g.coordinator.post(url, body)).status).toBe(201);
    const again = await g.coordinator.post(url, body);
    expect([again.status, again.body.errors?.[0]?.field]).toEqual([409, 'language']);
  });
});

describe('changing units', () => {
  it('changes, adds and drops units with notes; each save names the unit revision it started from', async () => {
    const { g, adaptation: a } = await setting();
    const base = `/api/v1/adaptations/${a.id}/units`;
    const saved = await g.coordinator.put<SavedAdaptedUnit>(`${base}/2`, {
      text: 'Leaders listen first, in our region too.',
      note: 'Local wording',
      baseRevision: 1,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      revision: 1,
      position: 2,
      unit: { state: 'changed', note: 'Local wording', revision: 2, baseText: 'Leaders listen first.' },
    });
    // A second save from the same base: 409 with the current text.
    const stale = await g.coordinator.put(`${base}/2`, { text: 'Other words.', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({
      text: 'Leaders listen first, in our region too.',
      revision: 2,
      editor: { username: g.coordinator.username },
    });

    const added = await g.coordinator.post<SavedAdaptedUnit>(base, {
      after: '2',
      text: 'We meet in two languages.',
      note: 'Ours',
    });
    expect(added.status, added.text).toBe(201);
    expect(added.body.unit).toMatchObject({ id: '1000000', local: true, state: 'added', note: 'Ours' });
    expect(added.body.position).toBe(3);

    const dropped = await g.coordinator.request<SavedAdaptedUnit>('DELETE', `${base}/5`, {
      note: 'Not for us',
      baseRevision: 1,
    });
    expect(dropped.status, dropped.text).toBe(200);
    expect(dropped.body.unit).toMatchObject({ state: 'dropped', note: 'Not for us' });

    const now = (await g.member.get<AdaptationDetail>(`/api/v1/adaptations/${a.id}`)).body;
    expect(now).toMatchObject({ revision: 3, differing: 3, pendingReview: 0 });
    expect(now.units.map((u) => u.id)).toEqual(['0', '1', '2', '1000000', '3', '4', '5']);
    expect(await auditActions(app, 'adaptation', a.id)).toEqual([
      'adaptation.create',
      'adaptation.unit.save',
      'adaptation.unit.add',
      'adaptation.unit.drop',
    ]);
  });

  it('refuses members, outsiders and anonymous people, and bad input, writing nothing', async () => {
    const { g, adaptation: a } = await setting();
    const outsider = await signedUp(app);
    const unit = `/api/v1/adaptations/${a.id}/units/2`;
    for (const c of [g.member, outsider]) {
      expect((await c.put(unit, { text: 'x', baseRevision: 1 })).status).toBe(403);
      expect((await c.request('DELETE', unit, { baseRevision: 1 })).status).toBe(403);
      expect((await c.post(`/api/v1/adaptations/${a.id}/units`, { after: '2', text: 'x' })).status).toBe(403);
      expect((await c.post(`${unit}/review`, { take: 'base' })).status).toBe(403);
    }
    expect((await (await new TestClient(app).start()).put(unit, { text: 'x', baseRevision: 1 })).status).toBe(401);
    for (const [url, b, field] of [
      [unit, { text: '  ', baseRevision: 1 }, 'text'],
      [unit, { text: 'x' }, 'baseRevision'],
      [unit, { text: 'x', baseRevision: 1, colour: 'red' }, 'colour'],
      [`/api/v1/adaptations/${a.id}/units`, { after: '77', text: 'x' }, 'after'],
      [`/api/v1/adaptations/${a.id}/units`, { after: '2', text: '' }, 'text'],
      [`${unit}/review`, { take: 'merged' }, 'text'],
      [`${unit}/review`, { take: 'theirs' }, 'take'],
    ] as const) {
      const res = await g.coordinator.request(url.endsWith('/2') ? 'PUT' : 'POST', url, b);
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(
      (await g.coordinator.put(`/api/v1/adaptations/${a.id}/units/77`, { text: 'x', baseRevision: 1 })).status,
    ).toBe(404);
    expect((await g.coordinator.get(`/api/v1/adaptations/abc`)).status).toBe(404);
    const after = (await g.coordinator.get<AdaptationDetail>(`/api/v1/adaptations/${a.id}`)).body;
    expect(after.revision).toBe(0);
    expect(after.units.every((u) => u.revision === 1)).toBe(true);
    const actions = await auditActions(app, 'adaptation', a.id);
    expect(actions.filter((x) => x !== 'permission.refused')).toEqual(['adaptation.create']);
    expect(actions.filter((x) => x === 'permission.refused')).toHaveLength(8);
  });
});

describe('concurrent saves', () => {
  it('of one unit from one base: one 200, one 409 with the current text', async () => {
    const { g, adaptation: a } = await setting();
    const url = `/api/v1/adaptations/${a.id}/units/2`;
    const answers = await Promise.all([
      g.coordinator.put(url, { text: 'First words.', baseRevision: 1 }),
      g.coordinator.put(url, { text: 'Second words.', baseRevision: 1 }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = answers.find((r) => r.status === 409)!;
    const won = answers.find((r) => r.status === 200)!;
    expect(lost.body.current).toMatchObject({ text: won.body.unit.text, revision: 2 });
  });
});

describe('reviewing upstream changes', () => {
  it('shows base units changed, added and removed upstream, with the base’s word diff, until reviewed', async () => {
    const { doc, g, adaptation: a } = await setting();
    await g.coordinator.put(`/api/v1/adaptations/${a.id}/units/3`, {
      text: 'They share all they learn.',
      baseRevision: 1,
    });
    await editSource(app, doc.id, [
      { op: 'change', unitId: 2, text: 'Leaders listen first and speak last.' },
      { op: 'change', unitId: 3, text: 'They share what they learn, openly.' },
      { op: 'add', after: 5, text: 'Once a year, we meet in person.' },
      { op: 'remove', unitId: 4 },
    ]);
    const view = (await g.coordinator.get<AdaptationDetail>(`/api/v1/adaptations/${a.id}`)).body;
    expect(view.pendingReview).toBe(4);
    expect(view.base).toMatchObject({ revision: 1, currentRevision: 2 });
    expect(unitOf(view, 2).upstream).toMatchObject({
      change: 'changed',
      before: 'Leaders listen first.',
      after: 'Leaders listen first and speak last.',
    });
    expect(unitOf(view, 2).upstream!.diff).toContainEqual({ op: 'added', text: 'and speak last' });
    expect(unitOf(view, 4).upstream).toMatchObject({ change: 'removed', after: '' });
    expect(unitOf(view, 6).upstream).toMatchObject({
      change: 'added',
      before: '',
      after: 'Once a year, we meet in person.',
    });
    expect(view.units.map((u) => u.id)).toEqual(['0', '1', '2', '3', '4', '5', '6']);

    const review = (unitId: number, body: object) =>
      g.coordinator.post(`/api/v1/adaptations/${a.id}/units/${unitId}/review`, body);
    expect((await review(2, { take: 'base' })).body.unit).toMatchObject({
      text: 'Leaders listen first and speak last.',
      state: 'same',
      upstream: null,
    });
    expect((await review(3, { take: 'merged', text: 'They share all they learn, openly.' })).body.unit).toMatchObject({
      state: 'changed',
      baseText: 'They share what they learn, openly.',
      upstream: null,
    });
    expect((await review(4, { take: 'base' })).body.unit).toMatchObject({ state: 'dropped', upstream: null });
    expect((await review(2, { take: 'base' })).status).toBe(409);
    const last = await review(6, { take: 'local' });
    expect(last.status, last.text).toBe(200);
    expect(last.body.unit).toMatchObject({ state: 'dropped', upstream: null });
    const done = (await g.coordinator.get<AdaptationDetail>(`/api/v1/adaptations/${a.id}`)).body;
    expect(done).toMatchObject({ pendingReview: 0, base: { revision: 2 } });
    expect(done.units.map((u) => u.id)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect((await auditActions(app, 'adaptation', a.id)).filter((x) => x === 'adaptation.unit.review')).toHaveLength(4);
  });
});

describe("an adaptation's downloads", () => {
  it('give its units as its group reads them: dropped ones left out, its own ones in place, ids kept', async () => {
    const { g, adaptation: a } = await setting();
    const [, second, third] = a.units;
    expect(third).toBeDefined();
    const drop = await g.coordinator.request('DELETE', `/api/v1/adaptations/${a.id}/units/${third!.id}`, {
      baseRevision: third!.revision,
      note: 'Not for us',
    });
    expect(drop.status, drop.text).toBe(200);
    const add = await g.coordinator.post(`/api/v1/adaptations/${a.id}/units`, {
      after: second!.id,
      text: 'Our own **paragraph**.',
    });
    expect(add.status, add.text).toBe(201);
    const own = (add.body as SavedAdaptedUnit).unit.id;

    const md = await new TestClient(app).get(`/adaptations/${a.id}/export.md`);
    expect(md.status).toBe(200);
    expect(md.headers['content-disposition']).toContain(`.${g.slug}.en.md`);
    expect(md.text).toContain(`<!--T:${second!.id}-->\n${second!.text}\n\n<!--T:${own}-->\nOur own **paragraph**.`);
    expect(md.text).not.toContain(third!.text);

    const wiki = await new TestClient(app).get(`/adaptations/${a.id}/export.wikitext`);
    expect(wiki.status).toBe(200);
    expect(wiki.text).toContain("Our own '''paragraph'''.");
    expect(wiki.text).not.toContain('<translate>');

    expect((await new TestClient(app).get('/adaptations/999999999/export.md')).status).toBe(404);
  });
});
