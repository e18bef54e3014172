import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/harness';
import { eventBody } from '../testing';
import { admin, group, makeEvent, registrationsUrl, someone, told } from './testing';
import { tellOccurrenceChanged } from './notify';

beforeAll(() => testApp(), 120_000);

describe('what registrants and ambassadors are told', () => {
  it('invites every current ambassador (not past ones, not others) when an ambassador meeting is made', async () => {
    const app = await testApp();
    const boss = await admin(app);
    const amb = await someone(app);
    const formerAmb = await someone(app);
    const member = await someone(app);
    await group(app, { ambassadors: [amb.userId] });
    const g = await group(app);
    await app.db
      .insertInto('ambassador_terms')
      .values({ community_id: g.id, user_id: formerAmb.userId, start_date: '2019-01-01', end_date: '2020-01-01' })
      .execute();
    const res = await boss.post(
      '/api/v1/events',
      eventBody({
        kind: 'ambassador_meeting',
        title: 'Ambassadors meet',
        start: '2090-03-09T18:00',
        end: '2090-03-09T19:00',
      }),
    );
    expect(res.status, res.text).toBe(201);
    const got = await told(app, amb.userId, 'event_invite');
    expect(got).toEqual([
      expect.objectContaining({ link: `/events/${res.body.id}`, subject_title: 'Ambassadors meet' }),
    ]);
    expect(await told(app, formerAmb.userId, 'event_invite')).toHaveLength(0);
    expect(await told(app, member.userId, 'event_invite')).toHaveLength(0);
    expect(await told(app, boss.userId, 'event_invite')).toHaveLength(0);
    // Other kinds invite no one.
    expect(
      (await boss.post('/api/v1/events', eventBody({ start: '2090-03-09T18:00', end: '2090-03-09T19:00' }))).status,
    ).toBe(201);
    expect(await told(app, amb.userId, 'event_invite')).toHaveLength(1);
  });

  it('tells an occurrence’s registrants, waiting ones too, when it moves', async () => {
    const app = await testApp();
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId, capacity: 1 });
    const a = await someone(app);
    const b = await someone(app);
    await a.post(registrationsUrl(ev), {});
    await b.post(registrationsUrl(ev), {});
    const n = await app.db.transaction().execute((trx) =>
      tellOccurrenceChanged(trx, {
        event: { id: Number(ev.id), title: ev.title },
        occurrence: ev.occurrences[0]!.occurrence,
        actorId: org.userId,
        at: new Date(),
      }),
    );
    expect(n).toBe(2);
    expect(await told(app, a.userId, 'event_changed')).toHaveLength(1);
    expect(await told(app, b.userId, 'event_changed')).toHaveLength(1);
    expect(await told(app, org.userId, 'event_changed')).toHaveLength(0);
  });
});
