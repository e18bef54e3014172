import { describe, expect, it } from 'vitest';
import { currentSessionOf, isBrowserSession } from './policy';

describe('own settings policy', () => {
  it('asks for a browser session, not a personal token, for the password and new tokens', () => {
    expect(isBrowserSession('session')).toBe(true);
    expect(isBrowserSession('token')).toBe(false);
    expect(isBrowserSession(null)).toBe(false);
  });

  it('names the current session only for a browser session', () => {
    expect(currentSessionOf({ via: 'session', sessionId: 7 })).toBe(7);
    expect(currentSessionOf({ via: 'token', sessionId: 7 })).toBeNull();
    expect(currentSessionOf({ via: null, sessionId: null })).toBeNull();
  });
});
