// A long thread on a page: the first page in the HTML, and "show more" as a link a reader without JavaScript
// follows to the next page (?comments=<cursor>), with a way back to the first comments.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { makeUpdate, writeThread } from './testing';

beforeAll(buildWebBundle, 120_000);

const moreLink = (html: string) =>
  /<a[^>]*href="([^"]*comments=[^"]*)"[^>]*>Show more comments<\/a>/.exec(html)?.[1]?.replace(/&amp;/g, '&');
const comments = (html: string) => [...html.matchAll(/<p>(Top comment \d+|Reply \d+)<\/p>/g)].map((m) => m[1]);

describe('a long thread on its page', () => {
  it('pages with links that work without JavaScript, and refuses a forged cursor clearly', async () => {
    const app = await testApp({ pages: true });
    const author = await signedUp(app);
    const updateId = await makeUpdate(app, author.userId);
    await writeThread(app.db, { type: 'update', id: Number(updateId) }, author.userId, 12, 9);
    const reader = new TestClient(app);

    const first = await reader.get(`/updates/${updateId}`);
    expect(first.status).toBe(200);
    expect(comments(first.text).slice(0, 3)).toEqual(['Top comment 1', 'Reply 1', 'Reply 2']);
    expect(comments(first.text)).toHaveLength(50);
    expect(first.text).not.toContain('Back to the first comments');

    const second = await reader.get(moreLink(first.text)!);
    expect(second.status).toBe(200);
    const page2 = comments(second.text);
    expect(page2).toHaveLength(50);
    expect(page2.slice(0, 2)).toEqual(['Top comment 6', 'Reply 1']); // the 51st: five top comments and their replies came first
    expect(second.text).toContain('Back to the first comments');

    const third = await reader.get(moreLink(second.text)!);
    expect(comments(third.text)).toHaveLength(20);
    expect(moreLink(third.text)).toBeUndefined();

    const forged = await reader.get(`/updates/${updateId}?comments=forged`);
    expect(forged.status).toBe(200);
    expect(forged.text).toContain('Back to the first comments');
    expect(comments(forged.text)).toHaveLength(0);
    expect(forged.text).toContain('This page of comments does not exist.');
  });
});
