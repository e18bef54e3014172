// The counts kept on sources by the database (migration 0021): a source's reviews by judgement and usefulness,
// its most common judgement (ties: mixed), reviews hidden by moderators left out.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Judgement } from '../../../contracts/sources';
import { signedUp } from '../../testing/client';
import { testApp, unique } from '../../testing/harness';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

async function source(): Promise<number> {
  const title = unique('Counted source ');
  const row = await app.db
    .insertInto('sources')
    .values({ kind: 'book', title, title_key: title.toLowerCase(), authors: '[]', access: 'open' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function review(sourceId: number, judgement: Judgement, usefulness: number): Promise<number> {
  const p = await signedUp(app, unique('cnt'));
  const row = await app.db
    .insertInto('source_reviews')
    .values({ source_id: sourceId, user_id: p.userId, judgement, usefulness })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const counts = (id: number) =>
  app.db
    .selectFrom('sources')
    .select(['review_count', 'judgement_counts', 'usefulness_counts', 'judgement'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('counts kept on a source', () => {
  it('counts judgements and usefulness, and names the most common judgement', async () => {
    const id = await source();
    expect(await counts(id)).toMatchObject({ review_count: 0, judgement: null });
    await review(id, 'reliable', 5);
    await review(id, 'reliable', 4);
    const doubt = await review(id, 'unreliable', 1);
    expect(await counts(id)).toEqual({
      review_count: 3,
      judgement_counts: { reliable: 2, unreliable: 1 },
      usefulness_counts: { '1': 1, '4': 1, '5': 1 },
      judgement: 'reliable',
    });
    await app.db.updateTable('source_reviews').set({ judgement: 'reliable' }).where('id', '=', doubt).execute();
    expect((await counts(id)).judgement_counts).toEqual({ reliable: 3 });
  });

  it('calls a tie mixed, and leaves hidden reviews out', async () => {
    const id = await source();
    await review(id, 'reliable', 3);
    const hidden = await review(id, 'unreliable', 2);
    expect((await counts(id)).judgement).toBe('mixed');
    const action = await app.db
      .insertInto('moderation_actions')
      .values({
        kind: 'hide',
        subject_type: 'source_review',
        subject_id: hidden,
        reason: 'spam',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await app.db
      .insertInto('moderation_hidden')
      .values({
        subject_type: 'source_review',
        subject_id: hidden,
        action_id: action.id,
        reason: 'spam',
        automatic: false,
        hidden_at: new Date(),
      })
      .execute();
    expect(await counts(id)).toMatchObject({ review_count: 1, judgement: 'reliable' });
    await app.db.deleteFrom('moderation_hidden').where('subject_id', '=', hidden).execute();
    expect(await counts(id)).toMatchObject({ review_count: 2, judgement: 'mixed' });
    await app.db.deleteFrom('source_reviews').where('source_id', '=', id).execute();
    expect(await counts(id)).toMatchObject({ review_count: 0, judgement: null, judgement_counts: {} });
  });
});
