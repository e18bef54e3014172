import { describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { runDueJobs } from '../../../jobs/worker';
import { QUIET_JOB, flagQuiet } from './quiet';
import { auditCount, clockedApp, freshSchedule, idea, notificationsOf, someone, staff, told } from '../testing';

describe('co-leads', () => {
  it('lets a lead invite a co-lead, who alone accepts or declines', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const invitee = await someone(app);
    const other = await someone(app);
    const i = await idea(lead);
    expect((await other.post(`/api/v1/initiatives/${i.id}/invitations`, { username: invitee.username })).status).toBe(
      403,
    );
    expect(
      (await lead.post(`/api/v1/initiatives/${i.id}/invitations`, { username: 'Nobody here 123' })).body.errors[0]
        .field,
    ).toBe('username');
    expect((await lead.post(`/api/v1/initiatives/${i.id}/invitations`, { username: lead.username })).status).toBe(409);
    const inv = await lead.post(`/api/v1/initiatives/${i.id}/invitations`, {
      username: invitee.username,
      message: 'Join me!',
    });
    expect(inv.status).toBe(201);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/invitations`, { username: invitee.username })).status).toBe(
      409,
    );
    expect((await notificationsOf(invitee)).map((n) => n.kind)).toContain('lead_invite');
    // The invitee sees their invitation; a stranger does not.
    expect((await invitee.get(`/api/v1/initiatives/${i.id}`)).body.leadRequests).toMatchObject([
      { id: inv.body.id, kind: 'invitation', message: 'Join me!' },
    ]);
    expect((await other.get(`/api/v1/initiatives/${i.id}`)).body.leadRequests).toEqual([]);
    // Neither the inviting lead nor someone else answers for the invitee.
    expect((await lead.post(`/api/v1/initiatives/${i.id}/lead-requests/${inv.body.id}/accept`)).status).toBe(403);
    expect((await other.post(`/api/v1/initiatives/${i.id}/lead-requests/${inv.body.id}/accept`)).status).toBe(403);
    const accepted = await invitee.post(`/api/v1/initiatives/${i.id}/lead-requests/${inv.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.leads.map((l: { username: string }) => l.username)).toEqual([lead.username, invitee.username]);
    expect(accepted.body.can).toMatchObject({ edit: true, lead: true });
    expect((await invitee.post(`/api/v1/initiatives/${i.id}/lead-requests/${inv.body.id}/decline`)).status).toBe(409);
    // The new co-lead may now change it.
    expect((await invitee.patch(`/api/v1/initiatives/${i.id}`, { audience: 'Students' })).status).toBe(200);
  });
});

describe('handover', () => {
  it('a lead steps down and marks it seeking a lead; others volunteer; a lead or an admin accepts', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const coLead = await someone(app);
    const follower = await someone(app);
    const volunteer = await someone(app);
    const i = await idea(lead);
    const inv = (await lead.post(`/api/v1/initiatives/${i.id}/invitations`, { username: coLead.username })).body;
    await coLead.post(`/api/v1/initiatives/${i.id}/lead-requests/${inv.id}/accept`);
    await follower.post('/api/v1/follows', { subject: { type: 'initiative', id: i.id } });
    // Not seeking a lead yet: volunteering is refused.
    expect((await volunteer.post(`/api/v1/initiatives/${i.id}/volunteers`, {})).status).toBe(409);
    expect((await volunteer.post(`/api/v1/initiatives/${i.id}/step-down`, {})).status).toBe(403);
    const stepped = await lead.post(`/api/v1/initiatives/${i.id}/step-down`, { seekingLead: true });
    expect(stepped.status).toBe(200);
    expect(stepped.body).toMatchObject({
      seekingLead: true,
      leads: [{ username: coLead.username }],
      can: { edit: false, lead: false, volunteer: true },
    });
    expect((await notificationsOf(follower)).map((n) => n.kind)).toContain('lead_wanted');
    expect((await lead.post(`/api/v1/initiatives/${i.id}/step-down`, {})).status).toBe(403);

    const offer = await volunteer.post(`/api/v1/initiatives/${i.id}/volunteers`, {
      message: 'I ran a similar project.',
    });
    expect(offer.status).toBe(201);
    expect((await volunteer.post(`/api/v1/initiatives/${i.id}/volunteers`, {})).status).toBe(409);
    expect((await notificationsOf(coLead)).map((n) => n.kind)).toContain('lead_volunteer');
    // The volunteer cannot accept themselves; the remaining lead can.
    expect((await volunteer.post(`/api/v1/initiatives/${i.id}/lead-requests/${offer.body.id}/accept`)).status).toBe(
      403,
    );
    const done = await coLead.post(`/api/v1/initiatives/${i.id}/lead-requests/${offer.body.id}/accept`);
    expect(done.body).toMatchObject({ seekingLead: false });
    expect(done.body.leads.map((l: { username: string }) => l.username)).toContain(volunteer.username);
    // Accepting the invitation and then the volunteer.
    expect(await auditCount(app, 'initiative.lead.accept', coLead.userId)).toBe(2);
  });

  it('when the last lead steps down it seeks a lead, and an admin accepts a volunteer', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const volunteer = await someone(app);
    const i = await idea(lead);
    const res = await lead.post(`/api/v1/initiatives/${i.id}/step-down`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ seekingLead: true, leads: [] });
    const offer = (await volunteer.post(`/api/v1/initiatives/${i.id}/volunteers`, {})).body;
    const admin = await staff(app, 'admin');
    expect((await admin.post(`/api/v1/initiatives/${i.id}/lead-requests/${offer.id}/accept`)).status).toBe(200);
    expect((await volunteer.get(`/api/v1/initiatives/${i.id}`)).body.can).toMatchObject({ lead: true, edit: true });
    expect(
      (await new TestClient(app).start().then((c) => c.post(`/api/v1/initiatives/${i.id}/volunteers`, {}))).status,
    ).toBe(401);
  });
});

describe('inactivity', () => {
  it('flags an initiative quiet for the configured months and asks its followers, once; any activity clears it', async () => {
    const { app, clock } = await clockedApp(new Date('2033-01-10T10:00:00Z'));
    try {
      expect(app.deps.config.initiatives.inactiveMonths).toBe(6);
      const lead = await someone(app);
      const follower = await someone(app);
      const quiet = await idea(lead);
      const busy = await idea(lead);
      await follower.post('/api/v1/follows', { subject: { type: 'initiative', id: quiet.id } });
      // Five months on, a comment keeps the second one alive.
      clock.at = new Date('2033-06-10T10:00:00Z');
      const commenter = await someone(app);
      expect(
        (
          await commenter.post('/api/v1/comments', {
            subject: { type: 'initiative', id: busy.id },
            body: 'Still going?',
          })
        ).status,
      ).toBe(201);
      // Just under six months: nothing yet.
      await flagQuiet(app.db, new Date('2033-07-09T10:00:00Z'), 6);
      expect(await told(app, follower.userId, 'initiative_quiet')).toHaveLength(0);
      // The daily check after six months flags the quiet one only.
      clock.at = new Date('2033-07-11T04:00:00Z');
      await freshSchedule(app, QUIET_JOB);
      await runDueJobs(app, { kinds: [QUIET_JOB] });
      await runDueJobs(app, { now: new Date('2033-07-11T05:00:00Z'), kinds: [QUIET_JOB] });
      await runDueJobs(app, { now: new Date('2033-07-12T05:00:00Z'), kinds: [QUIET_JOB] });
      const asked = await told(app, follower.userId, 'initiative_quiet');
      expect(asked).toHaveLength(1);
      expect(asked[0]!.link).toBe(`/initiatives/${quiet.id}#quiet`);
      const flags = await app.db
        .selectFrom('initiatives')
        .select(['id', 'quiet_since'])
        .where('id', 'in', [Number(quiet.id), Number(busy.id)])
        .orderBy('id')
        .execute();
      expect(flags.map((f) => f.quiet_since !== null)).toEqual([true, false]);
      // The lead answers that it lives (sign in again: the clock outran the session).
      clock.at = new Date('2033-07-12T09:00:00Z');
      const again = await new TestClient(app).start();
      expect(
        (await again.post('/api/v1/session', { username: lead.username, password: 'correct horse battery' })).status,
      ).toBe(200);
      const stranger = await someone(app);
      expect((await stranger.post(`/api/v1/initiatives/${quiet.id}/alive`)).status).toBe(403);
      const res = await again.post(`/api/v1/initiatives/${quiet.id}/alive`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.quiet).toBe(false);
    } finally {
      await app.close();
    }
  });
});
