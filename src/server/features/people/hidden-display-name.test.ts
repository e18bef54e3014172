// A display name its owner hides is shown nowhere: not beside their comments, arguments, debates, updates,
// initiatives (as lead or accepted member), guide revisions, moderation entries or notifications, nor in the
// Atom feed, the exports or the pages that show these. Wherever they are named, the username stands in.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildWebBundle, testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../testing/client';
import { englishText, testGuide } from '../guides/testing';

const NAME = `Zyxq ${unique('Hidden')}`;
let app: FastifyInstance;
let owner: Awaited<ReturnType<typeof signedUp>>;
let reader: Awaited<ReturnType<typeof signedUp>>;
let moderator: Awaited<ReturnType<typeof signedUp>>;
const urls: { url: string; as: 'anyone' | 'reader' | 'moderator' }[] = [];

function ok<T extends { status: number; text: string }>(res: T, status = 201): T {
  expect(res.status, res.text).toBe(status);
  return res;
}

beforeAll(async () => {
  buildWebBundle();
  app = await testApp({ pages: true });
  owner = await signedUp(app, unique('owner'));
  reader = await signedUp(app, unique('reader'));
  moderator = await signedUp(app, unique('mod'));
  await grantRole(app, owner.username, 'admin');
  await grantRole(app, moderator.username, 'moderator');
  ok(await owner.patch('/api/v1/me/profile', { displayName: NAME }), 200);

  // An update (Atom feed), followed by the reader, then commented on by the owner (a notification).
  const slug = unique('hidden-group').toLowerCase();
  await app.db
    .insertInto('communities')
    .values({ slug, name: slug, name_key: slug, kind: 'user_group', region: 'SA' })
    .execute();
  const update = ok(
    await owner.post('/api/v1/updates', { community: slug, title: unique('Update '), body: 'News.', language: 'en' }),
  ).body;
  ok(await reader.post('/api/v1/follows', { subject: { type: 'update', id: update.id } }));
  ok(await owner.post('/api/v1/comments', { subject: { type: 'update', id: update.id }, body: 'A comment.' }));
  // A debate with an argument.
  const debate = ok(
    await owner.post('/api/v1/debates', { title: unique('Debate '), framing: 'Framing.', language: 'en' }),
  ).body;
  ok(await owner.post(`/api/v1/debates/${debate.id}/arguments`, { stance: 'for', body: 'An argument.' }));
  // An initiative the owner leads, and one where the owner is an accepted member.
  const led = ok(await owner.post('/api/v1/initiatives', { title: unique('Led '), summary: 'Led by the owner.' })).body;
  const other = ok(
    await reader.post('/api/v1/initiatives', { title: unique('Joined '), summary: 'The owner joins.' }),
  ).body;
  const call = ok(
    await reader.put(`/api/v1/initiatives/${other.id}/call`, {
      goals: ['A goal'],
      jobs: [{ title: 'Mentor', description: 'Mentor someone.', places: 2 }],
      start: '2090-01-10',
      end: '2090-06-30',
      deadline: '2090-01-05',
      howToJoin: 'Sign up.',
    }),
    200,
  ).body;
  const signup = ok(await owner.post(`/api/v1/initiatives/${other.id}/jobs/${call.jobs[0].id}/signups`, {})).body;
  ok(await reader.post(`/api/v1/initiatives/${other.id}/signups/${signup.id}/accept`, {}), 200);
  // A guide revision by the owner.
  const guide = await testGuide(app);
  ok(
    await owner.put(`/api/v1/guides/${guide}/versions/en`, { ...englishText(guide), note: 'Edited', baseRevision: 1 }),
    200,
  );
  // A moderation entry by the owner (an admin moderates too), about the reader's comment.
  const readers = ok(
    await reader.post('/api/v1/comments', { subject: { type: 'update', id: update.id }, body: 'Hide me.' }),
  ).body;
  ok(await owner.post('/api/v1/moderation/hide', { subject: { type: 'comment', id: readers.id }, reason: 'Test' }));

  urls.push(
    { url: `/api/v1/updates/${update.id}`, as: 'anyone' },
    { url: '/api/v1/updates', as: 'anyone' },
    { url: `/api/v1/comments?subjectType=update&subjectId=${update.id}`, as: 'anyone' },
    { url: `/api/v1/debates/${debate.id}`, as: 'anyone' },
    { url: '/api/v1/debates', as: 'anyone' },
    { url: `/api/v1/initiatives/${led.id}`, as: 'anyone' },
    { url: `/api/v1/initiatives/${other.id}`, as: 'anyone' },
    { url: `/api/v1/initiatives/${other.id}/signups`, as: 'reader' },
    { url: `/api/v1/guides/${guide}/versions/en/revisions`, as: 'anyone' },
    { url: '/api/v1/moderation/log?limit=100', as: 'moderator' },
    { url: '/api/v1/notifications', as: 'reader' },
    { url: '/updates/feed.atom', as: 'anyone' },
    { url: `/initiatives/${led.id}/export.wikitext`, as: 'anyone' },
    { url: `/initiatives/${other.id}/export.wikitext`, as: 'anyone' },
    { url: `/updates/${update.id}`, as: 'anyone' },
    { url: `/updates/${update.id}`, as: 'reader' },
    { url: `/debates/${debate.id}`, as: 'anyone' },
    { url: `/initiatives/${led.id}`, as: 'anyone' },
    { url: `/initiatives/${other.id}`, as: 'reader' },
    { url: '/notifications', as: 'reader' },
  );
});

async function shown(): Promise<string[]> {
  const anyone = new TestClient(app);
  const found: string[] = [];
  for (const { url, as } of urls) {
    const client = as === 'reader' ? reader : as === 'moderator' ? moderator : anyone;
    const res = await client.get(url);
    if (res.status >= 400) throw new Error(`${url}: ${res.status} ${res.text.slice(0, 200)}`);
    if (res.text.includes(NAME)) found.push(`${as} ${url}`);
  }
  return found;
}

describe('a hidden display name', () => {
  it('shows where its owner made it public', async () => {
    // The control: the name is there to be hidden (else the sweep below could not fail).
    const seen = await shown();
    for (const url of [
      '/api/v1/comments',
      '/api/v1/debates/',
      '/api/v1/initiatives/',
      '/revisions',
      '/moderation/log',
      '/notifications',
      'feed.atom',
      'export.wikitext',
    ]) {
      expect(
        seen.some((s) => s.includes(url)),
        url,
      ).toBe(true);
    }
  });

  it('shows nowhere once hidden, the username standing in', async () => {
    ok(await owner.patch('/api/v1/me/profile', { publicFields: ['region'] }), 200);
    expect(await shown()).toEqual([]);
    const comments = await new TestClient(app).get(urls[2]!.url);
    expect(comments.text).toContain(owner.username);
  });
});
