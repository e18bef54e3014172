// Pages rendered at the same time for different people share the process's renderer and its per-process parts
// (routes, messages, kept answers, the header's reads answered in-process): each page must still hold only its own
// person's name, token and data.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp } from '../testing/harness';
import { signedUp } from '../testing/client';
import { unmaskToken } from '../http/csrf';

beforeAll(buildWebBundle, 120_000);

interface ShownState {
  user: { username: string } | null;
  csrf: string;
}

const stateOf = (html: string): ShownState => {
  const json = /<script id="ldn-state"[^>]*>([^<]*)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error('the page has no state');
  return JSON.parse(json) as ShownState;
};

describe('two people’s pages rendered at once', () => {
  it('each hold their own person’s name, form token, unread count and follow, never the other’s', async () => {
    const app = await testApp({ pages: true });
    const author = await signedUp(app);
    const follower = await signedUp(app);
    const idea = await author.post('/api/v1/initiatives', {
      title: 'Concurrent pages circle',
      summary: 'Rendered side by side.',
    });
    expect(idea.status, idea.text).toBe(201);
    expect((await follower.post('/api/v1/follows', { subject: { type: 'initiative', id: idea.body.id } })).status).toBe(
      201,
    );
    const unfollowed = await signedUp(app);
    const people = [follower, unfollowed];
    // The follower is mentioned: their header counts one unread notification, the other's none.
    const mention = await author.post('/api/v1/comments', {
      subject: { type: 'initiative', id: idea.body.id },
      body: `Welcome, @${follower.username}`,
    });
    expect(mention.status, mention.text).toBe(201);

    // A different address each time: every page is rendered afresh, never taken from what was kept.
    const pages = ['/participants', `/initiatives/${idea.body.id}`];
    const renders = Array.from({ length: 6 }, (_, round) =>
      people.flatMap((person) =>
        pages.map(async (page) => ({ person, page, answer: await person.get(`${page}?round=${round}`) })),
      ),
    ).flat();
    const answers = await Promise.all(renders);

    for (const { person, page, answer } of answers) {
      expect(answer.status, page).toBe(200);
      const other = person === follower ? unfollowed : follower;
      const state = stateOf(answer.text);
      expect(state.user?.username).toBe(person.username);
      // The header names the person (the participants' list below names everyone).
      expect(/<bdi class="ldn-account__name"[^>]*>([^<]*)<\/bdi>/.exec(answer.text)?.[1]).toBe(person.username);
      // The page's forms carry this person's session token (masked afresh), which the other's session refuses.
      expect(unmaskToken(state.csrf)).toBe(person.csrf);
      expect(unmaskToken(state.csrf)).not.toBe(other.csrf);
      expect(answer.text.includes('1 unread'), page).toBe(person === follower);
      if (page.startsWith('/initiatives/'))
        expect(answer.text).toMatch(person === follower ? /-->Unfollow<!--/ : /-->Follow<!--/);
    }
  });
});
