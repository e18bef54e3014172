// The moderation pages' public module: what other web features use beside its components. The answers' types
// come from src/contracts/moderation.ts (type-only imports: no schema code reaches the browser).
export type { HiddenState, SubjectRef } from '../../../contracts/moderation';

export const UCOC_URL = 'https://meta.wikimedia.org/wiki/Special:MyLanguage/Universal_Code_of_Conduct';

/** Whether the signed-in person moderates (moderators and admins). */
export const moderates = (user: { roles: string[] } | null | undefined) =>
  !!user && (user.roles.includes('moderator') || user.roles.includes('admin'));
