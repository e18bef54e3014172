import { describe, expect, it } from 'vitest';
import { FIRST_STEPS_KEY, UNREAD_KEY } from './header-values';
import { UNREAD_KEY as NOTIFICATIONS_UNREAD_KEY } from '../features/notifications/keys';
import { FIRST_STEPS_KEY as WELCOME_FIRST_STEPS_KEY } from '../features/welcome/keys';

describe('the header values', () => {
  it('are kept under the keys the pages that change them write', () => {
    expect(UNREAD_KEY).toBe(NOTIFICATIONS_UNREAD_KEY);
    expect(FIRST_STEPS_KEY).toBe(WELCOME_FIRST_STEPS_KEY);
  });
});
