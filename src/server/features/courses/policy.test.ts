import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context';
import { canCreateCourse, canManageCourse, canNameProvider, canReportProgress } from './policy';

const person = (id: number, roles: CurrentUser['roles'] = []): CurrentUser => ({
  id,
  username: `p${id}`,
  displayName: `P ${id}`,
  roles,
  timeZone: null,
  uiLanguage: null,
});

describe('courses policy', () => {
  it('lets members add courses and report their progress', () => {
    expect(canCreateCourse(person(1))).toBe(true);
    expect(canCreateCourse(null)).toBe(false);
    expect(canReportProgress(person(1))).toBe(true);
    expect(canReportProgress(null)).toBe(false);
  });

  it('lets only the author, the provider’s coordinators and admins change a course', () => {
    const course = { created_by: 1 };
    expect(canManageCourse(person(1), course, false)).toBe(true);
    expect(canManageCourse(person(2), course, true)).toBe(true);
    expect(canManageCourse(person(3, ['admin']), course, false)).toBe(true);
    expect(canManageCourse(person(2), course, false)).toBe(false);
    expect(canManageCourse(person(2, ['moderator']), course, false)).toBe(false);
    expect(canManageCourse(person(2), { created_by: null }, false)).toBe(false);
    expect(canManageCourse(null, course, true)).toBe(false);
  });

  it('lets only coordinators of a group and admins name it as provider', () => {
    expect(canNameProvider(person(1), true)).toBe(true);
    expect(canNameProvider(person(1, ['admin']), false)).toBe(true);
    expect(canNameProvider(person(1), false)).toBe(false);
    expect(canNameProvider(null, true)).toBe(false);
  });
});
