// Each unit of an adaptation names the language of its text (and its direction): the adaptation's for its own
// units, changed texts and units from a translation; English (the source) for a base unit with no translation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AdaptationDetail, SavedAdaptedUnit } from '../../../../contracts/adaptations';
import { testApp } from '../../../testing/harness';
import { group, newDocument, translate } from '../amendments/testing';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

const langOf = (a: AdaptationDetail, id: string) => {
  const u = a.units.find((x) => x.id === id)!;
  return [u.language, u.dir];
};

describe('the language of an adapted unit', () => {
  it('is Arabic (rtl) for translated, changed and added units, English (ltr) for untranslated base units', async () => {
    const doc = await newDocument(app);
    const g = await group(app);
    await translate(app, doc.id, 'ar', { 0: 'التعريف', 2: 'القادة يستمعون أولاً.' });
    const created = await g.coordinator.post(`/api/v1/documents/${doc.slug}/adaptations`, {
      community: g.slug,
      language: 'ar',
      from: 'translation',
    });
    expect(created.status, created.text).toBe(201);
    const a = created.body as AdaptationDetail;
    expect(langOf(a, '0')).toEqual(['ar', 'rtl']);
    expect(langOf(a, '2')).toEqual(['ar', 'rtl']);
    expect(langOf(a, '3')).toEqual(['en', 'ltr']);

    const unit3 = a.units.find((u) => u.id === '3')!;
    const changed = await g.coordinator.put(`/api/v1/adaptations/${a.id}/units/3`, {
      text: 'نص محلي.',
      baseRevision: unit3.revision,
    });
    expect(changed.status, changed.text).toBe(200);
    expect((changed.body as SavedAdaptedUnit).unit).toMatchObject({ id: '3', language: 'ar', dir: 'rtl' });
    const added = await g.coordinator.post(`/api/v1/adaptations/${a.id}/units`, { after: '3', text: 'وحدة مضافة.' });
    expect(added.status, added.text).toBe(201);
    expect((added.body as SavedAdaptedUnit).unit).toMatchObject({ local: true, language: 'ar', dir: 'rtl' });

    const read = (await g.coordinator.get(`/api/v1/adaptations/${a.id}`)).body as AdaptationDetail;
    expect(langOf(read, '3')).toEqual(['ar', 'rtl']);
    expect(langOf(read, '4')).toEqual(['en', 'ltr']);
  });

  it('is English for the units of an adaptation from the source in another language, until changed', async () => {
    const doc = await newDocument(app);
    const g = await group(app);
    const created = await g.coordinator.post(`/api/v1/documents/${doc.slug}/adaptations`, {
      community: g.slug,
      language: 'fr',
      from: 'source',
    });
    expect(created.status, created.text).toBe(201);
    const a = created.body as AdaptationDetail;
    expect(a.units.every((u) => u.language === 'en' && u.dir === 'ltr')).toBe(true);
  });
});
