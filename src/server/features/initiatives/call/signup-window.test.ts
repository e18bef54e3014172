// Sign-ups are taken only while the call is open: the initiative recruiting or active, before the deadline's
// day is over. Elsewhere (an idea, evaluating, archived, discontinued, after the deadline) a sign-up is a 409
// that says why, nothing is written and the leads hear nothing; the page shows no open places.
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/harness';
import { clockedApp, idea, notificationsOf, openCall, someone, type Person } from '../testing';

const signUpFor = (p: Person, id: string, jobId: string) =>
  p.post(`/api/v1/initiatives/${id}/jobs/${jobId}/signups`, { message: 'I can help.' });
const offerHelp = (p: Person, id: string) => p.post(`/api/v1/initiatives/${id}/signups`, {});
const move = async (lead: Person, id: string, ...stages: string[]) => {
  for (const stage of stages) {
    const res = await lead.post(`/api/v1/initiatives/${id}/stage`, { stage });
    expect(res.status, res.text).toBe(200);
  }
};
const newSignups = async (lead: Person) => (await notificationsOf(lead)).filter((n) => n.kind === 'new_signup');

describe('the sign-up window', () => {
  it('takes sign-ups while recruiting and while active, and tells the leads', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const [a, b] = [await someone(app), await someone(app)];
    expect((await signUpFor(a, i.id, call.jobs[0]!.id)).status).toBe(201);
    await move(lead, i.id, 'active');
    const view = (await b.get(`/api/v1/initiatives/${i.id}`)).body;
    expect(view).toMatchObject({ stage: 'active', call: 'open', openPlaces: 3, can: { signUp: true } });
    expect((await signUpFor(b, i.id, call.jobs[1]!.id)).status).toBe(201);
    expect(await newSignups(lead)).toHaveLength(2);
  });

  it('refuses sign-ups once the initiative is evaluating or archived, saying why, and the leads hear nothing', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const late = await someone(app);
    await move(lead, i.id, 'active', 'evaluating');
    for (const stage of ['Evaluating', 'Archived']) {
      const refused = await signUpFor(late, i.id, call.jobs[0]!.id);
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.detail).toBe(
        `This initiative takes no sign-ups now: its status is “${stage}”. People sign up while an initiative is recruiting or active.`,
      );
      expect((await offerHelp(late, i.id)).status).toBe(409);
      const view = (await late.get(`/api/v1/initiatives/${i.id}`)).body;
      expect(view).toMatchObject({
        call: 'closed',
        openPlaces: 0,
        can: { signUp: false },
        callDetail: { status: 'closed', closedReason: 'stage' },
      });
      if (stage === 'Evaluating') await move(lead, i.id, 'archived');
    }
    // In the lead's language, with the status's name in it.
    const inSpanish = await late.post(`/api/v1/initiatives/${i.id}/signups?uselang=es`, {});
    expect(inSpanish.body.detail).toContain('«Archivada»');
    expect(await newSignups(lead)).toHaveLength(0);
    const rows = await app.db
      .selectFrom('initiative_signups')
      .select('id')
      .where('initiative_id', '=', Number(i.id))
      .execute();
    expect(rows).toHaveLength(0);
    // The board shows no open places for it either.
    const board = (await late.get(`/api/v1/initiatives?stage=archived&limit=50`)).body.items as {
      id: string;
      call: string;
      openPlaces: number;
    }[];
    expect(board.find((x) => x.id === i.id)).toMatchObject({ call: 'closed', openPlaces: 0 });
  });

  it('refuses sign-ups to an idea reopened from the archive, whose old call stays closed', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    await move(lead, i.id, 'discontinued', 'idea');
    const p = await someone(app);
    const refused = await signUpFor(p, i.id, call.jobs[0]!.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('“Idea”');
    expect(await newSignups(lead)).toHaveLength(0);
    // Opening the call again moves the idea to recruiting: sign-ups are taken again.
    await openCall(lead, i.id, { jobs: [{ id: call.jobs[0]!.id, title: 'Mentor', description: 'x', places: 2 }] });
    expect((await signUpFor(p, i.id, call.jobs[0]!.id)).status).toBe(201);
  });

  it('refuses sign-ups after the deadline’s day, and the leads hear nothing', async () => {
    const { app, clock } = await clockedApp(new Date('2032-03-01T10:00:00Z'));
    try {
      const lead = await someone(app);
      const i = await idea(lead);
      const call = await openCall(lead, i.id, { start: '2032-03-10', deadline: '2032-03-02', end: '2032-04-01' });
      clock.at = new Date('2032-03-03T08:00:00Z');
      const p = await someone(app);
      const refused = await signUpFor(p, i.id, call.jobs[0]!.id);
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toBe('The call for collaborators is closed.');
      const view = (await p.get(`/api/v1/initiatives/${i.id}`)).body;
      expect(view).toMatchObject({
        stage: 'recruiting',
        call: 'closed',
        openPlaces: 0,
        callDetail: { closedReason: 'deadline' },
      });
      expect(await newSignups(lead)).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});
