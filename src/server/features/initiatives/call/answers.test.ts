// The answer to a sign-up reaches its person saying which it was and for which job: in the app and by e-mail
// (at once by default), in their interface language. Offers of general help and offers to lead say so too.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../../testing/harness';
import { runDueJobs } from '../../../jobs/worker';
import { idea, openCall, someone, type Person } from '../testing';

interface Told {
  kind: string;
  object: { type: string; id: string; title?: string } | null;
  link: string;
  subject: { title: string };
}

/** A person with an e-mail address and an interface language. */
async function reader(app: FastifyInstance, lang: string) {
  const p = await someone(app, 'answered');
  const email = `${unique('answered').toLowerCase()}@example.org`;
  await app.db.updateTable('users').set({ email, ui_language: lang }).where('id', '=', p.userId).execute();
  return Object.assign(p, { email });
}

/** The person's `signup_answered` notifications in the app, newest first. */
const answers = async (p: Person) =>
  ((await p.get('/api/v1/notifications?limit=100')).body.items as Told[]).filter((n) => n.kind === 'signup_answered');

/** The mails sent to an address (without SMTP they are kept in the outbox), after the mail jobs ran. */
async function mailsTo(app: FastifyInstance, email: string) {
  await runDueJobs(app, { kinds: ['notifications.email'] });
  return app.db
    .selectFrom('mail_outbox')
    .select(['subject', 'body_text'])
    .where('recipient', '=', email)
    .orderBy('id')
    .execute();
}

describe('answering a sign-up', () => {
  it('tells the person they were accepted, for which job, in the app and by e-mail', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const p = await reader(app, 'en');
    const s = (await p.post(`/api/v1/initiatives/${i.id}/jobs/${call.jobs[1]!.id}/signups`, {})).body;
    expect((await lead.post(`/api/v1/initiatives/${i.id}/signups/${s.id}/accept`)).status).toBe(200);
    const [told] = await answers(p);
    expect(told).toMatchObject({
      object: { type: 'signup_accepted', id: s.id, title: 'Translator' },
      link: `/initiatives/${i.id}#call`,
      subject: { title: i.title },
    });
    const mails = await mailsTo(app, p.email);
    expect(mails.map((m) => m.subject)).toEqual([`${lead.username} accepted you for “Translator” in “${i.title}”`]);
    expect(mails[0]?.body_text).toContain(`/initiatives/${i.id}#call`);
  });

  it('tells the person they were declined, for which job, in their language', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const p = await reader(app, 'es');
    const s = (await p.post(`/api/v1/initiatives/${i.id}/jobs/${call.jobs[0]!.id}/signups`, {})).body;
    // Only the leads answer: the person cannot decline (or accept) their own sign-up.
    expect((await p.post(`/api/v1/initiatives/${i.id}/signups/${s.id}/decline`)).status).toBe(403);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/signups/${s.id}/decline`)).status).toBe(200);
    const [told] = await answers(p);
    expect(told?.object).toEqual({ type: 'signup_declined', id: s.id, title: 'Mentor' });
    const mails = await mailsTo(app, p.email);
    expect(mails.map((m) => m.subject)).toEqual([
      `${lead.username} rechazó tu inscripción para «Mentor» en «${i.title}»`,
    ]);
  });

  it('says accepted or declined for an offer of general help, naming no job', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    await openCall(lead, i.id);
    const [yes, no] = [await reader(app, 'en'), await reader(app, 'fr')];
    for (const [p, answer] of [
      [yes, 'accept'],
      [no, 'decline'],
    ] as const) {
      const s = (await p.post(`/api/v1/initiatives/${i.id}/signups`, {})).body;
      expect((await lead.post(`/api/v1/initiatives/${i.id}/signups/${s.id}/${answer}`)).status).toBe(200);
    }
    expect((await answers(yes))[0]?.object).toMatchObject({ type: 'help_accepted' });
    expect((await answers(yes))[0]?.object).not.toHaveProperty('title');
    expect((await answers(no))[0]?.object).toMatchObject({ type: 'help_declined' });
    expect((await mailsTo(app, yes.email)).map((m) => m.subject)).toEqual([
      `${lead.username} accepted your offer of general help with “${i.title}”`,
    ]);
    expect((await mailsTo(app, no.email)).map((m) => m.subject)).toEqual([
      `${lead.username} a décliné votre offre d’aide générale pour « ${i.title} »`,
    ]);
  });
});

describe('answering an offer to lead', () => {
  it('tells the volunteer whether they now lead it', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const [taken, refused] = [await reader(app, 'en'), await reader(app, 'en')];
    const coLead = await someone(app);
    const inv = (await lead.post(`/api/v1/initiatives/${i.id}/invitations`, { username: coLead.username })).body;
    await coLead.post(`/api/v1/initiatives/${i.id}/lead-requests/${inv.id}/accept`);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/step-down`, { seekingLead: true })).status).toBe(200);
    const offers = [
      (await refused.post(`/api/v1/initiatives/${i.id}/volunteers`, {})).body,
      (await taken.post(`/api/v1/initiatives/${i.id}/volunteers`, {})).body,
    ];
    expect((await coLead.post(`/api/v1/initiatives/${i.id}/lead-requests/${offers[0].id}/decline`)).status).toBe(200);
    expect((await coLead.post(`/api/v1/initiatives/${i.id}/lead-requests/${offers[1].id}/accept`)).status).toBe(200);
    expect((await answers(refused))[0]).toMatchObject({
      object: { type: 'lead_declined', id: offers[0].id },
      link: `/initiatives/${i.id}#team`,
    });
    expect((await answers(taken))[0]?.object).toMatchObject({ type: 'lead_accepted', id: offers[1].id });
    expect((await mailsTo(app, taken.email)).map((m) => m.subject)).toEqual([
      `${coLead.username} accepted your offer to lead “${i.title}”: you are one of its leads now`,
    ]);
    expect((await mailsTo(app, refused.email)).map((m) => m.subject)).toEqual([
      `${coLead.username} declined your offer to lead “${i.title}”`,
    ]);
  });
});
