// Shared steps of the adaptations' and amendments' tests: a document made through the documents core, its
// translations written directly, a group with a coordinator, and edits of the source.
import type { FastifyInstance } from 'fastify';
import { systemCtx } from '../../../http/ctx';
import { unique } from '../../../testing/harness';
import { grantRole, signedUp, type TestClient } from '../../../testing/client';
import { splitBlocks } from '../../../text/units';
import { applySourceEdits, createDocument, type SourceEdit } from '../source/apply';

export type Person = TestClient & { username: string; userId: number };

export const MARKDOWN =
  '## Purpose\n\nLeaders listen first.\n\nThey share what they learn.\n\n## Practice\n\nMeet monthly.';

export async function newDocument(app: FastifyInstance, markdown = MARKDOWN) {
  const slug = unique('doc');
  const { id } = await app.db.transaction().execute((trx) =>
    createDocument(systemCtx(app.deps, app.db), trx, {
      slug,
      title: 'The Definition',
      blocks: splitBlocks(markdown),
      summary: 'First',
    }),
  );
  const units = await app.db
    .selectFrom('document_units')
    .select(['unit_id', 'text'])
    .where('document_id', '=', id)
    .orderBy('position')
    .execute();
  return { id, slug, units: units.map((u) => ({ id: u.unit_id, text: u.text })) };
}

export const editSource = (app: FastifyInstance, documentId: number, edits: SourceEdit[]) =>
  app.db
    .transaction()
    .execute((trx) => applySourceEdits(systemCtx(app.deps, app.db), trx, documentId, edits, { summary: 'Edit' }));

export async function translate(
  app: FastifyInstance,
  documentId: number,
  language: string,
  texts: Record<number, string>,
) {
  for (const [unitId, text] of Object.entries(texts)) {
    await app.db
      .insertInto('unit_translations')
      .values({
        document_id: documentId,
        unit_id: Number(unitId),
        language,
        text,
        revision: 1,
        source_revision: 1,
        translated_by: null,
      })
      .execute();
  }
}

export async function admin(app: FastifyInstance): Promise<Person> {
  const a = await signedUp(app, unique('admin'));
  await grantRole(app, a.username, 'admin');
  return a;
}

/** A group (its creator is its coordinator) with a plain member. */
export async function group(app: FastifyInstance) {
  const coordinator = await signedUp(app, unique('coord'));
  const member = await signedUp(app, unique('member'));
  const res = await coordinator.post('/api/v1/communities', {
    name: unique('Group '),
    kind: 'user_group',
    region: 'NWE',
  });
  if (res.status !== 201) throw new Error(`group creation failed: ${res.status} ${res.text}`);
  const g = res.body as { slug: string; id: string };
  const joined = await member.post(`/api/v1/communities/${g.slug}/members`);
  if (joined.status !== 201) throw new Error(`joining failed: ${joined.status} ${joined.text}`);
  return { coordinator, member, slug: g.slug, id: g.id };
}

export async function auditActions(app: FastifyInstance, objectType: string, objectId: string | number) {
  const rows = await app.db
    .selectFrom('audit_log')
    .select('action')
    .where('object_type', '=', objectType)
    .where('object_id', '=', String(objectId))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

/** The kinds of notification a person has, oldest first. */
export async function notificationKinds(app: FastifyInstance, userId: number) {
  const rows = await app.db
    .selectFrom('notifications')
    .select('kind')
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.kind);
}

/** Proposes an amendment and answers it (201 expected). */
export async function proposeOn(
  c: TestClient,
  target: { type: string; id: string | number },
  unitIds: (string | number)[],
  text: string,
) {
  const res = await c.post('/api/v1/amendments', { target, unitIds, text, rationale: 'Clearer for new members.' });
  if (res.status !== 201) throw new Error(`proposal failed: ${res.status} ${res.text}`);
  return res.body as import('../../../../contracts/amendments').AmendmentDetail;
}
