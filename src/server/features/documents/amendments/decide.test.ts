import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AmendmentDetail } from '../../../../contracts/amendments';
import type { AdaptationDetail } from '../../../../contracts/adaptations';
import { systemCtx } from '../../../http/ctx';
import { testApp } from '../../../testing/harness';
import { signedUp } from '../../../testing/client';
import { applySourceEdits } from '../source/apply';
import { admin, auditActions, editSource, group, newDocument, notificationKinds, proposeOn } from './testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

const unitText = async (documentId: number, unitId: number) =>
  (
    await app.db
      .selectFrom('document_units')
      .select(['text', 'position'])
      .where('document_id', '=', documentId)
      .where('unit_id', '=', unitId)
      .executeTakeFirstOrThrow()
  ).text;
const revisionOf = async (documentId: number) =>
  (await app.db.selectFrom('documents').select('revision').where('id', '=', documentId).executeTakeFirstOrThrow())
    .revision;

describe('accepting an amendment of a document', () => {
  it('is for admins only, and writes a revision crediting its author', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const boss = await admin(app);
    const g = await group(app);
    const a = await proposeOn(
      author,
      { type: 'document', id: doc.id },
      [2, 3],
      'Leaders listen.\n\nThey share.\n\nThey ask.',
    );
    for (const c of [author, g.coordinator])
      expect((await c.post(`/api/v1/amendments/${a.id}/accept`, {})).status).toBe(403);
    expect((await boss.get<AmendmentDetail>(`/api/v1/amendments/${a.id}`)).body.can).toMatchObject({
      accept: true,
      reject: true,
      withdraw: false,
    });
    const res = await boss.post<AmendmentDetail>(`/api/v1/amendments/${a.id}/accept`, {});
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'accepted',
      decidedBy: { username: boss.username },
      acceptedRevision: 2,
      stale: false,
    });
    expect([await unitText(doc.id, 2), await unitText(doc.id, 3)]).toEqual(['Leaders listen.', 'They share.']);
    const order = await app.db
      .selectFrom('document_revisions')
      .select(['unit_order', 'credited_to', 'amendment_id', 'created_by'])
      .where('document_id', '=', doc.id)
      .where('revision', '=', 2)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ credited_to: author.userId, amendment_id: Number(a.id), created_by: boss.userId });
    expect(order.unit_order).toEqual([0, 1, 2, 3, 6, 4, 5]);
    expect(await notificationKinds(app, author.userId)).toContain('amendment_decided');
    expect(await auditActions(app, 'amendment', a.id)).toEqual([
      'amendment.propose',
      'permission.refused',
      'permission.refused',
      'amendment.accept',
    ]);
    expect((await boss.post(`/api/v1/amendments/${a.id}/accept`, {})).status).toBe(409);
    expect((await boss.post(`/api/v1/amendments/${a.id}/reject`, { reason: 'x' })).status).toBe(409);
  });

  it('is a 409 with the current text once a unit changed since, until merged text is sent', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const boss = await admin(app);
    const a = await proposeOn(author, { type: 'document', id: doc.id }, [2], 'Leaders listen, always.');
    await editSource(app, doc.id, [{ op: 'change', unitId: 2, text: 'Leaders listen first and last.' }]);
    const view = (await author.get<AmendmentDetail>(`/api/v1/amendments/${a.id}`)).body;
    expect(view).toMatchObject({ stale: true, units: [{ id: '2', proposedAt: 1, current: 2 }] });
    const refused = await boss.post(`/api/v1/amendments/${a.id}/accept`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.current).toMatchObject({ text: 'Leaders listen first and last.', revision: 2 });
    expect(await revisionOf(doc.id)).toBe(2);
    expect((await boss.post(`/api/v1/amendments/${a.id}/accept`, { text: '' })).status).toBe(400);
    const merged = await boss.post(`/api/v1/amendments/${a.id}/accept`, { text: 'Leaders listen, first and last.' });
    expect(merged.status, merged.text).toBe(200);
    expect(await unitText(doc.id, 2)).toBe('Leaders listen, first and last.');
  });

  it('during a concurrent edit of its unit from the same base: one wins, the other meets a 409', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const boss = await admin(app);
    const a = await proposeOn(author, { type: 'document', id: doc.id }, [2], 'Leaders listen, always.');
    const edit = app.db.transaction().execute((trx) =>
      applySourceEdits(
        systemCtx(app.deps, app.db),
        trx,
        doc.id,
        [{ op: 'change', unitId: 2, text: 'An admin’s words.' }],
        {
          summary: 'Edit',
          baseRevision: 1,
        },
      ),
    );
    const [accepted, edited] = await Promise.allSettled([boss.post(`/api/v1/amendments/${a.id}/accept`, {}), edit]);
    const acceptOk = accepted.status === 'fulfilled' && accepted.value.status === 200;
    const editOk = edited.status === 'fulfilled';
    expect([acceptOk, editOk].filter(Boolean)).toHaveLength(1);
    if (acceptOk) expect((edited as PromiseRejectedResult).reason.status).toBe(409);
    else expect(accepted.status === 'fulfilled' && accepted.value.status).toBe(409);
    expect(await revisionOf(doc.id)).toBe(2);
    expect(await unitText(doc.id, 2)).toBe(acceptOk ? 'Leaders listen, always.' : 'An admin’s words.');
  });
});

describe('rejecting, withdrawing and adopting', () => {
  it('rejects with a reason (admins), then a group’s coordinators adopt it into their adaptation, linked', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const boss = await admin(app);
    const g = await group(app);
    const ad = (
      await g.coordinator.post(`/api/v1/documents/${doc.slug}/adaptations`, {
        community: g.slug,
        language: 'en',
        from: 'source',
      })
    ).body as AdaptationDetail;
    const a = await proposeOn(author, { type: 'document', id: doc.id }, [5], 'Meet every week.');
    expect((await g.coordinator.post(`/api/v1/amendments/${a.id}/adopt`, { adaptation: ad.id })).status).toBe(409);
    expect((await g.coordinator.post(`/api/v1/amendments/${a.id}/reject`, { reason: 'No.' })).status).toBe(403);
    const noReason = await boss.post(`/api/v1/amendments/${a.id}/reject`, {});
    expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'reason']);
    const rejected = await boss.post<AmendmentDetail>(`/api/v1/amendments/${a.id}/reject`, {
      reason: 'Monthly suits most groups.',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Monthly suits most groups.' });
    expect(await notificationKinds(app, author.userId)).toContain('amendment_decided');
    expect((await g.coordinator.get<AmendmentDetail>(`/api/v1/amendments/${a.id}`)).body.can.adoptInto).toEqual([
      { id: ad.id, title: 'The Definition', language: 'en' },
    ]);
    expect((await g.member.post(`/api/v1/amendments/${a.id}/adopt`, { adaptation: ad.id })).status).toBe(403);
    expect(
      (await g.coordinator.post(`/api/v1/amendments/${a.id}/adopt`, { adaptation: 999999 })).body.errors[0].field,
    ).toBe('adaptation');
    const adopted = await g.coordinator.post<AmendmentDetail>(`/api/v1/amendments/${a.id}/adopt`, {
      adaptation: ad.id,
    });
    expect(adopted.status, adopted.text).toBe(200);
    expect(adopted.body).toMatchObject({
      status: 'rejected',
      adoptions: [{ adaptationId: ad.id, community: { slug: g.slug }, by: { username: g.coordinator.username } }],
      can: { adoptInto: [] },
    });
    const view = (await g.member.get<AdaptationDetail>(`/api/v1/adaptations/${ad.id}`)).body;
    expect(view.units.find((u) => u.id === '5')).toMatchObject({ text: 'Meet every week.', state: 'changed' });
    expect((await g.coordinator.post(`/api/v1/amendments/${a.id}/adopt`, { adaptation: ad.id })).status).toBe(409);
    expect(await unitText(doc.id, 5)).toBe('Meet monthly.');
  });

  it('lets only its author withdraw it', async () => {
    const doc = await newDocument(app);
    const author = await signedUp(app);
    const other = await signedUp(app);
    const boss = await admin(app);
    const a = await proposeOn(author, { type: 'document', id: doc.id }, [2], 'Leaders listen.');
    expect((await other.post(`/api/v1/amendments/${a.id}/withdraw`)).status).toBe(403);
    expect((await boss.post(`/api/v1/amendments/${a.id}/withdraw`)).status).toBe(403);
    const res = await author.post<AmendmentDetail>(`/api/v1/amendments/${a.id}/withdraw`);
    expect(res.body).toMatchObject({ status: 'withdrawn', can: { withdraw: false, position: false } });
    expect((await author.post(`/api/v1/amendments/${a.id}/withdraw`)).status).toBe(409);
    expect((await other.put(`/api/v1/amendments/${a.id}/position`, { position: 'support' })).status).toBe(409);
  });
});

describe('amendments of an adaptation', () => {
  it('are decided by the group’s coordinators, not admins, and accepting writes the adaptation’s units', async () => {
    const doc = await newDocument(app);
    const g = await group(app);
    const boss = await admin(app);
    const author = await signedUp(app);
    const ad = (
      await g.coordinator.post(`/api/v1/documents/${doc.slug}/adaptations`, {
        community: g.slug,
        language: 'en',
        from: 'source',
      })
    ).body as AdaptationDetail;
    const a = await proposeOn(author, { type: 'adaptation', id: ad.id }, [5], 'Meet every week.\n\nBring a friend.');
    for (const c of [boss, g.member]) expect((await c.post(`/api/v1/amendments/${a.id}/accept`, {})).status).toBe(403);
    const stale = await g.coordinator.put(`/api/v1/adaptations/${ad.id}/units/5`, {
      text: 'Meet monthly, online.',
      baseRevision: 1,
    });
    expect(stale.status).toBe(200);
    expect((await g.coordinator.post(`/api/v1/amendments/${a.id}/accept`, {})).status).toBe(409);
    const res = await g.coordinator.post<AmendmentDetail>(`/api/v1/amendments/${a.id}/accept`, {
      text: 'Meet every week, online.\n\nBring a friend.',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted', acceptedRevision: 2 });
    const view = (await g.coordinator.get<AdaptationDetail>(`/api/v1/adaptations/${ad.id}`)).body;
    expect(view.units.slice(-2).map((u) => [u.id, u.text, u.state])).toEqual([
      ['5', 'Meet every week, online.', 'changed'],
      ['1000000', 'Bring a friend.', 'added'],
    ]);
    expect(await revisionOf(doc.id)).toBe(1);
  });
});
