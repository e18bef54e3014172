import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { systemCtx } from '../../../http/ctx';
import { HttpError } from '../../../http/errors';
import { testApp, unique } from '../../../testing/harness';
import { splitBlocks } from '../../../text/units';
import { applySourceEdits, createDocument, type SourceEdit, type SourceEditMeta } from './apply';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

const ctx = () => systemCtx(app.deps, app.db);

async function newDocument(markdown = '## One\n\nFirst paragraph.\n\n- a\n- b\n\nLast words.') {
  const slug = unique('doc');
  const { id } = await app.db
    .transaction()
    .execute((trx) =>
      createDocument(ctx(), trx, { slug, title: 'A title', blocks: splitBlocks(markdown), summary: 'First' }),
    );
  return id;
}

const apply = (id: number, edits: SourceEdit[], meta: Partial<SourceEditMeta> = {}) =>
  app.db.transaction().execute((trx) => applySourceEdits(ctx(), trx, id, edits, { summary: 'Edit', ...meta }));

const unitsOf = (id: number) =>
  app.db
    .selectFrom('document_units')
    .select(['unit_id', 'kind', 'text', 'position', 'text_revision', 'source_revision'])
    .where('document_id', '=', id)
    .orderBy('unit_id')
    .execute();
const orderOf = async (id: number) =>
  (await unitsOf(id))
    .filter((u) => u.position !== null)
    .sort((a, b) => a.position! - b.position!)
    .map((u) => u.unit_id);

async function failure(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('createDocument', () => {
  it('writes revision 1 with the title as unit 0 and each block as a unit', async () => {
    const id = await newDocument();
    const units = await unitsOf(id);
    expect(units.map((u) => [u.unit_id, u.kind, u.position, u.text_revision])).toEqual([
      [0, 'title', 0, 1],
      [1, 'heading', 1, 1],
      [2, 'paragraph', 2, 1],
      [3, 'list', 3, 1],
      [4, 'paragraph', 4, 1],
    ]);
    const doc = await app.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ revision: 1, next_unit_id: 5 });
    const rev = await app.db.selectFrom('document_revisions').selectAll().where('document_id', '=', id).execute();
    expect(rev).toHaveLength(1);
    expect(rev[0]).toMatchObject({ revision: 1, unit_order: [0, 1, 2, 3, 4], summary: 'First' });
  });

  it('keeps ids given by markers and gives new ones after the largest; a taken slug is a 409', async () => {
    const slug = unique('doc');
    const { id } = await app.db.transaction().execute((trx) =>
      createDocument(ctx(), trx, {
        slug,
        title: 'T',
        blocks: [
          { id: 7, kind: 'paragraph', text: 'Seven' },
          { id: null, kind: 'paragraph', text: 'New' },
        ],
        summary: '',
      }),
    );
    expect(await orderOf(id)).toEqual([0, 7, 8]);
    const err = await failure(
      app.db.transaction().execute((trx) => createDocument(ctx(), trx, { slug, title: 'T', blocks: [], summary: '' })),
    );
    expect(err.status).toBe(409);
  });
});

describe('applySourceEdits', () => {
  it('changes, adds, removes and moves units in one revision, with the history of each text', async () => {
    const id = await newDocument();
    const { revision } = await apply(id, [
      { op: 'change', unitId: 2, text: 'First paragraph, changed.' },
      { op: 'add', after: 2, text: 'Added.' },
      { op: 'remove', unitId: 3 },
      { op: 'move', unitId: 4, after: null },
    ]);
    expect(revision).toBe(2);
    expect(await orderOf(id)).toEqual([0, 4, 1, 2, 5]);
    const units = await unitsOf(id);
    expect(units.find((u) => u.unit_id === 2)).toMatchObject({ text_revision: 2, source_revision: 2 });
    expect(units.find((u) => u.unit_id === 5)).toMatchObject({ text: 'Added.', text_revision: 2, source_revision: 2 });
    expect(units.find((u) => u.unit_id === 3)).toMatchObject({ position: null, text_revision: 1 });
    const texts = await app.db
      .selectFrom('document_unit_texts')
      .select(['unit_id', 'revision', 'text'])
      .where('document_id', '=', id)
      .where('revision', '=', 2)
      .orderBy('unit_id')
      .execute();
    expect(texts).toEqual([
      { unit_id: 2, revision: 2, text: 'First paragraph, changed.' },
      { unit_id: 5, revision: 2, text: 'Added.' },
    ]);
    const rev = await app.db
      .selectFrom('document_revisions')
      .select(['unit_order', 'summary'])
      .where('document_id', '=', id)
      .where('revision', '=', 2)
      .executeTakeFirstOrThrow();
    expect(rev.unit_order).toEqual([0, 4, 1, 2, 5]);
    expect(
      (await app.db.selectFrom('documents').select('next_unit_id').where('id', '=', id).executeTakeFirstOrThrow())
        .next_unit_id,
    ).toBe(6);
    // A removed unit's id is never given again.
    await apply(id, [{ op: 'add', after: 5, text: 'Another.' }]);
    expect(await orderOf(id)).toEqual([0, 4, 1, 2, 5, 6]);
  });

  it('a minor change leaves the source revision translations compare with', async () => {
    const id = await newDocument();
    await apply(id, [{ op: 'change', unitId: 2, text: 'First paragraph.!' }], { minor: true });
    expect((await unitsOf(id)).find((u) => u.unit_id === 2)).toMatchObject({ text_revision: 2, source_revision: 1 });
    const rev = await app.db
      .selectFrom('document_revisions')
      .select('minor')
      .where('document_id', '=', id)
      .where('revision', '=', 2)
      .executeTakeFirstOrThrow();
    expect(rev.minor).toBe(true);
  });

  it('conflicts only when a unit being saved changed after the base revision, carrying its current text', async () => {
    const id = await newDocument();
    await apply(id, [{ op: 'change', unitId: 2, text: 'Changed by someone else.' }], { baseRevision: 1 });
    // Another unit from the same base: no conflict.
    expect((await apply(id, [{ op: 'change', unitId: 4, text: 'Other.' }], { baseRevision: 1 })).revision).toBe(3);
    const err = await failure(apply(id, [{ op: 'change', unitId: 2, text: 'Mine.' }], { baseRevision: 1 }));
    expect(err.status).toBe(409);
    expect(err.options.extensions?.current).toMatchObject({
      text: 'Changed by someone else.',
      revision: 2,
      editor: null,
    });
    // Nothing was written.
    expect(
      (await app.db.selectFrom('documents').select('revision').where('id', '=', id).executeTakeFirstOrThrow()).revision,
    ).toBe(3);
    // From the newer base it passes.
    expect((await apply(id, [{ op: 'change', unitId: 2, text: 'Mine.' }], { baseRevision: 2 })).revision).toBe(4);
  });

  it('refuses unknown units, empty texts and moving the title, writing nothing', async () => {
    const id = await newDocument();
    const cases: [SourceEdit, string][] = [
      [{ op: 'change', unitId: 99, text: 'x' }, 'unitId'],
      [{ op: 'change', unitId: 2, text: '  ' }, 'text'],
      [{ op: 'add', after: 42, text: 'x' }, 'after'],
      [{ op: 'remove', unitId: 0 }, 'unitId'],
      [{ op: 'move', unitId: 2, after: 2 }, 'after'],
    ];
    for (const [edit, field] of cases) {
      const err = await failure(apply(id, [edit]));
      expect(err.status, JSON.stringify(edit)).toBe(400);
      expect(err.options.errors?.[0]?.field).toBe(field);
    }
    expect(
      (await app.db.selectFrom('documents').select('revision').where('id', '=', id).executeTakeFirstOrThrow()).revision,
    ).toBe(1);
  });

  it('saves nothing when nothing changes', async () => {
    const id = await newDocument();
    expect((await apply(id, [{ op: 'change', unitId: 2, text: 'First paragraph.' }])).revision).toBe(1);
  });
});
