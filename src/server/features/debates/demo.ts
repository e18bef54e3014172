// A demo debate on one of the network's contentious questions, opened and argued by demo people (found by
// querying; without any, it does nothing). Debates have no demo flag of their own: they are demo content
// because their opener is a demo account.
import { markdownInsert } from '../../markdown/stored';
import type { Db } from '../../db/connection';
import { segment } from '../conversations';

const DEBATE = {
  title: 'Should local groups choose their coordinators by election or by consensus?',
  framing: `Some Wikimedia groups **elect** their coordinators for a fixed term; others let the people who do the work
agree informally, and change roles as needed. The *Leadership Definition* values shared leadership, but does not
say how a group should decide who leads.

Which way serves small and growing groups better?`,
};

const REPLY = 'A fixed term also helps new people step up, which is what leadership development is about.';

const ARGUMENTS: { stance: 'for' | 'against' | 'neutral'; body: string }[] = [
  {
    stance: 'for',
    body: 'Elections give coordinators a clear mandate, and a fixed term makes it easy to hand over without conflict.',
  },
  {
    stance: 'against',
    body: 'In a group of ten volunteers a vote feels like bureaucracy. Consensus keeps everyone involved and avoids winners and losers.',
  },
  {
    stance: 'neutral',
    body: 'It depends on size: small groups can agree informally, larger ones need a written process. Write down whichever you choose.',
  },
];

export async function loadDemoDebates(db: Db): Promise<void> {
  const people = await db.selectFrom('users').select('id').where('is_demo', '=', true).orderBy('id').limit(4).execute();
  const [opener, a, b, c] = people.map((p) => p.id);
  if (opener === undefined || a === undefined || b === undefined) return;
  const debate = await db
    .insertInto('debates')
    .values({
      opener_id: opener,
      title: DEBATE.title,
      framing: DEBATE.framing,
      ...markdownInsert({ framing: DEBATE.framing, conclusion: null }),
      language: 'en',
      conclusion: null,
      closed_by: null,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const authors = [a, b, c ?? opener];
  const args = await db
    .insertInto('debate_arguments')
    .values(
      ARGUMENTS.map((arg, i) => ({
        debate_id: debate.id,
        author_id: authors[i] ?? opener,
        stance: arg.stance,
        body: arg.body,
        ...markdownInsert({ body: arg.body }, ['body']),
      })),
    )
    .returning(['id', 'stance'])
    .execute();
  const forArg = args.find((x) => x.stance === 'for');
  if (!forArg) return;
  await db
    .insertInto('argument_supports')
    .values([opener, b].map((user_id) => ({ argument_id: forArg.id, user_id })))
    .execute();
  const reply = await db
    .insertInto('comments')
    .values({
      subject_type: 'argument',
      subject_id: forArg.id,
      author_id: b,
      depth: 0,
      body: REPLY,
      ...markdownInsert({ body: REPLY }, ['body']),
      edited_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('comments')
    .set({ path: segment(reply.id) })
    .where('id', '=', reply.id)
    .execute();
}
