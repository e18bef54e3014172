// Group names no one can spoof (issue 12): no direction controls or invisible characters, no look-alike of
// another group's name, lengths counted as people see them.
import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../testing/harness';
import { signedUp } from '../../testing/client';
import { createGroup } from './test-helpers';

const fields = { kind: 'user_group', region: 'NWE' };

describe('group names', () => {
  it('refuses a look-alike of another group’s name with 409 naming it, on registering and renaming', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const tag = unique('');
    const original = await createGroup(a, { name: `Wikimedians of Odesa ${tag}` });
    // Cyrillic "О", "е" and "а": the same on screen.
    const lookAlike = `Wikimedians of \u041ed\u0435s\u0430 ${tag}`;
    const b = await signedUp(app);
    const res = await b.post('/api/v1/communities', { name: lookAlike, ...fields });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('name');
    expect(res.body.detail).toContain(`looks like "${original.name}"`);
    expect(res.body.looksLike).toEqual({ name: original.name, slug: original.slug });

    const other = await createGroup(b, { name: unique('Other group ') });
    const renamed = await b.patch(`/api/v1/communities/${other.slug}`, { name: lookAlike });
    expect(renamed.status).toBe(409);
    expect(renamed.body.looksLike.name).toBe(original.name);
    expect((await b.get(`/api/v1/communities/${other.slug}`)).body.name).toBe(other.name);
  });

  it('lets a group rename itself to a name that looks like its own', async () => {
    const a = await signedUp(await testApp());
    const group = await createGroup(a, { name: unique('Wiki Club ') });
    const res = await a.patch(`/api/v1/communities/${group.slug}`, { name: group.name.replace('Club', 'CIub') });
    expect(res.status).toBe(200);
  });

  it('refuses direction controls and invisible characters with 400 naming the field', async () => {
    const a = await signedUp(await testApp());
    for (const name of [`Wiki\u202eClub ${unique('')}`, `Wiki\u200bClub ${unique('')}`]) {
      const res = await a.post('/api/v1/communities', { name, ...fields });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('name');
    }
  });

  it('accepts names in Arabic, Hindi and Russian, and counts length as people see it', async () => {
    const a = await signedUp(await testApp());
    for (const base of ['ويكيميديا مصر', 'विकिमीडिया समूह', 'Викимедиа Казахстан']) {
      expect((await a.post('/api/v1/communities', { name: `${base} ${unique('')}`, ...fields })).status, base).toBe(
        201,
      );
    }
    const tag = unique('');
    const long = 'ने'.repeat(120 - tag.length) + tag;
    expect((await a.post('/api/v1/communities', { name: long, ...fields })).status).toBe(201);
    const tooLong = await a.post('/api/v1/communities', { name: 'ने'.repeat(121), ...fields });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({ field: 'name', message: 'Enter at most 120 characters.' });
  });
});
