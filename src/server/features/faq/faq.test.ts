import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient, grantRole, signedUp } from '../../testing/client';

async function admin(app: FastifyInstance) {
  const a = await signedUp(app);
  await grantRole(app, a.username, 'admin');
  return a;
}

/** A language code no other test uses, so each test has its own FAQ list. */
const uniqueLanguage = () =>
  `qx-${unique('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;

async function entriesIn(app: FastifyInstance, language: string) {
  return (await new TestClient(app).get(`/api/v1/faq?language=${language}`)).body;
}

describe('the FAQ', () => {
  it('lets admins add questions, which read back in order with the answer rendered and sanitized', async () => {
    const app = await testApp();
    const a = await admin(app);
    const language = uniqueLanguage();
    const first = await a.post('/api/v1/faq', {
      language,
      question: 'What is LDN?',
      answer: 'A **network**. <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ language, question: 'What is LDN?', position: 1, demo: false });
    expect(first.body.answerHtml).toBe(
      '<p>A <strong>network</strong>. &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>\n',
    );
    const second = await a.post('/api/v1/faq', { language, question: 'How do I join?', answer: 'Sign up.' });
    expect(second.body.position).toBe(2);
    const list = await entriesIn(app, language);
    expect(list.language).toBe(language);
    expect(list.next).toBeNull();
    expect(list.items.map((e: { question: string }) => e.question)).toEqual(['What is LDN?', 'How do I join?']);
    expect(list.languages).toContain(language);
  });

  it('shows English when the language asked for has no entries, and the interface language by default', async () => {
    const app = await testApp();
    const a = await admin(app);
    const question = unique('English question ');
    await a.post('/api/v1/faq', { language: 'en', question, answer: 'Yes.' });
    const none = await entriesIn(app, uniqueLanguage());
    expect(none.language).toBe('en');
    expect(none.items.map((e: { question: string }) => e.question)).toContain(question);
    const byInterface = await new TestClient(app).get('/api/v1/faq?uselang=hi');
    expect(['hi', 'en']).toContain(byInterface.body.language);
    expect((await new TestClient(app).get('/api/v1/faq?language=Hindi')).status).toBe(400);
  });

  it('lets admins edit, move to another language and delete entries', async () => {
    const app = await testApp();
    const a = await admin(app);
    const [l1, l2] = [uniqueLanguage(), uniqueLanguage()];
    const e1 = (await a.post('/api/v1/faq', { language: l1, question: 'Q1', answer: 'A1' })).body;
    await a.post('/api/v1/faq', { language: l2, question: 'Q2', answer: 'A2' });
    const edited = await a.patch(`/api/v1/faq/${e1.id}`, { question: 'Q1 edited', answer: '*A1*' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ question: 'Q1 edited', answer: '*A1*', answerHtml: '<p><em>A1</em></p>\n' });
    const moved = await a.patch(`/api/v1/faq/${e1.id}`, { language: l2 });
    expect(moved.body).toMatchObject({ language: l2, position: 2 });
    expect((await entriesIn(app, l2)).items.map((e: { question: string }) => e.question)).toEqual(['Q2', 'Q1 edited']);
    expect((await a.delete(`/api/v1/faq/${e1.id}`)).status).toBe(204);
    expect((await entriesIn(app, l2)).items.map((e: { question: string }) => e.question)).toEqual(['Q2']);
    expect((await a.delete(`/api/v1/faq/${e1.id}`)).status).toBe(404);
    expect((await a.patch('/api/v1/faq/abc', { question: 'x' })).status).toBe(404);
  });

  it('reorders the entries of one language', async () => {
    const app = await testApp();
    const a = await admin(app);
    const language = uniqueLanguage();
    const ids: string[] = [];
    for (const q of ['A', 'B', 'C'])
      ids.push((await a.post('/api/v1/faq', { language, question: q, answer: q })).body.id);
    const res = await a.put('/api/v1/faq/order', { ids: [ids[2], ids[0], ids[1]] });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { question: string; position: number }) => [e.question, e.position])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
    expect((await entriesIn(app, language)).items.map((e: { question: string }) => e.question)).toEqual([
      'C',
      'A',
      'B',
    ]);
  });

  it('refuses an order that leaves out, repeats, mixes or invents entries', async () => {
    const app = await testApp();
    const a = await admin(app);
    const [l1, l2] = [uniqueLanguage(), uniqueLanguage()];
    const x = (await a.post('/api/v1/faq', { language: l1, question: 'X', answer: 'x' })).body.id;
    const y = (await a.post('/api/v1/faq', { language: l1, question: 'Y', answer: 'y' })).body.id;
    const z = (await a.post('/api/v1/faq', { language: l2, question: 'Z', answer: 'z' })).body.id;
    expect((await a.put('/api/v1/faq/order', { ids: [y] })).status).toBe(409);
    expect((await a.put('/api/v1/faq/order', { ids: [y, x, '999999999'] })).status).toBe(409);
    const dup = await a.put('/api/v1/faq/order', { ids: [y, y] });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0].field).toBe('ids');
    const mixed = await a.put('/api/v1/faq/order', { ids: [y, x, z] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors[0]).toEqual({ field: 'ids', message: 'Order the questions of one language at a time.' });
    for (const body of [{}, { ids: [] }, { ids: ['a'] }, { ids: [1] }, { ids: [x, y], extra: 1 }]) {
      expect((await a.put('/api/v1/faq/order', body)).status).toBe(400);
    }
    expect((await entriesIn(app, l1)).items.map((e: { question: string }) => e.question)).toEqual(['X', 'Y']);
  });

  it('names each bad field of an entry', async () => {
    const app = await testApp();
    const a = await admin(app);
    const res = await a.post('/api/v1/faq', { language: 'English', question: ' ', answer: '', position: 3 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'answer',
      'language',
      'position',
      'question',
    ]);
    expect(
      (await a.post('/api/v1/faq', { language: 'en', question: 'x'.repeat(301), answer: 'y' })).body.errors[0].field,
    ).toBe('question');
    const language = uniqueLanguage();
    const e = (await a.post('/api/v1/faq', { language, question: 'Q', answer: 'A' })).body;
    const bad = await a.patch(`/api/v1/faq/${e.id}`, { answer: '', position: 1 });
    expect(bad.body.errors.map((x: { field: string }) => x.field).sort()).toEqual(['answer', 'position']);
    expect((await entriesIn(app, language)).items[0].answer).toBe('A');
  });

  it('refuses every change by people who are not admins, writing nothing', async () => {
    const app = await testApp();
    const a = await admin(app);
    const language = uniqueLanguage();
    const e = (await a.post('/api/v1/faq', { language, question: 'Q', answer: 'A' })).body;
    const moderator = await signedUp(app);
    await grantRole(app, moderator.username, 'moderator');
    const member = await signedUp(app);
    const anon = await new TestClient(app).start();
    for (const [who, status] of [
      [member, 403],
      [moderator, 403],
      [anon, 401],
    ] as const) {
      expect((await who.post('/api/v1/faq', { language, question: 'Mine', answer: 'x' })).status).toBe(status);
      expect((await who.patch(`/api/v1/faq/${e.id}`, { question: 'Changed' })).status).toBe(status);
      expect((await who.put('/api/v1/faq/order', { ids: [e.id] })).status).toBe(status);
      expect((await who.delete(`/api/v1/faq/${e.id}`)).status).toBe(status);
    }
    const list = await entriesIn(app, language);
    expect(list.items.map((x: { question: string }) => x.question)).toEqual(['Q']);
    const refused = await app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'permission.refused')
      .where('actor_id', '=', member.userId)
      .execute();
    expect(refused.map((r) => (r.details as { attempted: string }).attempted).sort()).toEqual([
      'faq.create',
      'faq.delete',
      'faq.edit',
      'faq.order',
    ]);
  });
});
