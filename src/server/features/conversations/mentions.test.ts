// Mentions as people write them (DECISIONS 24): `@` and up to four words, the longest that is someone, space and
// underscore alike; the person is told, and the mention is a link to their page.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { findMentions } from './mentions';
import { makeUpdate } from './testing';

type Person = Awaited<ReturnType<typeof signedUp>>;

async function setting() {
  const app = await testApp();
  const author = await signedUp(app);
  const updateId = await makeUpdate(app, author.userId);
  return { app, author, subject: { type: 'update', id: updateId } };
}

/** Someone whose username has spaces: `${first} ${rest}`, unique to this test. */
const named = (app: FastifyInstance, ...words: string[]) => signedUp(app, words.join(' '));

async function post(author: TestClient, subject: { type: string; id: string }, body: string) {
  const res = await author.post('/api/v1/comments', { subject, body });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; bodyHtml: string };
}

async function mentionedIn(app: FastifyInstance, commentId: string): Promise<number[]> {
  const rows = await app.db
    .selectFrom('comment_mentions')
    .select('user_id')
    .where('comment_id', '=', Number(commentId))
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

const mentionsOf = async (p: Person) =>
  ((await p.get('/api/v1/notifications')).body.items as { kind: string; object: { id: string } | null }[])
    .filter((n) => n.kind === 'mention')
    .map((n) => n.object?.id);

const link = (username: string, written: string) =>
  `<a href="/people/${encodeURIComponent(username.replace(/ /g, '_'))}" class="ldn-mention"><bdi>${written}</bdi></a>`;

describe('mentions with spaces or underscores', () => {
  it('tells the same person of `@Name With Spaces` and `@Name_With_Spaces`, each a link to their page', async () => {
    const { app, author, subject } = await setting();
    const s = unique('t');
    const bilal = await named(app, 'Bilal', s);
    const spaced = await post(author, subject, `Thanks @Bilal ${s} for the list`);
    const underscored = await post(author, subject, `Thanks @Bilal_${s} for the list`);
    const lower = await post(author, subject, `and @bilal ${s.toUpperCase()}!`);
    for (const c of [spaced, underscored, lower]) expect(await mentionedIn(app, c.id)).toEqual([bilal.userId]);
    expect(spaced.bodyHtml).toContain(`Thanks ${link(bilal.username, `@Bilal ${s}`)} for the list`);
    expect(underscored.bodyHtml).toContain(`Thanks ${link(bilal.username, `@Bilal_${s}`)} for the list`);
    expect(lower.bodyHtml).toContain(link(bilal.username, `@bilal ${s.toUpperCase()}`));
    expect((await mentionsOf(bilal)).sort()).toEqual([spaced.id, underscored.id, lower.id].sort());
    // Anyone reading the thread sees the links.
    const thread = await new TestClient(app).get(`/api/v1/comments?subjectType=update&subjectId=${subject.id}`);
    expect(thread.body.items.map((c: { bodyHtml: string }) => c.bodyHtml.includes('class="ldn-mention"'))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('takes the longest name that is someone, of up to four words', async () => {
    const { app, author, subject } = await setting();
    const s = unique('w');
    const ana = await named(app, 'Ana', s);
    const anaMaria = await named(app, 'Ana', s, 'Maria');
    const four = await named(app, 'Uno', s, 'Tres', 'Cuatro');
    const five = await named(app, 'Eins', s, 'Drei', 'Vier', 'Fünf');
    const long = await post(author, subject, `Ask @Ana ${s} Maria about it`);
    expect(await mentionedIn(app, long.id)).toEqual([anaMaria.userId]);
    expect(long.bodyHtml).toContain(`Ask ${link(anaMaria.username, `@Ana ${s} Maria`)} about it`);
    const short = await post(author, subject, `Ask @Ana_${s} about Maria`);
    expect(await mentionedIn(app, short.id)).toEqual([ana.userId]);
    const many = await post(author, subject, `@Uno ${s} Tres Cuatro and @Eins ${s} Drei Vier Fünf`);
    expect(await mentionedIn(app, many.id)).toEqual([four.userId]);
    expect(many.bodyHtml).not.toContain('Eins</a>');
    expect(await mentionsOf(five)).toEqual([]);
  });

  it('ends a name at punctuation after it, and reads it inside emphasis', async () => {
    const { app, author, subject } = await setting();
    const s = unique('p');
    const bilal = await named(app, 'Bilal', s);
    for (const body of [
      `Thanks, @Bilal ${s}, for this.`,
      `Thanks (@Bilal_${s}).`,
      `Is it you, @Bilal ${s}?`,
      `**@Bilal ${s}**: look`,
      `@Bilal ${s}! Yes: @Bilal ${s}; then`,
    ]) {
      const c = await post(author, subject, body);
      expect(await mentionedIn(app, c.id), body).toEqual([bilal.userId]);
      expect(c.bodyHtml, body).toContain(link(bilal.username, `@Bilal${body.includes('_') ? '_' : ' '}${s}`));
    }
  });

  it('mentions nobody for names of no one, e-mail addresses, and code', async () => {
    const { app, author, subject } = await setting();
    const s = unique('n');
    const bilal = await named(app, 'Bilal', s);
    const c = await post(
      author,
      subject,
      `Hello @Nobody ${s}, write to bilal${s}@example.org, or run \`@Bilal ${s}\`\n\n    @Bilal_${s} in a code block`,
    );
    expect(await mentionedIn(app, c.id)).toEqual([]);
    expect(c.bodyHtml).not.toContain('ldn-mention');
    expect(await mentionsOf(bilal)).toEqual([]);
    // A mention in a link's text stays the link it is.
    const linked = await post(author, subject, `[@Bilal ${s}](https://example.org/)`);
    expect(linked.bodyHtml).not.toContain('ldn-mention');
  });

  it('escapes what it links: names with marks HTML treats specially stay text', async () => {
    const { app, author, subject } = await setting();
    const s = unique('e');
    const odd = await named(app, `O'Brien&Co`, s);
    const c = await post(author, subject, `Hi @O'Brien&Co ${s} <b>`);
    expect(await mentionedIn(app, c.id)).toEqual([odd.userId]);
    expect(c.bodyHtml).toContain(`${link(odd.username, `@O&#39;Brien&amp;Co ${s}`)} &lt;b&gt;`);
  });
});

describe('reading the candidates', () => {
  it('lists each `@`’s names longest first, each also without the marks that end it', () => {
    const [first, second] = findMentions('Hi @Ana Maria Lopez, and @Bo.');
    expect(first?.candidates.map((c) => c.key)).toEqual([
      'ana maria lopez, and',
      'ana maria lopez,',
      'ana maria lopez',
      'ana maria',
      'ana',
    ]);
    expect(second?.candidates.map((c) => c.key)).toEqual(['bo.', 'bo']);
    expect(findMentions('mail ana@example.org or @ alone')).toEqual([]);
  });
});
