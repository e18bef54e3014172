// An initiative's sources: its leads (admins, moderators) record and remove them, anyone who may read the
// initiative reads them; they count as "used" once the initiative is archived with its goals met or partly met,
// and they appear in the initiative's wikitext export.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../testing/client';
import { testApp } from '../../../testing/harness';
import { ended, evaluationOf } from '../../initiatives/archive/testing';
import { auditCount, idea, someone, staff, type Person } from '../../initiatives/testing';
import { sourceRow } from '../lists/testing';

let app: FastifyInstance;
let lead: Person;
let other: Person;
let anon: TestClient;
beforeAll(async () => {
  app = await testApp();
  lead = await someone(app, 'srclead');
  other = await someone(app, 'srcother');
  anon = await new TestClient(app).start();
});

const usedCount = async (id: number) =>
  (await app.db.selectFrom('sources').select('used_count').where('id', '=', id).executeTakeFirstOrThrow()).used_count;
const linkCount = async (initiativeId: string) =>
  (
    await app.db
      .selectFrom('initiative_sources')
      .select('source_id')
      .where('initiative_id', '=', Number(initiativeId))
      .execute()
  ).length;

describe("an initiative's sources", () => {
  it('are added with a note by a lead, read by anyone, and removed', async () => {
    const i = await idea(lead);
    const s = await sourceRow(app, { title: 'Speaking in public, a handbook' });
    const res = await lead.post(`/api/v1/initiatives/${i.id}/sources`, {
      source: String(s),
      note: 'Chapter 3 for the *first* session',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      source: { id: String(s), kind: 'book', title: 'Speaking in public, a handbook', year: 2007 },
      note: 'Chapter 3 for the *first* session',
      addedBy: { username: lead.username },
    });
    expect(await auditCount(app, 'initiative.source.add', lead.userId)).toBe(1);

    const read = await anon.get(`/api/v1/initiatives/${i.id}/sources`);
    expect(read.status).toBe(200);
    expect(read.body.items.map((x: { source: { id: string } }) => x.source.id)).toEqual([String(s)]);
    expect(read.body.can).toEqual({ manage: false });
    expect((await lead.get(`/api/v1/initiatives/${i.id}/sources`)).body.can).toEqual({ manage: true });

    const again = await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(s) });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');

    expect((await lead.delete(`/api/v1/initiatives/${i.id}/sources/${s}`)).status).toBe(204);
    expect((await lead.delete(`/api/v1/initiatives/${i.id}/sources/${s}`)).status).toBe(404);
    expect(await linkCount(i.id)).toBe(0);
    expect(await auditCount(app, 'initiative.source.remove', lead.userId)).toBe(1);
  });

  it('are recorded by admins and moderators too', async () => {
    const i = await idea(lead);
    for (const role of ['admin', 'moderator'] as const) {
      const p = await staff(app, role);
      const s = await sourceRow(app);
      expect((await p.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(s) })).status).toBe(201);
      expect((await p.delete(`/api/v1/initiatives/${i.id}/sources/${s}`)).status).toBe(204);
    }
  });

  it('refuse others, anonymous visitors and suspended leads, writing nothing', async () => {
    const i = await idea(lead);
    const s = await sourceRow(app);
    const t = await sourceRow(app);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(t) })).status).toBe(201);
    expect((await other.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(s) })).status).toBe(403);
    expect((await other.delete(`/api/v1/initiatives/${i.id}/sources/${t}`)).status).toBe(403);
    expect((await anon.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(s) })).status).toBe(401);
    expect((await anon.delete(`/api/v1/initiatives/${i.id}/sources/${t}`)).status).toBe(401);
    const suspendedLead = await someone(app, 'srcsus');
    const j = await idea(suspendedLead);
    expect((await suspendedLead.post(`/api/v1/initiatives/${j.id}/sources`, { source: String(t) })).status).toBe(201);
    const moderator = await staff(app, 'moderator');
    const sus = await moderator.post(`/api/v1/moderation/people/${suspendedLead.userId}/suspend`, {
      reason: 'Cooling-off',
      hours: 24,
    });
    expect(sus.status, sus.text).toBe(201);
    expect((await suspendedLead.post(`/api/v1/initiatives/${j.id}/sources`, { source: String(s) })).status).toBe(403);
    expect((await suspendedLead.delete(`/api/v1/initiatives/${j.id}/sources/${t}`)).status).toBe(403);
    expect(await linkCount(i.id)).toBe(1);
    expect(await linkCount(j.id)).toBe(1);
  });

  it('answer 404 for an unknown initiative or source, and 400 naming the field for bad input', async () => {
    const i = await idea(lead);
    const s = await sourceRow(app);
    expect((await lead.get('/api/v1/initiatives/999999999/sources')).status).toBe(404);
    expect((await lead.post('/api/v1/initiatives/999999999/sources', { source: String(s) })).status).toBe(404);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: '999999999' })).status).toBe(404);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: 'abc' })).status).toBe(404);
    const long = await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(s), note: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('note');
    const extra = await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(s), rank: 1 });
    expect(extra.status).toBe(400);
    const missing = await lead.post(`/api/v1/initiatives/${i.id}/sources`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('source');
    expect(await linkCount(i.id)).toBe(0);
  });

  it('of an initiative hidden by moderation are read only by those who may read it', async () => {
    const i = await idea(lead);
    const s = await sourceRow(app);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(s) })).status).toBe(201);
    const moderator = await staff(app, 'moderator');
    const hide = await moderator.post('/api/v1/moderation/hide', {
      subject: { type: 'initiative', id: i.id },
      reason: 'Commercial advertising',
    });
    expect(hide.status, hide.text).toBe(201);
    expect((await anon.get(`/api/v1/initiatives/${i.id}/sources`)).status).toBe(404);
    expect((await other.get(`/api/v1/initiatives/${i.id}/sources`)).status).toBe(404);
    expect((await lead.get(`/api/v1/initiatives/${i.id}/sources`)).body.items).toHaveLength(1);
    expect((await moderator.get(`/api/v1/initiatives/${i.id}/sources`)).body.items).toHaveLength(1);
  });

  it('count as used once the initiative is archived with its goals met or partly met', async () => {
    const s = await sourceRow(app);
    const i = await idea(lead);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(s) })).status).toBe(201);
    expect(await usedCount(s)).toBe(0);
    const move = async (stage: string) =>
      expect((await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage })).status).toBe(200);
    await move('active');
    const evaluated = await lead.put(`/api/v1/initiatives/${i.id}/evaluation`, evaluationOf(['met', 'not_met']));
    expect(evaluated.status, evaluated.text).toBe(200);
    await move('evaluating');
    expect(await usedCount(s)).toBe(0);
    await move('archived');
    expect(await usedCount(s)).toBe(1);

    // A second archived initiative with its goals met counts too; one whose goals were not met does not.
    const met = await ended(lead, { evaluation: evaluationOf(['partly_met']) });
    const missed = await ended(lead, { evaluation: evaluationOf(['not_met']) });
    for (const x of [met, missed])
      expect((await lead.post(`/api/v1/initiatives/${x.id}/sources`, { source: String(s) })).status).toBe(201);
    expect(await usedCount(s)).toBe(2);
    expect((await lead.delete(`/api/v1/initiatives/${met.id}/sources/${s}`)).status).toBe(204);
    expect(await usedCount(s)).toBe(1);
  });

  it("appear in the initiative's wikitext export as citation templates with their notes", async () => {
    const i = await idea(lead);
    const s = await sourceRow(app, { title: 'Facilitation | at its best', kind: 'book' });
    const res = await lead.post(`/api/v1/initiatives/${i.id}/sources`, {
      source: String(s),
      note: 'Read <b>before</b> [[x]]',
    });
    expect(res.status).toBe(201);
    const text = (await anon.get(`/initiatives/${i.id}/export.wikitext`)).text;
    expect(text).toContain('== Sources ==');
    expect(text).toContain(
      '* {{cite book |last1=Hunter |first1=Dale |author2=World Health Organization |title=Facilitation {{!}} at its best',
    );
    expect(text).toContain(' — <nowiki>Read &lt;b>before&lt;/b> [[x]]</nowiki>');

    // A signature, a magic word or quote markup in a record stays text.
    const odd = await sourceRow(app, { title: "Signed ~~~~ __NOTOC__ ''loud''" });
    expect((await lead.post(`/api/v1/initiatives/${i.id}/sources`, { source: String(odd) })).status).toBe(201);
    const again = (await anon.get(`/initiatives/${i.id}/export.wikitext`)).text;
    expect(again).toContain(
      '|title=Signed &#126;&#126;&#126;&#126; &#95;&#95;NOTOC&#95;&#95; &#39;&#39;loud&#39;&#39;',
    );
    expect(again).not.toMatch(/~~|__NOTOC|''/);
  });
});
