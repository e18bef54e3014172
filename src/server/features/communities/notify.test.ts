// What groups tell people: the member designated an ambassador, the ambassador whose term ends (however it
// ends), and a group's coordinators when it becomes or stops being a partner. Never the person who acted, never
// anyone else; in the app at once, and by e-mail as each person chose (daily unless they chose otherwise).
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { signedUp } from '../../testing/client';
import { runDueJobs } from '../../jobs/worker';
import { enqueue } from '../../jobs/queue';
import { EMAIL_JOB } from '../notifications/kinds';
import { giveEmail, inbox } from '../notifications/testing';
import { TERM_ENDS_JOB } from './notify';
import { admin, createGroup, daysFromToday, partnerGroup, today, type Person } from './test-helpers';

/** The person's notifications about this group, newest first, as kinds with their link. */
async function about(p: Person, groupId: string) {
  const { items } = await inbox(p);
  return items.filter((n) => n.subject.type === 'community' && n.subject.id === groupId);
}
const kinds = async (p: Person, groupId: string) => (await about(p, groupId)).map((n) => n.kind);

async function designate(by: Person, slug: string, who: Person, start = today(), end?: string) {
  const res = await by.post(`/api/v1/communities/${slug}/ambassadors`, {
    username: who.username,
    start,
    ...(end ? { end } : {}),
  });
  expect(res.status, res.text).toBe(201);
}

/** Runs one occurrence of the daily term-ends job at the given moment. */
async function runTermEnds(app: FastifyInstance, now: Date) {
  await enqueue(app.db, { kind: TERM_ENDS_JOB, runAt: now, key: unique('test:term-ends:') }, now);
  await runDueJobs(app, { kinds: [TERM_ENDS_JOB], now });
}

describe('group notifications', () => {
  it('tells a member they were designated an ambassador, and nobody else', async () => {
    const app = await testApp();
    const { coordinator, member, group, admin: boss } = await partnerGroup(app);
    const bystander = await signedUp(app);
    await bystander.post(`/api/v1/communities/${group.slug}/members`);
    await designate(coordinator, group.slug, member);
    const [n, ...rest] = await about(member, group.id);
    expect(rest).toEqual([]);
    expect(n).toMatchObject({
      kind: 'ambassador_designated',
      subject: { type: 'community', id: group.id, title: group.name, link: `/communities/${group.slug}` },
      actor: { username: coordinator.username },
      link: `/communities/${group.slug}#ambassadors`,
      read: false,
    });
    // The coordinator heard only that the group became a partner.
    expect(await kinds(coordinator, group.id)).toEqual(['partner_marked']);
    expect(await kinds(bystander, group.id)).toEqual([]);
    // The admin who marked the group partner hears nothing of its designations.
    expect(await kinds(boss, group.id)).toEqual([]);
  });

  it('tells the ambassador when a coordinator ends their term or removes them, never when they act themself', async () => {
    const app = await testApp();
    const { coordinator, member, group } = await partnerGroup(app);
    await designate(coordinator, group.slug, member, daysFromToday(-5));
    expect((await coordinator.delete(`/api/v1/communities/${group.slug}/ambassadors/${member.username}`)).status).toBe(
      204,
    );
    const [ended] = await about(member, group.id);
    expect(ended).toMatchObject({
      kind: 'ambassador_ended',
      actor: { username: coordinator.username },
      link: `/communities/${group.slug}#ambassadors`,
    });
    expect(ended?.object).toMatchObject({ type: 'ambassador_term' });
    expect(await kinds(coordinator, group.id)).toEqual(['partner_marked']);

    // Removed from the group while an ambassador: the term ends, and they are told.
    await designate(coordinator, group.slug, member, daysFromToday(1));
    const removed = await coordinator.delete(`/api/v1/communities/${group.slug}/members/${member.username}`);
    expect(removed.status, removed.text).toBe(204);
    expect(await kinds(member, group.id)).toEqual([
      'ambassador_ended',
      'ambassador_designated',
      'ambassador_ended',
      'ambassador_designated',
    ]);

    // Leaving the group themself ends the term without telling them what they did.
    expect((await member.post(`/api/v1/communities/${group.slug}/members`)).status).toBe(201);
    await designate(coordinator, group.slug, member, daysFromToday(2));
    const left = await member.delete(`/api/v1/communities/${group.slug}/members/${member.username}`);
    expect(left.status, left.text).toBe(204);
    expect((await kinds(member, group.id))[0]).toBe('ambassador_designated');
    expect(await kinds(coordinator, group.id)).toEqual(['partner_marked']);
  });

  it('tells the coordinators when their group becomes or stops being a partner, and its ambassadors their term ended', async () => {
    const app = await testApp();
    const coordinator = await signedUp(app, unique('coord'));
    const second = await signedUp(app, unique('coord'));
    const member = await signedUp(app, unique('member'));
    const group = await createGroup(coordinator);
    for (const p of [second, member]) await p.post(`/api/v1/communities/${group.slug}/members`);
    expect(
      (await coordinator.put(`/api/v1/communities/${group.slug}/members/${second.username}`, { role: 'coordinator' }))
        .status,
    ).toBe(200);
    const boss = await admin(app);
    expect((await boss.patch(`/api/v1/communities/${group.slug}`, { partner: true })).status).toBe(200);
    for (const c of [coordinator, second]) {
      expect(await about(c, group.id)).toMatchObject([
        { kind: 'partner_marked', actor: { username: boss.username }, link: `/communities/${group.slug}` },
      ]);
    }
    expect(await kinds(member, group.id)).toEqual([]);
    expect(await kinds(boss, group.id)).toEqual([]);

    // Sending the same mark again changes nothing and tells nobody.
    expect((await boss.patch(`/api/v1/communities/${group.slug}`, { partner: true })).status).toBe(200);
    expect(await kinds(coordinator, group.id)).toEqual(['partner_marked']);

    await designate(coordinator, group.slug, member);
    expect((await boss.patch(`/api/v1/communities/${group.slug}`, { partner: false })).status).toBe(200);
    for (const c of [coordinator, second]) expect((await kinds(c, group.id))[0]).toBe('partner_unmarked');
    expect(await kinds(member, group.id)).toEqual(['ambassador_ended', 'ambassador_designated']);
    expect(await kinds(boss, group.id)).toEqual([]);
  });

  it('tells no one when the admin who marks the group is its only coordinator', async () => {
    const app = await testApp();
    const boss = await admin(app);
    const group = await createGroup(boss);
    expect((await boss.patch(`/api/v1/communities/${group.slug}`, { partner: true })).status).toBe(200);
    expect(await kinds(boss, group.id)).toEqual([]);
  });

  it('tells an ambassador once when their term reaches its last day on its own', async () => {
    const app = await testApp();
    const { coordinator, member, group } = await partnerGroup(app);
    const other = await signedUp(app);
    await other.post(`/api/v1/communities/${group.slug}/members`);
    // A term whose last day is today, and an old one that ended long before the job existed.
    await designate(coordinator, group.slug, member, daysFromToday(-20), today());
    await designate(coordinator, group.slug, other, daysFromToday(-90), daysFromToday(-40));
    const now = new Date();
    await runTermEnds(app, now);
    // The last day has not passed yet.
    expect(await kinds(member, group.id)).toEqual(['ambassador_designated']);

    const tomorrow = new Date(now.getTime() + 86_400_000);
    await runTermEnds(app, tomorrow);
    const [ended] = await about(member, group.id);
    expect(ended).toMatchObject({
      kind: 'ambassador_ended',
      actor: null,
      link: `/communities/${group.slug}#ambassadors`,
    });
    expect(await kinds(other, group.id)).toEqual(['ambassador_designated']);
    expect(await kinds(coordinator, group.id)).toEqual(['partner_marked']);

    // Told once, however often the job runs.
    await runTermEnds(app, new Date(tomorrow.getTime() + 86_400_000));
    expect(await kinds(member, group.id)).toEqual(['ambassador_ended', 'ambassador_designated']);
  });

  it('mails the notification in the person’s language when they chose to hear at once, daily otherwise', async () => {
    const app = await testApp();
    const { coordinator, member, group } = await partnerGroup(app);
    const address = `${member.username}@example.org`;
    await giveEmail(app, member, address, 'fr');
    const settings = await member.get('/api/v1/me/notification-settings');
    expect(settings.body.defaults).toMatchObject({
      ambassador_designated: 'daily',
      ambassador_ended: 'daily',
      partner_marked: 'daily',
      partner_unmarked: 'daily',
    });
    const chose = await member.put('/api/v1/me/notification-settings', {
      email: { ambassador_designated: 'immediately' },
    });
    expect(chose.status).toBe(200);
    await designate(coordinator, group.slug, member);
    await runDueJobs(app, { kinds: [EMAIL_JOB] });
    const mails = await app.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', address).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(
      `${coordinator.username} vous a désigné(e) ambassadeur ou ambassadrice de « ${group.name} »`,
    );
    expect(mails[0]?.body_text).toContain(`/communities/${group.slug}#ambassadors`);

    // Ending the term waits for the daily digest, as the person left it.
    expect((await coordinator.delete(`/api/v1/communities/${group.slug}/ambassadors/${member.username}`)).status).toBe(
      204,
    );
    await runDueJobs(app, { kinds: [EMAIL_JOB] });
    expect(await app.db.selectFrom('mail_outbox').select('id').where('recipient', '=', address).execute()).toHaveLength(
      1,
    );
  });
});
