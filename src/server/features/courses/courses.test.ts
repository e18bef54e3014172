import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { admin, course, COURSE, courseKey, groupOf, someone } from './testing';

describe('the course catalogue', () => {
  it('adds, lists, filters and shows courses; only the author, the provider’s coordinators and admins change one', async () => {
    const app = await testApp();
    const author = await someone(app);
    const coordinator = await someone(app);
    const other = await someone(app);
    const boss = await admin(app);
    const provider = await groupOf(app, coordinator);

    // Naming a provider needs its coordinators (or admins).
    expect((await author.post('/api/v1/courses', { ...COURSE, provider })).status).toBe(403);
    const c = await course(coordinator, { provider });
    const mine = await course(author, { skills: ['mentoring'], phases: ['evaluate'], level: 'advanced' });
    expect(c).toMatchObject({ level: 'introductory', hours: 4.5, provider: { slug: provider }, runs: [] });
    expect((await (await new TestClient(app).start()).post('/api/v1/courses', COURSE)).status).toBe(401);

    const anon = await new TestClient(app).start();
    const detail = await anon.get(`/api/v1/courses/${c.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      summaryHtml: expect.stringContaining('<strong>meeting</strong>'),
      createdBy: { username: coordinator.username },
      can: { manage: false },
      completions: 0,
    });
    expect((await coordinator.get(`/api/v1/courses/${c.id}`)).body.can.manage).toBe(true);
    expect((await anon.get('/api/v1/courses/999999999')).status).toBe(404);
    expect((await anon.get('/api/v1/courses/x')).status).toBe(404);

    const ids = async (q: string) =>
      ((await anon.get(`/api/v1/courses?limit=100&${q}`)).body.items as { id: string }[]).map((i) => i.id);
    expect(await ids(`community=${provider}`)).toEqual([c.id]);
    expect(await ids('skill=mentoring')).toContain(mine.id);
    expect(await ids('skill=mentoring')).not.toContain(c.id);
    expect(await ids('phase=evaluate&level=advanced')).toContain(mine.id);
    expect(await ids('community=no-such-group')).toEqual([]);
    expect((await anon.get('/api/v1/courses?level=expert')).status).toBe(400);
    // Paging.
    const first = await anon.get('/api/v1/courses?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.next).toBeTruthy();
    const second = await anon.get(`/api/v1/courses?limit=1&cursor=${first.body.next}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);

    // Changing: the coordinator, the author of their own, admins; not someone else.
    expect((await other.patch(`/api/v1/courses/${c.id}`, { title: 'Taken over' })).status).toBe(403);
    expect((await author.patch(`/api/v1/courses/${c.id}`, { title: 'Taken over' })).status).toBe(403);
    expect((await anon.patch(`/api/v1/courses/${c.id}`, { title: 'Taken over' })).status).toBe(401);
    const edited = await coordinator.patch(`/api/v1/courses/${c.id}`, { title: 'Facilitation 1', baseRevision: 1 });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Facilitation 1', revision: 2 });
    const stale = await boss.patch(`/api/v1/courses/${c.id}`, { title: 'Stale', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect((await boss.patch(`/api/v1/courses/${c.id}`, { hours: 5, baseRevision: 2 })).body.hours).toBe(5);
    expect((await author.patch(`/api/v1/courses/${mine.id}`, { level: 'intermediate' })).status).toBe(200);
    expect((await anon.get(`/api/v1/courses/${c.id}`)).body.title).toBe('Facilitation 1');
    const refused = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'permission.refused')
      .where('actor_id', '=', other.userId)
      .execute();
    expect(refused.map((r) => (r.details as { attempted: string }).attempted)).toContain('course.edit');
    // The first test of the file may start the app (migrations), slow on a busy machine.
  }, 90_000);

  it('refuses bad input naming the field, and writes nothing', async () => {
    const app = await testApp();
    const p = await someone(app);
    const before = await app.db
      .selectFrom('courses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad: [Record<string, unknown>, string][] = [
      [{ ...COURSE, title: ' ' }, 'title'],
      [{ ...COURSE, skills: ['juggling'] }, 'skills.0'],
      [{ ...COURSE, skills: ['teamwork', 'teamwork'] }, 'skills'],
      [{ ...COURSE, phases: ['dream'] }, 'phases.0'],
      [{ ...COURSE, level: 'expert' }, 'level'],
      [{ ...COURSE, hours: -1 }, 'hours'],
      [{ ...COURSE, provider: 'no-such-group' }, 'provider'],
      [{ ...COURSE, basedOn: { document: 'no-such-document', revision: 1 } }, 'basedOn.document'],
      [{ ...COURSE, colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of bad) {
      const res = await p.post('/api/v1/courses', body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const after = await app.db
      .selectFrom('courses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('follows an LDP revision and says when the document changed since', async () => {
    const app = await testApp();
    const boss = await admin(app);
    const slug = unique('ldp-').toLowerCase();
    expect(
      (await boss.post('/api/v1/documents', { slug, title: 'The LDP', markdown: 'Leaders grow.', summary: 'First' }))
        .status,
    ).toBe(201);
    expect(
      (await boss.post('/api/v1/courses', { ...COURSE, basedOn: { document: slug, revision: 2 } })).body.errors[0]
        .field,
    ).toBe('basedOn.revision');
    const c = await course(boss, { basedOn: { document: slug, revision: 1 } });
    expect((await boss.get(`/api/v1/courses/${c.id}`)).body.basedOn).toEqual({
      slug,
      title: 'The LDP',
      revision: 1,
      currentRevision: 1,
      changedSince: false,
    });
    expect((await boss.patch(`/api/v1/documents/${slug}`, { title: 'The LDP, revised' })).status).toBe(200);
    expect((await boss.get(`/api/v1/courses/${c.id}`)).body.basedOn).toMatchObject({
      title: 'The LDP, revised',
      revision: 1,
      currentRevision: 2,
      changedSince: true,
    });
  });
});

describe('runs and progress', () => {
  it('adds runs with checked course keys, tells followers, and lets only managers change them', async () => {
    const app = await testApp();
    const author = await someone(app);
    const follower = await someone(app);
    const other = await someone(app);
    const c = await course(author);
    expect((await follower.post('/api/v1/follows', { subject: { type: 'course', id: c.id } })).status).toBe(201);

    const bad = await author.post(`/api/v1/courses/${c.id}/runs`, {
      language: 'en',
      courseKey: 'LDN-101',
      status: 'open',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('courseKey');
    const badDates = await author.post(`/api/v1/courses/${c.id}/runs`, {
      language: 'en',
      courseKey: courseKey(),
      status: 'open',
      startsOn: '2027-02-01',
      endsOn: '2027-01-01',
    });
    expect(badDates.body.errors[0].field).toBe('endsOn');
    expect(
      (
        await author.post(`/api/v1/courses/${c.id}/runs`, {
          language: 'xx-nope',
          courseKey: courseKey(),
          status: 'open',
        })
      ).body.errors[0].field,
    ).toBe('language');
    expect(
      (await app.db.selectFrom('course_runs').select('id').where('course_id', '=', Number(c.id)).execute()).length,
    ).toBe(0);

    const key = courseKey();
    expect(
      (await other.post(`/api/v1/courses/${c.id}/runs`, { language: 'en', courseKey: key, status: 'open' })).status,
    ).toBe(403);
    const added = await author.post(`/api/v1/courses/${c.id}/runs`, {
      language: 'en',
      courseKey: key,
      status: 'open',
      startsOn: '2027-01-10',
    });
    expect(added.status, added.text).toBe(201);
    const run = added.body.runs[0];
    expect(run).toMatchObject({
      language: 'en',
      courseKey: key,
      url: `https://learn.wiki/courses/${key}/about`,
      status: 'open',
      startsOn: '2027-01-10',
      endsOn: null,
      mine: null,
    });
    expect(added.body.languages).toEqual(['en']);
    const dup = await author.post(`/api/v1/courses/${c.id}/runs`, {
      language: 'fr',
      courseKey: key,
      status: 'planned',
    });
    expect(dup.status).toBe(409);

    const told = await follower.get('/api/v1/notifications?limit=20');
    expect(told.body.items.find((n: { kind: string }) => n.kind === 'course_run')).toMatchObject({
      subject: { type: 'course', id: c.id },
    });

    expect((await other.patch(`/api/v1/courses/${c.id}/runs/${run.id}`, { status: 'closed' })).status).toBe(403);
    const newKey = courseKey();
    const changed = await author.patch(`/api/v1/courses/${c.id}/runs/${run.id}`, {
      status: 'closed',
      courseKey: newKey,
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.runs[0]).toMatchObject({ status: 'closed', url: `https://learn.wiki/courses/${newKey}/about` });
    expect(
      (await author.patch(`/api/v1/courses/${c.id}/runs/${run.id}`, { url: 'https://wikilearn.example.org/c' })).body
        .runs[0].url,
    ).toBe('https://wikilearn.example.org/c');
    expect(
      (await author.patch(`/api/v1/courses/${c.id}/runs/${run.id}`, { endsOn: '2026-01-01' })).body.errors[0].field,
    ).toBe('endsOn');
    expect((await author.patch(`/api/v1/courses/${c.id}/runs/999999`, { status: 'open' })).status).toBe(404);
  });

  it('counts completions per language and public region, hiding small counts made of private values', async () => {
    const app = await testApp();
    const author = await someone(app);
    const c = await course(author);
    const en = (
      await author.post(`/api/v1/courses/${c.id}/runs`, { language: 'en', courseKey: courseKey(), status: 'open' })
    ).body.runs[0].id as string;
    const ar = (
      await author.post(`/api/v1/courses/${c.id}/runs`, { language: 'ar', courseKey: courseKey(), status: 'open' })
    ).body.runs.find((r: { language: string }) => r.language === 'ar').id as string;

    // Two learners in the MENA region who show it and their completion; one private learner.
    const learners = await Promise.all([someone(app), someone(app), someone(app)]);
    for (const l of learners.slice(0, 2))
      expect((await l.patch('/api/v1/me/profile', { region: 'MENA', publicFields: ['region'] })).status).toBe(200);
    for (const l of learners.slice(0, 2)) {
      const res = await l.put(`/api/v1/courses/${c.id}/runs/${ar}/progress`, { status: 'completed', public: true });
      expect(res.status, res.text).toBe(200);
    }
    const mine = await learners[2]!.put(`/api/v1/courses/${c.id}/runs/${en}/progress`, { status: 'completed' });
    expect(mine.body.runs.find((r: { id: string }) => r.id === en).mine).toEqual({
      status: 'completed',
      public: false,
    });

    const d = (await new TestClient(app).get(`/api/v1/courses/${c.id}`)).body;
    // Public values only: exact. A count under 5 with a private value in it: null.
    expect(d.completionsByLanguage).toEqual({ ar: 2, en: null });
    expect(d.completionsByRegion).toEqual({ MENA: 2, not_said: null });
    expect(d.completions).toBeNull();
    expect(d.runs.find((r: { id: string }) => r.id === ar).completions).toBe(2);
    expect(d.runs.every((r: { mine: unknown }) => r.mine === null)).toBe(true);

    // Public progress shows on the person's page; private does not.
    const page = async (username: string) =>
      (await new TestClient(app).get(`/api/v1/people/${encodeURIComponent(username)}/courses`)).body;
    expect((await page(learners[0]!.username)).items).toEqual([
      { course: { id: c.id, title: c.title }, run: { id: ar, language: 'ar' }, status: 'completed' },
    ]);
    expect((await page(learners[2]!.username)).items).toEqual([]);
    expect((await new TestClient(app).get('/api/v1/people/no-such-person-here/courses')).status).toBe(404);

    // Bad input, an unknown run, anonymous visitors; removing one's own.
    expect(
      (await learners[2]!.put(`/api/v1/courses/${c.id}/runs/${en}/progress`, { status: 'done' })).body.errors[0].field,
    ).toBe('status');
    expect(
      (await learners[2]!.put(`/api/v1/courses/${c.id}/runs/999999/progress`, { status: 'enrolled' })).status,
    ).toBe(404);
    expect(
      (
        await (
          await new TestClient(app).start()
        ).put(`/api/v1/courses/${c.id}/runs/${en}/progress`, { status: 'enrolled' })
      ).status,
    ).toBe(401);
    expect((await learners[2]!.delete(`/api/v1/courses/${c.id}/runs/${en}/progress`)).status).toBe(204);
    expect((await learners[2]!.delete(`/api/v1/courses/${c.id}/runs/${en}/progress`)).status).toBe(404);
    expect((await new TestClient(app).get(`/api/v1/courses/${c.id}`)).body.completionsByLanguage).toEqual({ ar: 2 });
  });

  it('lists the trainings naming the course', async () => {
    const app = await testApp();
    const author = await someone(app);
    const c = await course(author);
    const ev = await app.db
      .insertInto('events')
      .values({
        kind: 'training',
        title: 'Facilitation training',
        timezone: 'Europe/Berlin',
        start_local: '2030-03-09T18:00',
        end_local: '2030-03-09T19:00',
        mode: 'online',
        course_id: Number(c.id),
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await app.db
      .insertInto('event_occurrences')
      .values({
        event_id: ev.id,
        occurrence: '2030-03-09T18:00',
        starts_at: new Date('2030-03-09T17:00:00Z'),
        ends_at: new Date('2030-03-09T18:00:00Z'),
        cancel_reason: null,
        notes: null,
        recording_url: null,
        follow_up: null,
      })
      .execute();
    expect((await author.get(`/api/v1/courses/${c.id}`)).body.trainings).toEqual([
      { id: String(ev.id), title: 'Facilitation training', start: '2030-03-09T17:00:00.000Z' },
    ]);
  });
});
