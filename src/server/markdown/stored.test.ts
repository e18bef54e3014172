import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { secondInstance, testApp, testDbKind, unique } from '../testing/harness';
import { TestClient, grantRole, signedUp } from '../testing/client';
import { addMember, makeCommunity } from '../features/updates/testing';
import { enqueue } from '../jobs/queue';
import { runDueJobs } from '../jobs/worker';
import { markdownExcerpt, renderCounter } from './render';
import { markdownBacklog, RERENDER_JOB } from './rerender-job';
import { leadOf, RENDERER_VERSION, storedExcerpt } from './stored';
import { MARKDOWN_TABLES } from './targets';

async function coordinatorOfAGroup() {
  const app = await testApp();
  const group = await makeCommunity(app);
  const coordinator = await signedUp(app);
  await addMember(app, group.id, coordinator.userId, 'coordinator');
  return { app, group, coordinator };
}

describe('stored Markdown', () => {
  it('is rendered when written: readers get the stored HTML, and reading lists renders nothing', async () => {
    const { app, group, coordinator } = await coordinatorOfAGroup();
    const res = await coordinator.post('/api/v1/updates', {
      title: unique('Stored '),
      body: 'We met **twelve** people.',
      community: group.slug,
      language: 'en',
    });
    expect(res.status).toBe(201);
    expect(res.body.bodyHtml).toBe('<p>We met <strong>twelve</strong> people.</p>\n');
    const admin = await signedUp(app);
    await grantRole(app, admin.username, 'admin');
    const faq = await admin.post('/api/v1/faq', { language: 'en', question: 'Why?', answer: 'Because *so*.' });
    expect(faq.status).toBe(201);

    // What readers get is what is stored (a mark put in its place shows), not a rendering of the source.
    await app.db
      .updateTable('updates')
      .set({ body_html: '<p>stored</p>' })
      .where('id', '=', Number(res.body.id))
      .execute();
    const anyone = new TestClient(app);
    const before = renderCounter.renders;
    const list = await anyone.get(`/api/v1/updates?community=${group.slug}`);
    const answers = await anyone.get('/api/v1/faq?language=en');
    const one = await anyone.get(`/api/v1/updates/${res.body.id}`);
    expect(renderCounter.renders).toBe(before);
    expect(list.body.items[0].bodyHtml).toBe('<p>stored</p>');
    expect(list.body.items[0].excerpt).toBe('We met twelve people.');
    expect(one.body.bodyHtml).toBe('<p>stored</p>');
    expect(answers.body.items.find((i: { id: string }) => i.id === faq.body.id).answerHtml).toBe(
      '<p>Because <em>so</em>.</p>\n',
    );
  });

  it('is rendered again when edited, and a stranger may still not edit it', async () => {
    const { app, group, coordinator } = await coordinatorOfAGroup();
    const res = await coordinator.post('/api/v1/updates', {
      title: unique('Edited '),
      body: 'first',
      community: group.slug,
      language: 'en',
    });
    const stranger = await signedUp(app);
    expect((await stranger.patch(`/api/v1/updates/${res.body.id}`, { body: '*stolen*' })).status).toBe(403);
    const edited = await coordinator.patch(`/api/v1/updates/${res.body.id}`, { body: 'second, _edited_' });
    expect(edited.status).toBe(200);
    expect(edited.body.bodyHtml).toBe('<p>second, <em>edited</em></p>\n');
    const list = await new TestClient(app).get(`/api/v1/updates?community=${group.slug}`);
    expect(list.body.items[0]).toMatchObject({ bodyHtml: edited.body.bodyHtml, excerpt: 'second, edited' });
  });

  it('written by an older renderer, or changed without its HTML, is shown rendered and re-rendered by the job', async () => {
    const { app, group, coordinator } = await coordinatorOfAGroup();
    const made = [];
    for (const body of ['one *a*', 'two *b*'])
      made.push(
        await coordinator.post('/api/v1/updates', {
          title: unique('Old '),
          body,
          community: group.slug,
          language: 'en',
        }),
      );
    const [old, changed] = made.map((r) => Number(r.body.id));
    // One row made by an older renderer (with HTML that renderer let through), one whose source changed in SQL.
    await app.db
      .updateTable('updates')
      .set({ body_html: '<p onclick="x()">one</p>', html_version: RENDERER_VERSION - 1 })
      .where('id', '=', old!)
      .execute();
    await sql`update updates set body = 'three *c*' where id = ${changed}`.execute(app.db);
    const stale = await app.db
      .selectFrom('updates')
      .select(['id', 'body_html', 'html_version'])
      .where('id', 'in', [old!, changed!])
      .orderBy('id')
      .execute();
    expect(stale[1]).toMatchObject({ body_html: null, html_version: null });
    const waiting = (await markdownBacklog(app.db)).tables.updates ?? 0;
    expect(waiting).toBeGreaterThanOrEqual(2);

    // Until the job reaches them, readers render them.
    const list = await new TestClient(app).get(`/api/v1/updates?community=${group.slug}`);
    expect(list.body.items.map((i: { bodyHtml: string }) => i.bodyHtml).sort()).toEqual([
      '<p>one <em>a</em></p>\n',
      '<p>three <em>c</em></p>\n',
    ]);

    await enqueue(app.db, { kind: RERENDER_JOB, key: unique('rerender-') });
    expect(await runDueJobs(app, { kinds: [RERENDER_JOB] })).toBeGreaterThanOrEqual(1);
    expect((await markdownBacklog(app.db)).tables.updates ?? 0).toBe(0);
    const rows = await app.db
      .selectFrom('updates')
      .select(['body_html', 'body_lead', 'html_version'])
      .where('id', 'in', [old!, changed!])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { body_html: '<p>one <em>a</em></p>\n', body_lead: 'one a', html_version: RENDERER_VERSION },
      { body_html: '<p>three <em>c</em></p>\n', body_lead: 'three c', html_version: RENDERER_VERSION },
    ]);
    const before = renderCounter.renders;
    await new TestClient(app).get(`/api/v1/updates?community=${group.slug}`);
    expect(renderCounter.renders).toBe(before);
  });

  // PGlite is one connection, so only a PostgreSQL server can show two processes sharing the work.
  it.runIf(testDbKind() === 'postgres')(
    'is re-rendered once per row when two instances run the job at once',
    async () => {
      const first = await testApp();
      const { app: second, close: closeSecond } = await secondInstance();
      try {
        const group = await makeCommunity(first);
        const author = await signedUp(first);
        // Written as before stored HTML existed: no HTML, no version.
        await sql`insert into updates (community_id, author_id, title, body, language)
        select ${group.id}, ${author.userId}, 'Old ' || n, 'old *' || n || '*', 'en'
        from generate_series(1, 450) n`.execute(first.db);
        const backlog = await markdownBacklog(first.db);
        expect(backlog.tables.updates).toBeGreaterThanOrEqual(450);
        // At most one render per Markdown field of each waiting row (empty optional fields render nothing).
        const mostRenders = MARKDOWN_TABLES.reduce((n, t) => n + (backlog.tables[t.table] ?? 0) * t.fields.length, 0);
        await enqueue(first.db, { kind: RERENDER_JOB, key: unique('rerender-a-') });
        await enqueue(first.db, { kind: RERENDER_JOB, key: unique('rerender-b-') });
        const before = renderCounter.renders;
        const [a, b] = await Promise.all([
          runDueJobs(first, { kinds: [RERENDER_JOB] }),
          runDueJobs(second, { kinds: [RERENDER_JOB] }),
        ]);
        expect(a + b).toBeGreaterThanOrEqual(2);
        expect((await markdownBacklog(first.db)).total).toBe(0);
        // Every waiting row rendered once, none twice (each Markdown field of a row is one render).
        const rendered = renderCounter.renders - before;
        expect(rendered).toBeGreaterThanOrEqual(450);
        expect(rendered).toBeLessThanOrEqual(mostRenders);
        const row = await first.db
          .selectFrom('updates')
          .select(['body_html', 'body_lead', 'html_version'])
          .where('community_id', '=', group.id)
          .where('title', '=', 'Old 7')
          .executeTakeFirstOrThrow();
        expect(row).toEqual({
          body_html: '<p>old <em>7</em></p>\n',
          body_lead: 'old 7',
          html_version: RENDERER_VERSION,
        });
      } finally {
        await closeSecond();
      }
    },
  );
});

describe('stored excerpts', () => {
  it('cut from the stored lead are the excerpts cut from the whole source', () => {
    const source = `# A title\n\n${'Some **words** and a [link](https://example.org), '.repeat(40)}\n\n- one\n- two`;
    const lead = leadOf(source);
    expect(lead.length).toBeLessThan(source.length);
    for (const max of [60, 80, 140, 200, 240, 280, 400])
      expect(storedExcerpt(source, lead, RENDERER_VERSION, max)).toBe(markdownExcerpt(source, max));
    expect(storedExcerpt('*short*', leadOf('*short*'), RENDERER_VERSION)).toBe('short');
  });
});
