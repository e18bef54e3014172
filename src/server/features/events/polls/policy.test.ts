import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../http/context';
import { canAnswerPoll, canPickSlot, canSeePoll, isPollOrganizer } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `P ${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});
const poll = (o: { invited?: boolean; picked?: boolean } = {}) => ({
  createdBy: 1,
  invited: o.invited ?? false,
  picked: o.picked ?? false,
});

describe('time poll policy', () => {
  it('lets only the organizer pick, once', () => {
    expect(isPollOrganizer(person(1), poll())).toBe(true);
    expect(canPickSlot(person(1), poll())).toBe(true);
    expect(canPickSlot(person(1), poll({ picked: true }))).toBe(false);
    expect(canPickSlot(person(2, ['admin']), poll())).toBe(false);
    expect(canPickSlot(null, poll())).toBe(false);
  });

  it('lets only invitees answer, until a slot is picked', () => {
    expect(canAnswerPoll(person(2), poll({ invited: true }))).toBe(true);
    expect(canAnswerPoll(person(2), poll())).toBe(false);
    expect(canAnswerPoll(person(1), poll())).toBe(false);
    expect(canAnswerPoll(person(2), poll({ invited: true, picked: true }))).toBe(false);
  });

  it('shows a poll to its organizer, invitees and admins only', () => {
    expect(canSeePoll(person(1), poll())).toBe(true);
    expect(canSeePoll(person(2), poll({ invited: true }))).toBe(true);
    expect(canSeePoll(person(3, ['admin']), poll())).toBe(true);
    expect(canSeePoll(person(4), poll())).toBe(false);
    expect(canSeePoll(null, poll())).toBe(false);
  });
});
