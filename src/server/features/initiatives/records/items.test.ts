import { describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/harness';
import { idea, someone, staff } from '../testing';
import { convertPlatformLinks, linkingInitiatives, platformItemOf } from './items';

async function anEvent(app: Awaited<ReturnType<typeof testApp>>, title: string) {
  const at = new Date();
  return (
    await app.db
      .insertInto('events')
      .values({
        kind: 'training',
        title,
        timezone: 'UTC',
        start_local: '2030-01-01T10:00',
        end_local: '2030-01-01T11:00',
        mode: 'online',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

describe('links to the platform’s events and courses', () => {
  it('stores an event or a course as the item, from its id or its address here; unknown items are refused', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const other = await someone(app);
    const i = await idea(lead);
    const c = await lead.post('/api/v1/courses', {
      title: 'Course for links',
      summary: '',
      skills: [],
      phases: [],
      level: 'introductory',
    });
    expect(c.status, c.text).toBe(201);
    const eventId = await anEvent(app, 'Training for links');

    const byId = await lead.post(`/api/v1/initiatives/${i.id}/links`, { kind: 'course', course: c.body.id });
    expect(byId.status, byId.text).toBe(201);
    expect(byId.body).toMatchObject({ kind: 'course', title: 'Course for links', url: `/courses/${c.body.id}` });
    const event = await lead.post(`/api/v1/initiatives/${i.id}/links`, { kind: 'event', event: String(eventId) });
    expect(event.body).toMatchObject({ kind: 'event', title: 'Training for links', url: `/events/${eventId}` });
    // A URL on the platform's own address is stored as the item; elsewhere it stays a URL.
    const base = app.deps.config.baseUrl;
    const byUrl = await lead.post(`/api/v1/initiatives/${i.id}/links`, {
      kind: 'training',
      title: 'Our training',
      url: `${base}/events/${eventId}`,
    });
    expect(byUrl.body).toMatchObject({ kind: 'training', title: 'Training for links', url: `/events/${eventId}` });
    const outside = await lead.post(`/api/v1/initiatives/${i.id}/links`, {
      kind: 'course',
      title: 'Elsewhere',
      url: `https://elsewhere.example.org/courses/${c.body.id}`,
    });
    expect(outside.body.url).toBe(`https://elsewhere.example.org/courses/${c.body.id}`);
    const rows = await app.db
      .selectFrom('initiative_links')
      .select(['event_id', 'course_id'])
      .where('initiative_id', '=', Number(i.id))
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { event_id: null, course_id: Number(c.body.id) },
      { event_id: eventId, course_id: null },
      { event_id: eventId, course_id: null },
      { event_id: null, course_id: null },
    ]);

    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'course', course: '999999999' }, 'course'],
      [{ kind: 'course', course: 'abc' }, 'course'],
      [{ kind: 'event', event: '999999999' }, 'event'],
      [{ kind: 'event', course: c.body.id }, 'kind'],
      [{ kind: 'course', course: c.body.id, url: 'https://example.org' }, 'url'],
      [{ kind: 'course' }, 'title'],
    ];
    for (const [body, field] of bad) {
      const res = await lead.post(`/api/v1/initiatives/${i.id}/links`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await other.post(`/api/v1/initiatives/${i.id}/links`, { kind: 'course', course: c.body.id })).status).toBe(
      403,
    );

    // The course's page lists the initiative; a renamed course reads renamed in the initiative's links.
    expect(await linkingInitiatives(app.db, 'course', Number(c.body.id))).toEqual([{ id: i.id, title: i.title }]);
    expect(await linkingInitiatives(app.db, 'event', eventId)).toEqual([{ id: i.id, title: i.title }]);
    expect((await lead.get(`/api/v1/courses/${c.body.id}`)).body.initiatives).toEqual([{ id: i.id, title: i.title }]);
    expect((await lead.get(`/api/v1/events/${eventId}`)).body.initiatives).toEqual([{ id: i.id, title: i.title }]);
    expect((await lead.patch(`/api/v1/courses/${c.body.id}`, { title: 'Course renamed' })).status).toBe(200);
    const links = (await lead.get(`/api/v1/initiatives/${i.id}`)).body.links as { title: string; url: string }[];
    expect(links.find((l) => l.url === `/courses/${c.body.id}`)?.title).toBe('Course renamed');

    // Hidden initiatives are left out.
    const moderator = await staff(app, 'moderator');
    const hid = await moderator.post('/api/v1/moderation/hide', {
      subject: { type: 'initiative', id: i.id },
      reason: 'Commercial advertising',
    });
    expect(hid.status, hid.text).toBe(201);
    expect(await linkingInitiatives(app.db, 'course', Number(c.body.id))).toEqual([]);
  });

  it('converts old links on the platform’s own address, once', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const eventId = await anEvent(app, 'Old training');
    const base = 'https://ldn.example.org';
    const at = new Date();
    const insert = (url: string) =>
      app.db
        .insertInto('initiative_links')
        .values({ initiative_id: Number(i.id), kind: 'event', title: 'Old', url, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
    const ours = await insert(`${base}/events/${eventId}`);
    const missing = await insert(`${base}/events/999999999`);
    const theirs = await insert(`https://other.example.org/events/${eventId}`);
    expect(await convertPlatformLinks(app.db, `${base}/`)).toBeGreaterThanOrEqual(1);
    expect(await convertPlatformLinks(app.db, base)).toBe(0);
    const row = async (id: number) =>
      app.db
        .selectFrom('initiative_links')
        .select(['url', 'title', 'event_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await row(ours.id)).toEqual({ url: `/events/${eventId}`, title: 'Old training', event_id: eventId });
    expect((await row(missing.id)).event_id).toBeNull();
    expect((await row(theirs.id)).event_id).toBeNull();
  });

  it('recognizes the platform’s own item addresses only', () => {
    const base = 'https://ldn.example.org';
    expect(platformItemOf(`${base}/courses/12`, base)).toEqual({ kind: 'course', id: 12 });
    expect(platformItemOf(`${base}/events/3/?occurrence=x#top`, base)).toEqual({ kind: 'event', id: 3 });
    expect(platformItemOf(`${base}/events/3/join`, base)).toBeNull();
    expect(platformItemOf(`${base}/courses/0`, base)).toBeNull();
    expect(platformItemOf(`${base}.evil.org/courses/1`, base)).toBeNull();
    expect(platformItemOf('https://other.org/courses/1', base)).toBeNull();
  });
});
