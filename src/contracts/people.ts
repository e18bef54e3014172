// Answers about people that every feature shares. The web derives its types from these with z.infer (and
// imports them with `import type`, so no schema code reaches the browser).
import { z } from 'zod';

/**
 * A person as other items name them (an author, a lead, a member): their username and the name to show, which
 * is the display name when they made it public, else the username.
 */
export const personRef = z.object({ username: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof personRef>;
