// The communities feature's public module: what other features and the app may use of it. People ask about
// someone's groups and terms through these functions, never by reading the communities tables themselves.
import { registerSchedule } from '../../jobs/queue';
import { dailyAt0030, TERM_ENDS_JOB, termEndsJob } from './notify';
import { registerCommunitySubject } from './subjects';

export { communitiesRoutes } from './routes';
export {
  ambassadorTermsOfGroup,
  communitiesLedBy,
  coordinatesGroupOf,
  isCurrentTerm,
  rolesInCommunity,
  todayUtc,
  type CommunityRoles,
} from './roles';
export { ambassadorFilter, currentTerm, groupsOfPeople, membershipFilter, termsOfPeople } from './people-view';
export { cachedJson, sendJson } from './directory-cache';
export { DEMO_GROUPS, loadDemoCommunities } from './demo';
/** Fills the group names' look-alike keys still empty (migrations/0027), at start-up. */
export { fillGroupNameSkeletons } from './names';

/** Registers what communities add to shared registries: groups as followable subjects, the daily job that tells
 * ambassadors whose term reached its end date. */
export function registerCommunities(): void {
  registerCommunitySubject();
  registerSchedule(TERM_ENDS_JOB, dailyAt0030, termEndsJob);
}
