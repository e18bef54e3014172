// Following one language of a document: the reader's answer carries the language's subject id (created on a
// signed-in reader's first read of a language nobody translated yet); a follower of Arabic hears when a source
// change outdates Arabic units.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../../testing/harness';
import { TestClient, signedUp } from '../../../testing/client';
import { anAdmin, testDocument, type Person } from '../testing';

let app: FastifyInstance;
let admin: Person;
let translator: Person;
let reader: Person;
const anon = () => new TestClient(app);

beforeAll(async () => {
  app = await testApp();
  admin = await anAdmin(app);
  translator = await signedUp(app);
  reader = await signedUp(app);
});

const languageRows = (slug: string) =>
  app.db
    .selectFrom('document_languages as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .select(['l.id', 'l.language'])
    .where('d.slug', '=', slug)
    .orderBy('l.language')
    .execute();

describe('following a language of a document', () => {
  it('a reader follows Arabic and hears when a source change outdates Arabic units', async () => {
    const slug = await testDocument(app, admin);
    const saved = await translator.put(`/api/v1/documents/${slug}/units/2/translations/ar`, {
      text: 'القادة ينمون بالفعل.',
      baseRevision: 0,
    });
    expect(saved.status, saved.text).toBe(200);
    const [ar] = await languageRows(slug);
    const before = await reader.get(`/api/v1/documents/${slug}?lang=ar`);
    expect(before.body.languageSubjectId).toBe(String(ar!.id));
    expect(before.body.following).toEqual({ document: false, language: false });
    const followed = await reader.post('/api/v1/follows', {
      subject: { type: 'document_language', id: before.body.languageSubjectId },
    });
    expect(followed.status, followed.text).toBeLessThan(300);
    expect((await reader.get(`/api/v1/documents/${slug}?lang=ar`)).body.following).toEqual({
      document: false,
      language: true,
    });

    const edited = await admin.put(`/api/v1/documents/${slug}/units/2`, { text: 'Leaders grow.', baseRevision: 1 });
    expect(edited.status, edited.text).toBe(200);
    const told = await app.db
      .selectFrom('notifications as n')
      .innerJoin('notification_events as e', 'e.id', 'n.event_id')
      .select(['n.kind', 'e.link'])
      .where('n.user_id', '=', reader.userId)
      .execute();
    expect(told).toEqual([{ kind: 'translation_outdated', link: `/documents/${slug}/translate/ar` }]);
  });

  it("a signed-in reader's first read of an untranslated language creates it to follow; anonymous reads write nothing", async () => {
    const slug = await testDocument(app, admin);
    const anonymous = await anon().get(`/api/v1/documents/${slug}?lang=sw`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.languageSubjectId).toBeNull();
    expect(await languageRows(slug)).toEqual([]);

    const first = await reader.get(`/api/v1/documents/${slug}?lang=sw`);
    const rows = await languageRows(slug);
    expect(rows.map((r) => r.language)).toEqual(['sw']);
    expect(first.body.languageSubjectId).toBe(String(rows[0]!.id));
    // Read again: the same row, no other.
    expect((await reader.get(`/api/v1/documents/${slug}?lang=sw`)).body.languageSubjectId).toBe(String(rows[0]!.id));
    expect(await languageRows(slug)).toHaveLength(1);
    const followed = await reader.post('/api/v1/follows', {
      subject: { type: 'document_language', id: first.body.languageSubjectId },
    });
    expect(followed.status, followed.text).toBeLessThan(300);

    // English is the source: its readers follow the document.
    expect((await reader.get(`/api/v1/documents/${slug}?lang=en`)).body.languageSubjectId).toBeNull();
    expect(await languageRows(slug)).toHaveLength(1);
  });
});
