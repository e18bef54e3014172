// A suspended person's own account (DECISIONS.md 1): their profile is a write like any other and is refused;
// what stays theirs to do (log out, change the password, revoke a token, end a session, choose the interface
// language) still works.
import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { TestClient } from '../../testing/client';
import { member, withRole } from '../moderation/testing';

const PASSWORD = 'correct horse battery';

describe('a suspended person', () => {
  it('may not change their profile, but may log out, change the password, revoke a token and choose the interface language', async () => {
    const app = await testApp();
    const person = await member(app);
    const moderator = await withRole(app, 'moderator');
    const token = (await person.post('/api/v1/me/tokens', { name: 'bot' })).body as { id: string };
    const profileBefore = (await person.get('/api/v1/me/profile')).body as Record<string, unknown>;

    const suspended = await moderator.post(`/api/v1/moderation/people/${person.userId}/suspend`, {
      reason: 'Cooling-off',
      hours: 24,
    });
    expect(suspended.status).toBe(201);

    // The profile is refused, with the suspension's reason, and stays as it was.
    const refused = await person.patch('/api/v1/me/profile', { displayName: 'A new name', bio: 'Changed' });
    expect(refused.status).toBe(403);
    expect(refused.body.title).toBe('Your account is suspended');
    expect(refused.body.detail).toContain('Cooling-off');
    expect((await person.get('/api/v1/me/profile')).body).toEqual(profileBefore);
    // So is minting a new token (a write, not one of the person's own settings that stay open).
    expect((await person.post('/api/v1/me/tokens', { name: 'another' })).status).toBe(403);

    // The interface language stays theirs to choose.
    expect((await person.put('/api/v1/me/ui-language', { uiLanguage: 'fr' })).status).toBe(204);
    expect((await person.get('/api/v1/session')).body.user.uiLanguage).toBe('fr');
    expect((await person.get('/api/v1/me/profile')).body).toEqual({ ...profileBefore, uiLanguage: 'fr' });
    expect((await person.put('/api/v1/me/ui-language', { uiLanguage: null })).status).toBe(204);

    // Revoking a token, ending another session, changing the password.
    expect((await person.delete(`/api/v1/me/tokens/${token.id}`)).status).toBe(204);
    const phone = await new TestClient(app, '10.200.0.1').start();
    expect((await phone.post('/api/v1/session', { username: person.username, password: PASSWORD })).status).toBe(200);
    const phoneSession = (
      (await person.get('/api/v1/me/sessions')).body.items as { id: string; current: boolean }[]
    ).find((s) => !s.current);
    expect((await person.delete(`/api/v1/me/sessions/${phoneSession?.id ?? 'none'}`)).status).toBe(204);
    expect(
      (await person.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }))
        .status,
    ).toBe(204);

    // And logging out.
    expect((await person.delete('/api/v1/session')).status).toBe(204);
    expect((await person.get('/api/v1/session')).body.user).toBeNull();
  });

  it('may change the interface language only when signed in, and only to a language the interface has', async () => {
    const app = await testApp();
    const anon = await new TestClient(app).start();
    expect((await anon.put('/api/v1/me/ui-language', { uiLanguage: 'fr' })).status).toBe(401);
    const person = await member(app);
    const bad = await person.put('/api/v1/me/ui-language', { uiLanguage: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('uiLanguage');
    expect((await person.put('/api/v1/me/ui-language', {})).status).toBe(400);
    expect((await person.get('/api/v1/me/profile')).body.uiLanguage).toBe('en');
  });
});
