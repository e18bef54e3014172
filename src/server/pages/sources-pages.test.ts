// The sources' pages as the server renders them: the search reads without JavaScript, a refused search keeps
// its form and says why, and a merged source's old address renders the source it became.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp } from '../testing/harness';
import { TestClient } from '../testing/client';
import { addSource, moderator, someone } from '../features/sources/records/testing';

beforeAll(buildWebBundle, 120_000);

describe('sources pages', () => {
  it('find a source by its words without JavaScript, and say why a search is refused', async () => {
    const app = await testApp({ pages: true });
    const source = await addSource(await someone(app));
    const c = new TestClient(app);
    const found = await c.get(`/sources?q=${encodeURIComponent(source.title)}`);
    expect(found.status).toBe(200);
    expect(found.text).toContain(`href="/sources/${source.id}"`);
    expect(found.text).toContain('<form method="get" action="/sources"');
    const refused = await c.get('/sources?from=abc');
    expect(refused.status).toBe(200);
    expect(refused.text).toContain('Give a year as four digits');
    expect(refused.text).toContain('id="sources-from"');
  }, 90_000);

  it('render a merged source’s old address as the source it became', async () => {
    const app = await testApp({ pages: true });
    const author = await someone(app);
    const [from, into] = [await addSource(author), await addSource(author)];
    expect((await (await moderator(app)).post(`/api/v1/sources/${from.id}/merge`, { into: into.id })).status).toBe(200);
    const page = await new TestClient(app).get(`/sources/${from.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(into.title);
    expect(page.text).toContain(`Source ${from.id} was merged into this one`);
  }, 90_000);
});
