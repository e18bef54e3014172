// Who may do what with an initiative: the pure predicates of policy.ts.
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { initiativeView, isEnded, isStaff, mayManage, movesOf, viewerCan } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `P${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});
const member = person(1);
const admin = person(2, ['admin']);
const moderator = person(3, ['moderator']);
const hiddenBy = (authorId: number) => ({ author_id: authorId, hidden_reason: 'Spam', hidden_automatic: false });

describe('initiatives policy', () => {
  it('lets leads, admins and moderators manage; refuses other members and anonymous people', () => {
    expect(mayManage(member, true)).toBe(true);
    expect(mayManage(admin, false)).toBe(true);
    expect(mayManage(moderator, false)).toBe(true);
    expect(mayManage(member, false)).toBe(false);
    expect(mayManage(null, true)).toBe(false);
    expect(isStaff(member)).toBe(false);
    expect(isStaff(null)).toBe(false);
  });

  it('shows a hidden initiative to its author, its managers and moderators, and only the reason to others', () => {
    expect(initiativeView(hiddenBy(1), member, false)).toEqual({
      hidden: { reason: 'Spam', automatic: false },
      readable: true,
    });
    expect(initiativeView(hiddenBy(9), member, true).readable).toBe(true);
    expect(initiativeView(hiddenBy(9), moderator, false).readable).toBe(true);
    expect(initiativeView(hiddenBy(9), member, false).readable).toBe(false);
    expect(initiativeView(hiddenBy(9), null, false).readable).toBe(false);
    expect(initiativeView({ author_id: 9, hidden_reason: null, hidden_automatic: null }, null, false)).toEqual({
      hidden: null,
      readable: true,
    });
  });

  it('offers the page’s actions by who the viewer is', () => {
    const facts = { isLead: false, stage: 'recruiting' as const, callOpen: true, seekingLead: false, leadCount: 1 };
    expect(viewerCan({ ...facts, viewer: null })).toEqual({
      edit: false,
      lead: false,
      support: false,
      signUp: false,
      volunteer: false,
      stepDown: false,
      moves: [],
    });
    expect(viewerCan({ ...facts, viewer: member })).toMatchObject({
      edit: false,
      support: true,
      signUp: true,
      volunteer: false,
      moves: [],
    });
    expect(viewerCan({ ...facts, viewer: member, seekingLead: true }).volunteer).toBe(true);
    expect(viewerCan({ ...facts, viewer: member, leadCount: 0, stage: 'archived' }).volunteer).toBe(false);
    expect(viewerCan({ ...facts, viewer: member, isLead: true })).toMatchObject({
      edit: true,
      lead: true,
      stepDown: true,
      volunteer: false,
      moves: movesOf('recruiting'),
    });
    expect(viewerCan({ ...facts, viewer: admin })).toMatchObject({
      edit: true,
      lead: false,
      stepDown: false,
      moves: ['active', 'discontinued'],
    });
  });

  it('knows the ended stages', () => {
    expect(isEnded('archived')).toBe(true);
    expect(isEnded('discontinued')).toBe(true);
    expect(isEnded('active')).toBe(false);
  });
});
