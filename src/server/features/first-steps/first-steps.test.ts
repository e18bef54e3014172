// The first steps after signing up: each step done by what the person did or marked, the list hidden on
// request, each person's own; anonymous visitors are refused and the page asks them to log in.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';
import { createGroup } from '../communities/test-helpers';

beforeAll(buildWebBundle, 120_000);
// The database opens once per worker, in a hook with its own time, not in the first test's.
beforeAll(() => testApp(), 120_000);

const done = (body: { steps: { step: string; done: boolean }[] }) =>
  Object.fromEntries(body.steps.map((s) => [s.step, s.done]));

describe('first steps', () => {
  it('starts with nothing done, follows the profile and a group, and takes the marks of the other two', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const first = await a.get('/api/v1/me/first-steps');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      steps: [
        { step: 'profile', done: false, marked: false },
        { step: 'group', done: false, marked: false },
        { step: 'telegram', done: false, marked: true },
        { step: 'guides', done: false, marked: true },
      ],
      dismissed: false,
      open: true,
    });

    // A region and languages are not enough: the skills too.
    expect((await a.patch('/api/v1/me/profile', { region: 'SSA', languages: ['ha'] })).status).toBe(200);
    expect(done((await a.get('/api/v1/me/first-steps')).body).profile).toBe(false);
    expect((await a.patch('/api/v1/me/profile', { interests: ['coaching'] })).status).toBe(200);
    expect(done((await a.get('/api/v1/me/first-steps')).body).profile).toBe(true);

    await createGroup(a);
    expect(done((await a.get('/api/v1/me/first-steps')).body).group).toBe(true);

    const telegram = await a.patch('/api/v1/me/first-steps', { telegram: true });
    expect(telegram.status).toBe(200);
    expect(done(telegram.body)).toEqual({ profile: true, group: true, telegram: true, guides: false });
    expect(telegram.body.open).toBe(true);
    const all = await a.patch('/api/v1/me/first-steps', { guides: true });
    expect(done(all.body)).toEqual({ profile: true, group: true, telegram: true, guides: true });
    // Every step done: the menu no longer offers the list, though it was never hidden.
    expect(all.body).toMatchObject({ dismissed: false, open: false });
    // A mark can be taken back; the other stays.
    const undone = await a.patch('/api/v1/me/first-steps', { telegram: false });
    expect(done(undone.body)).toMatchObject({ telegram: false, guides: true });
    expect(undone.body.open).toBe(true);
  });

  it('hides the list and shows it again, for the person alone', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const b = await signedUp(app);
    const hidden = await a.patch('/api/v1/me/first-steps', { dismissed: true, guides: true });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ dismissed: true, open: false });
    // Someone else's list is their own: A's marks change nothing of B's.
    const theirs = await b.get('/api/v1/me/first-steps');
    expect(theirs.body).toMatchObject({ dismissed: false, open: true });
    expect(done(theirs.body).guides).toBe(false);
    const shown = await a.patch('/api/v1/me/first-steps', { dismissed: false });
    expect(shown.body).toMatchObject({ dismissed: false, open: true });
    expect(done(shown.body).guides).toBe(true);
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'object_id'])
      .where('action', '=', 'first_steps.mark')
      .where('actor_id', '=', a.userId)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((r) => r.object_id === String(a.userId))).toBe(true);
  });

  it('refuses anonymous visitors and steps that are not marked by hand', async () => {
    const app = await testApp();
    const anonymous = await new TestClient(app).start();
    expect((await anonymous.get('/api/v1/me/first-steps')).status).toBe(401);
    expect((await anonymous.patch('/api/v1/me/first-steps', { telegram: true })).status).toBe(401);
    const a = await signedUp(app);
    // The profile and group steps follow what the person did; an unknown field names itself.
    const profile = await a.patch('/api/v1/me/first-steps', { profile: true });
    expect(profile.status).toBe(400);
    expect(JSON.stringify(profile.body)).toContain('profile');
    expect((await a.patch('/api/v1/me/first-steps', { telegram: 'yes' })).status).toBe(400);
    expect(done((await a.get('/api/v1/me/first-steps')).body).telegram).toBe(false);
  });

  it('refuses a suspended person’s marks (DECISIONS 1), while the list still reads', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    await app.db
      .updateTable('users')
      .set({ suspended_until: new Date(Date.now() + 86_400_000) })
      .where('id', '=', a.userId)
      .execute();
    expect((await a.patch('/api/v1/me/first-steps', { dismissed: true })).status).toBe(403);
    const steps = await a.get('/api/v1/me/first-steps');
    expect(steps.status).toBe(200);
    expect(steps.body.dismissed).toBe(false);
  });

  it('is a page: the checklist for the person, a prompt to log in for anyone else', async () => {
    const app = await testApp({ pages: true });
    const a = await signedUp(app);
    await a.patch('/api/v1/me/first-steps', { telegram: true });
    const page = await a.get('/welcome');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Your first steps');
    expect(page.text).toContain('Complete your profile');
    expect(page.text).toContain('https://t.me/');
    expect(page.text).toContain('1 of 4 done');
    const anonymous = await new TestClient(app).get('/welcome');
    expect(anonymous.status).toBe(200);
    expect(anonymous.text).toContain('/login?returnTo=/welcome');
    expect(anonymous.text).not.toContain('Complete your profile');
  });
});
