// Who may see and change what of a profile: pure predicates (unit-tested in policy.test.ts).
import type { CurrentUser } from '../../http/context';
import type { ProfileField } from '../../../contracts/people';

/** The viewer is the person shown: they see every field of their own, and which ones are public. */
export const isSelf = (actor: CurrentUser | null, personId: number): boolean => actor?.id === personId;

/** Others see a field only when the person made it public. */
export const maySeeField = (row: { public_fields: readonly string[] }, field: ProfileField, self: boolean): boolean =>
  self || row.public_fields.includes(field);

/**
 * The Wikimedia username may be typed unless "Log in with Wikimedia" confirmed it: then the login keeps it
 * current, and only the same value may be sent back.
 */
export const mayTypeWikimediaUsername = (
  row: { wikimedia_sub: string | null; wikimedia_username: string | null },
  wanted: string | null,
): boolean => row.wikimedia_sub === null || wanted === row.wikimedia_username;
