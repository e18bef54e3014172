// A group's description is Markdown: its page shows it formatted (headings under the page's own, bold, italics,
// lists, links marked as the author's), through the one sanitizer, so no tag, script or unsafe link comes
// through; the description itself stays as written.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { createGroup } from './test-helpers';

beforeAll(buildWebBundle, 120_000);

const description = [
  '## Who we are',
  '',
  'We **write** about *birds* in [Lagos](https://example.org/lagos).',
  '',
  '- monthly editathons',
  '- a [bad link](javascript:alert(1))',
  '',
  '<script>alert(1)</script><img src="https://tracker.example/x.png">',
].join('\n');

describe('group descriptions', () => {
  it('come as sanitized HTML beside the Markdown, and show formatted on the group page', async () => {
    const app = await testApp({ pages: true });
    const coordinator = await signedUp(app);
    const g = await createGroup(coordinator, { description });
    const res = await new TestClient(app).get(`/api/v1/communities/${g.slug}`);
    expect(res.status).toBe(200);
    expect(res.body.description).toBe(description);
    const html = res.body.descriptionHtml as string;
    expect(html).toContain('<h4>Who we are</h4>');
    expect(html).toContain('<strong>write</strong>');
    expect(html).toContain('<em>birds</em>');
    expect(html).toContain('<a href="https://example.org/lagos" rel="nofollow ugc noopener">Lagos</a>');
    expect(html).toContain('<li>monthly editathons</li>');
    // Raw HTML shows as the text it is; a javascript: link is no link.
    expect(html).not.toMatch(/<script|<img|href="javascript:/);
    expect(html).toContain('&lt;script&gt;');

    const page = await new TestClient(app).get(`/communities/${g.slug}`);
    expect(page.status).toBe(200);
    const shown = page.text.split('<script id="ldn-state"')[0] ?? '';
    expect(shown).toContain('<strong>write</strong>');
    expect(shown).not.toContain('**write**');

    // No description: nothing to show.
    const empty = await createGroup(coordinator);
    expect((await new TestClient(app).get(`/api/v1/communities/${empty.slug}`)).body.descriptionHtml).toBe('');
  });

  it('refuse a description longer than the limit, naming the field', async () => {
    const app = await testApp();
    const coordinator = await signedUp(app);
    const g = await createGroup(coordinator);
    const res = await coordinator.patch(`/api/v1/communities/${g.slug}`, { description: 'x'.repeat(5001) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('description');
  });
});
