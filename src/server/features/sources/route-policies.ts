// The policies the sources' write routes share, named once: a member's write moves the sources' kept answers.
import type { RoutePolicy } from '../../http/route-policy';

/** A member's write to the sources' data: signed in, the post rate tier, the sources' scope moved. */
export const sourcesWrite = (errors?: RoutePolicy['errors']): RoutePolicy => ({
  access: 'signed_in',
  rate: ['post'],
  contentScope: 'sources',
  ...(errors ? { errors } : {}),
});

/** Deleting one's own review or reading list: open while suspended (DECISIONS 1). */
export const deleteOwn: RoutePolicy = { ...sourcesWrite([404]), openWhileSuspended: true };
