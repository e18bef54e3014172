import { describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { addMember, makeCommunity } from './testing';

/** Parses the feed strictly (malformed XML throws) into elements. */
function parse(text: string): Element {
  const doc = xml2js(text, { compact: false }) as Element;
  return doc.elements!.find((e) => e.name === 'feed')!;
}
const children = (e: Element | undefined, name: string) => (e?.elements ?? []).filter((c) => c.name === name);
const child = (e: Element | undefined, name: string) => children(e, name)[0];
const text = (e: Element | undefined) => (e?.elements ?? []).map((c) => c.text ?? c.cdata ?? '').join('');

describe('the Atom feed', () => {
  it('is valid Atom with each update: title, link, sanitized content, author and time', async () => {
    const app = await testApp();
    const group = await makeCommunity(app);
    const author = await signedUp(app, unique('Ana & Co '));
    const displayName = 'Ana "<b>" & Co';
    await app.db.updateTable('users').set({ display_name: displayName }).where('id', '=', author.userId).execute();
    await addMember(app, group.id, author.userId, 'coordinator');
    const title = `Tom & Jerry <script>alert(1)</script> ]]> ${unique()}`;
    const created = await author.post('/api/v1/updates', {
      title,
      body: 'Read [this](https://example.org/a?b=1&c=2) and [that](javascript:alert(1)).\n\n<iframe src="https://evil.example"></iframe>',
      community: group.slug,
      language: 'en',
    });
    expect(created.status).toBe(201);

    const res = await new TestClient(app).get(`/updates/feed.atom?community=${group.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parse(res.text);
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(text(child(feed, 'title'))).toBe('Community Updates – Leadership Development Network');
    const entries = children(feed, 'entry');
    expect(entries).toHaveLength(1);
    const entry = entries[0];
    const base = app.deps.config.baseUrl;
    // The title is HTML in the feed: the text people typed comes back once the reader decodes it.
    expect(child(entry, 'title')?.attributes?.type).toBe('html');
    expect(text(child(entry, 'title'))).toBe(title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(child(entry, 'link')?.attributes?.href).toBe(`${base}/updates/${created.body.id}`);
    expect(text(child(entry, 'id'))).toBe(`${base}/updates/${created.body.id}`);
    expect(text(child(entry, 'updated'))).toBe(created.body.updatedAt);
    expect(text(child(entry, 'published'))).toBe(created.body.publishedAt);
    const content = text(child(entry, 'content'));
    expect(child(entry, 'content')?.attributes?.type).toBe('html');
    expect(content).toBe(created.body.bodyHtml);
    expect(content).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">this</a>');
    expect(content).not.toMatch(/href="javascript|<iframe/i);
    const who = child(entry, 'author');
    expect(text(child(who, 'name'))).toBe(displayName);
    expect(text(child(who, 'uri'))).toBe(`${base}/people/${encodeURIComponent(author.username.replace(/ /g, '_'))}`);
  });

  it('keeps the filters in its links and refuses a bad language', async () => {
    const app = await testApp();
    const anon = new TestClient(app);
    const res = await anon.get('/updates/feed.atom?community=some-group&language=es');
    const feed = parse(res.text);
    const self = children(feed, 'link').find((l) => l.attributes?.rel === 'self');
    expect(self?.attributes?.href).toBe(
      `${app.deps.config.baseUrl}/updates/feed.atom?community=some-group&language=es`,
    );
    expect(children(feed, 'entry')).toHaveLength(0);
    expect((await anon.get('/updates/feed.atom?language=Spanish')).status).toBe(400);
  });

  it('lists at most 50 entries, newest first', async () => {
    const app = await testApp();
    const res = await new TestClient(app).get('/updates/feed.atom');
    const entries = children(parse(res.text), 'entry');
    expect(entries.length).toBeLessThanOrEqual(50);
    const times = entries.map((e) => text(child(e, 'published')));
    expect([...times].sort().reverse()).toEqual(times);
  });
});
