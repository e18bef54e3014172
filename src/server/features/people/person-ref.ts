// The one presenter of a person named by another item (an author, a lead, a member, a moderator). It honours
// the person's hidden profile fields: a display name they did not make public is never shown; the username
// stands in (the answer's type stays a string). Every feature presents people through it.
import type { PersonRef } from '../../../contracts/people';

/** The columns presentPersonRef reads, as a query selects them from `users`. */
export interface PersonRefRow {
  username: string;
  display_name: string | null;
  public_fields: readonly string[];
}

/** The columns to select from a `users` table aliased `alias`, named as PersonRefRow wants them with `prefix`. */
export const personRefColumns = <A extends string>(alias: A) =>
  [`${alias}.username`, `${alias}.display_name`, `${alias}.public_fields`] as const;

export function presentPersonRef(p: PersonRefRow): PersonRef;
export function presentPersonRef(p: Partial<PersonRefRow> | null | undefined): PersonRef | null;
export function presentPersonRef(p: Partial<PersonRefRow> | null | undefined): PersonRef | null {
  if (!p?.username) return null;
  const shown = !!p.public_fields?.includes('display_name') && !!p.display_name;
  return { username: p.username, displayName: shown ? p.display_name! : p.username };
}

/** A person read through a left join of `users` (every column null when there is none, as for an account since
 * deleted), through the same presenter. */
export const presentJoinedPerson = (
  username: string | null,
  display_name: string | null,
  public_fields: readonly string[] | null,
): PersonRef | null =>
  username === null ? null : presentPersonRef({ username, display_name, public_fields: public_fields ?? [] });
