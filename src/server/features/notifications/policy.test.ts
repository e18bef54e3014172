import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { isFollowable, isSelf, ownsFollow } from './policy';

const me: CurrentUser = { id: 7, username: 'Ana', displayName: 'Ana', roles: [], timeZone: null, uiLanguage: null };

describe('following', () => {
  it('takes items, groups and other people', () => {
    for (const type of ['update', 'debate', 'argument', 'community', 'person']) expect(isFollowable(type)).toBe(true);
    expect(isSelf(me, { type: 'person', id: 8 })).toBe(false);
    expect(isSelf(me, { type: 'community', id: 7 })).toBe(false);
  });
  it('refuses comments and progress updates (followed through their item), and oneself', () => {
    expect(isFollowable('comment')).toBe(false);
    expect(isFollowable('initiative_update')).toBe(false);
    expect(isSelf(me, { type: 'person', id: 7 })).toBe(true);
  });
});

describe('unfollowing', () => {
  it('is for one’s own follows only', () => {
    expect(ownsFollow(me, { user_id: 7 })).toBe(true);
    expect(ownsFollow(me, { user_id: 8 })).toBe(false);
  });
});
