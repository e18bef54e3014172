// Pages kept for a signed-in person (pages/plugin.ts): rendered once while nothing they see changes, afresh
// after a change anyone sees or one only they see, and never served to anyone else.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, queryCounter, testApp } from '../testing/harness';
import { signedUp } from '../testing/client';

beforeAll(buildWebBundle, 120_000);

describe('pages kept for a signed-in person', () => {
  it('are rendered once, then afresh after their own follow and after someone’s support, and are theirs alone', async () => {
    const app = await testApp({ pages: true });
    const author = await signedUp(app);
    const reader = await signedUp(app);
    const other = await signedUp(app);
    const idea = await author.post('/api/v1/initiatives', {
      title: 'Kept pages circle',
      summary: 'Circles of new organizers.',
    });
    expect(idea.status, idea.text).toBe(201);
    const url = `/initiatives/${idea.body.id}`;
    const queries = queryCounter().install(app);
    const first = await reader.get(url);
    expect(first.status).toBe(200);
    expect(first.text).toMatch(/-->Follow<!--/);
    expect(first.text).toContain('0 supporters');
    // Kept: the second answer costs the session's lookup and the content version's read at most.
    queries.reset();
    const again = await reader.get(url);
    // The same but for the nonce, the forms' CSRF token and the forms' key, all fresh in every answer.
    const steady = (html: string) =>
      html
        .replace(/nonce="[^"]+"/g, '')
        .replaceAll(/"csrf":"([^"]+)"/.exec(html)?.[1] ?? '"csrf"', '')
        .replaceAll(/"formKey":"([^"]+)"/.exec(html)?.[1] ?? '"formKey"', '');
    expect(steady(again.text)).toBe(steady(first.text));
    expect(queries.count).toBeLessThanOrEqual(2);
    // Their own follow changes only what they see: their page is rendered afresh.
    expect((await reader.post('/api/v1/follows', { subject: { type: 'initiative', id: idea.body.id } })).status).toBe(
      201,
    );
    expect((await reader.get(url)).text).toMatch(/-->Unfollow<!--/);
    // Someone's support changes what everyone sees.
    expect((await other.post(`/api/v1/initiatives/${idea.body.id}/support`)).status).toBe(201);
    expect((await reader.get(url)).text).toContain('One supporter');
    // Another person asking for the same address gets their own page (supporting made them follow it).
    const theirs = await other.get(url);
    expect(theirs.text).toContain(other.username);
    expect(theirs.text).not.toContain(reader.username);
    expect(theirs.text).toMatch(/-->Withdraw support<!--/);
  });
});
