import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AmendmentDetail, AmendmentList } from '../../../../contracts/amendments';
import { queryCounter, testApp } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { auditActions, group, newDocument, notificationKinds, proposeOn } from './testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

const amendmentCount = async () =>
  Number(
    (
      await app.db
        .selectFrom('amendments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('proposing amendments', () => {
  it('proposes new text for consecutive units of a section, listed by target and status', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const a = await proposeOn(author, { type: 'document', id: doc.id }, ['2', 3], 'Leaders listen.\n\nThey share.');
    expect(a).toMatchObject({
      target: {
        type: 'document',
        id: String(doc.id),
        title: 'The Definition',
        slug: doc.slug,
        language: 'en',
        community: null,
        link: `/documents/${doc.slug}`,
      },
      unitIds: ['2', '3'],
      text: 'Leaders listen.\n\nThey share.',
      rationale: 'Clearer for new members.',
      author: { username: author.username },
      status: 'open',
      positions: { support: 0, oppose: 0, neutral: 0 },
      stale: false,
      myPosition: null,
      subject: { type: 'amendment', id: a.id },
      can: { position: true, accept: false, reject: false, withdraw: true, adoptInto: [] },
      units: [
        { id: '2', text: 'Leaders listen first.', proposedAt: 1, current: 1, removed: false },
        { id: '3', text: 'They share what they learn.', proposedAt: 1, current: 1, removed: false },
      ],
    });
    expect(a.diff).toContainEqual({ op: 'removed', text: ' first' });
    expect(await auditActions(app, 'amendment', a.id)).toEqual(['amendment.propose']);
    const list = await new TestClient(app).get<AmendmentList>(
      `/api/v1/amendments?targetType=document&targetId=${doc.id}&status=open`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.id)).toEqual([a.id]);
    expect(
      (
        await new TestClient(app).get<AmendmentList>(
          `/api/v1/amendments?targetType=document&targetId=${doc.id}&status=accepted`,
        )
      ).body.items,
    ).toEqual([]);
    const blank = await new TestClient(app).get<AmendmentList>(`/api/v1/amendments?targetType=&targetId=&status=`);
    expect(blank.status, blank.text).toBe(200);
    expect((await new TestClient(app).get('/api/v1/amendments?status=pending')).body.errors[0].field).toBe('status');
    const paged = await new TestClient(app).get<AmendmentList>('/api/v1/amendments?limit=1');
    expect(paged.body.items).toHaveLength(1);
    expect((await new TestClient(app).get('/api/v1/amendments?targetId=1')).status).toBe(400);
    expect((await new TestClient(app).get('/api/v1/amendments/abc')).status).toBe(404);
    // The document's readers see the open amendments beside their units.
    const reader = await new TestClient(app).get(`/api/v1/documents/${doc.slug}`);
    expect(reader.status, reader.text).toBe(200);
    const counts = (reader.body.units as { id: string; openAmendments: number }[]).map(
      (u) => [u.id, u.openAmendments] as const,
    );
    expect(counts.filter(([, n]) => n > 0)).toEqual([
      ['2', 1],
      ['3', 1],
    ]);
  });

  it('tells the followers of an adaptation, and its author follows the amendment', async () => {
    const doc = await newDocument(app);
    const g = await group(app);
    const made = await g.coordinator.post(`/api/v1/documents/${doc.slug}/adaptations`, {
      community: g.slug,
      language: 'en',
      from: 'source',
    });
    const author = await signedUp(app);
    const a = await proposeOn(author, { type: 'adaptation', id: made.body.id }, [5], 'Meet every week.');
    expect(a.target).toMatchObject({
      type: 'adaptation',
      community: { slug: g.slug },
      link: `/adaptations/${made.body.id}`,
    });
    expect(await notificationKinds(app, g.coordinator.userId)).toContain('amendment');
    const follows = await app.db
      .selectFrom('follows')
      .select('subject_id')
      .where('user_id', '=', author.userId)
      .where('subject_type', '=', 'amendment')
      .execute();
    expect(follows.map((f) => String(f.subject_id))).toEqual([a.id]);
  });

  it('lists the start of each rationale as plain text, its Markdown read, for the cards', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const res = await author.post('/api/v1/amendments', {
      target: { type: 'document', id: doc.id },
      unitIds: [2],
      text: 'Leaders listen.',
      rationale: '## Why\n\n**Clearer** for [new members](https://example.org), *shorter*.',
    });
    expect(res.status, res.text).toBe(201);
    const list = await new TestClient(app).get<AmendmentList>(
      `/api/v1/amendments?targetType=document&targetId=${doc.id}`,
    );
    expect(list.body.items[0]).toMatchObject({
      rationale: '## Why\n\n**Clearer** for [new members](https://example.org), *shorter*.',
      rationaleText: 'Why Clearer for new members, shorter.',
    });
  });

  it('refuses anonymous people and bad input naming the field, writing nothing', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const before = await amendmentCount();
    const ok = { target: { type: 'document', id: doc.id }, unitIds: [2], text: 'New words.', rationale: 'Why.' };
    expect((await (await new TestClient(app).start()).post('/api/v1/amendments', ok)).status).toBe(401);
    for (const [body, field] of [
      [{ ...ok, unitIds: [99] }, 'unitIds'],
      [{ ...ok, unitIds: [2, 4] }, 'unitIds'],
      [{ ...ok, unitIds: [3, 4] }, 'unitIds'],
      [{ ...ok, unitIds: [0, 1] }, 'unitIds'],
      [{ ...ok, unitIds: [] }, 'unitIds'],
      [{ ...ok, text: '   ' }, 'text'],
      [{ ...ok, text: 'Leaders listen first.' }, 'text'],
      [{ ...ok, rationale: '' }, 'rationale'],
      [{ ...ok, target: { type: 'document', id: 999999 } }, 'target.id'],
      [{ ...ok, target: { type: 'guide', id: doc.id } }, 'target.type'],
      [{ ...ok, urgent: true }, 'urgent'],
    ] as const) {
      const res = await author.post('/api/v1/amendments', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await amendmentCount()).toBe(before);
  });
});

describe('positions', () => {
  it('takes one position per person, changeable, with a comment going to the amendment’s thread', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const reader = await signedUp(app);
    const a = await proposeOn(author, { type: 'document', id: doc.id }, [2], 'Leaders listen.');
    const url = `/api/v1/amendments/${a.id}/position`;
    const first = await reader.put(url, { position: 'support', comment: 'Yes, shorter is better.' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({
      amendmentId: a.id,
      positions: { support: 1, oppose: 0, neutral: 0 },
      myPosition: 'support',
    });
    expect(first.body.commentId).toMatch(/^\d+$/);
    const comments = await app.db
      .selectFrom('comments')
      .select(['body', 'author_id'])
      .where('subject_type', '=', 'amendment')
      .where('subject_id', '=', Number(a.id))
      .execute();
    expect(comments).toEqual([{ body: 'Yes, shorter is better.', author_id: reader.userId }]);
    await author.put(url, { position: 'neutral' });
    const changed = await reader.put(url, { position: 'oppose' });
    expect(changed.body).toMatchObject({
      positions: { support: 0, oppose: 1, neutral: 1 },
      myPosition: 'oppose',
      commentId: null,
    });
    expect((await reader.get<AmendmentDetail>(`/api/v1/amendments/${a.id}`)).body.myPosition).toBe('oppose');
    const removed = await reader.delete(url);
    expect(removed.body).toMatchObject({ positions: { support: 0, oppose: 0, neutral: 1 }, myPosition: null });
    expect((await reader.delete(url)).status).toBe(404);
    expect((await reader.put(url, { position: 'maybe' })).body.errors[0].field).toBe('position');
    expect((await reader.put(url, { position: 'support', comment: '' })).body.errors[0].field).toBe('comment');
    expect((await (await new TestClient(app).start()).put(url, { position: 'support' })).status).toBe(401);
    expect((await reader.put('/api/v1/amendments/999999/position', { position: 'support' })).status).toBe(404);
    expect((await auditActions(app, 'amendment', a.id)).filter((x) => x.startsWith('amendment.position'))).toEqual([
      'amendment.position',
      'amendment.position',
      'amendment.position',
      'amendment.position.withdraw',
    ]);
  });
});

describe('fixed cost', () => {
  const counted = async (url: string) => {
    const counter = queryCounter();
    const original = app.deps.db;
    const anon = new TestClient(app);
    counter.install(app);
    try {
      const res = await anon.get(url);
      expect(res.status, res.text).toBe(200);
      return counter.count;
    } finally {
      app.deps.db = original;
    }
  };

  it('a page of amendments and an adaptation: the same number of queries whatever their size', async () => {
    const g = await group(app);
    const author = await signedUp(app);
    const sizes: number[][] = [];
    for (const n of [1, 6]) {
      const doc = await newDocument(app, Array.from({ length: n * 3 }, (_, i) => `Paragraph ${i}.`).join('\n\n'));
      const made = await g.coordinator.post(`/api/v1/documents/${doc.slug}/adaptations`, {
        community: g.slug,
        language: 'en',
        from: 'source',
      });
      for (let i = 1; i <= n; i++) {
        await proposeOn(author, { type: 'document', id: doc.id }, [i], `Amended ${i}.`);
        await proposeOn(author, { type: 'adaptation', id: made.body.id }, [i], `Adapted ${i}.`);
      }
      sizes.push([
        await counted(`/api/v1/amendments?limit=${2 * n}`),
        await counted(`/api/v1/adaptations/${made.body.id}`),
      ]);
    }
    expect(sizes[1]).toEqual(sizes[0]);
  });
});
