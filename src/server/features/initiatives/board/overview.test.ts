// The board's overview in one answer (/api/v1/initiatives/board), and the answers an instance keeps: they
// follow every change at once, and what depends on the reader is never shared between readers.
import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { group, idea, openCall, someone, staff } from '../testing';

describe('the board at a glance', () => {
  it('answers the counts, the filters’ choices and the newest of each stage, and follows changes at once', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const g = await group(app);
    const tag = unique('Glance ');
    const made = [];
    for (let n = 0; n < 4; n++)
      made.push(await idea(lead, { title: `${tag} ${n}`, communities: [g.slug], languages: ['sw'] }));
    await lead.post(`/api/v1/initiatives/${made[0]!.id}/stage`, { stage: 'active' });
    const anon = new TestClient(app);
    const board = async (q = '') => {
      const res = await anon.get(`/api/v1/initiatives/board?community=${g.slug}${q}`);
      expect(res.status, res.text).toBe(200);
      return res.body as {
        counts: Record<string, number>;
        total: number;
        facets: { languages: string[]; communities: { slug: string }[] };
        sections: { stage: string; items: { id: string }[] }[];
      };
    };
    const first = await board('&shown=2');
    expect(first.counts).toMatchObject({ idea: 3, active: 1, recruiting: 0 });
    expect(first.total).toBe(4);
    expect(first.sections.map((s) => s.stage)).toEqual(['idea', 'recruiting', 'active', 'evaluating', 'archived']);
    expect(first.sections[0]!.items.map((i) => i.id)).toEqual([made[3]!.id, made[2]!.id]);
    expect(first.sections[2]!.items.map((i) => i.id)).toEqual([made[0]!.id]);
    expect(first.facets.languages).toContain('sw');
    expect(first.facets.communities.map((c) => c.slug)).toContain(g.slug);
    expect((await board('&shown=0')).sections.every((s) => s.items.length === 0)).toBe(true);
    // A change shows in the next answer, though the one before was kept.
    await openCall(lead, made[1]!.id);
    const after = await board('&shown=2');
    expect(after.counts).toMatchObject({ idea: 2, recruiting: 1 });
    expect(after.sections[1]!.items.map((i) => i.id)).toEqual([made[1]!.id]);
    const list = await anon.get(`/api/v1/initiatives?community=${g.slug}&stage=recruiting`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([made[1]!.id]);
    for (const bad of ['region=XX', 'language=klingon', 'skill=juggling', 'shown=21', 'shown=-1', 'shown=many']) {
      const res = await anon.get(`/api/v1/initiatives/board?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('keeps what every reader sees alike, and reads what is theirs for each reader', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const supporter = await someone(app);
    const volunteer = await someone(app);
    const other = await someone(app);
    const admin = await staff(app, 'admin');
    const anon = new TestClient(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id, { jobs: [{ title: 'Mentor', description: 'x', places: 1 }] });
    // Every reader asks once before anything of theirs changes, so the shared part is kept.
    const read = async (who: TestClient) => (await who.get(`/api/v1/initiatives/${i.id}`)).body;
    for (const who of [lead, supporter, volunteer, other, admin, anon]) expect((await read(who)).supported).toBe(false);
    expect((await supporter.post(`/api/v1/initiatives/${i.id}/support`)).status).toBe(201);
    const signup = await volunteer.post(`/api/v1/initiatives/${i.id}/jobs/${call.jobs[0]!.id}/signups`, {
      message: 'Me!',
    });
    expect(signup.status, signup.text).toBe(201);
    const [byLead, bySupporter, byVolunteer, byOther, byAdmin, byAnon] = await Promise.all(
      [lead, supporter, volunteer, other, admin, anon].map(read),
    );
    expect(bySupporter.supported).toBe(true);
    for (const d of [byLead, byVolunteer, byOther, byAdmin, byAnon]) expect(d.supported).toBe(false);
    for (const d of [byLead, bySupporter, byVolunteer, byOther, byAdmin, byAnon]) expect(d.supporters).toBe(1);
    expect(byVolunteer.mySignups.map((s: { id: string }) => s.id)).toEqual([signup.body.id]);
    for (const d of [byLead, bySupporter, byOther, byAnon]) expect(d.mySignups).toEqual([]);
    // The waiting list and the stage moves are for the leads and staff only.
    expect(byLead.waitingList.map((s: { id: string }) => s.id)).toEqual([signup.body.id]);
    expect(byAdmin.waitingList.map((s: { id: string }) => s.id)).toEqual([signup.body.id]);
    for (const d of [bySupporter, byVolunteer, byOther, byAnon]) {
      expect(d.waitingList).toEqual([]);
      expect(d.can).toMatchObject({ edit: false, moves: [] });
    }
    expect(byLead.can).toMatchObject({ edit: true, lead: true });
    expect(byAdmin.can).toMatchObject({ edit: true, lead: false });
    expect(byAnon.can).toMatchObject({ support: false, signUp: false });
    // A lead's change answers with the initiative as it is after the change, and every reader sees it next.
    const accepted = await lead.post(`/api/v1/initiatives/${i.id}/signups/${signup.body.id}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    const moved = await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'active' });
    expect(moved.body.stage).toBe('active');
    expect(moved.body.callDetail.jobs[0].filled).toBe(1);
    for (const d of await Promise.all([other, anon].map(read))) {
      expect(d.stage).toBe('active');
      expect(d.callDetail.jobs[0].filled).toBe(1);
    }
  });
});
