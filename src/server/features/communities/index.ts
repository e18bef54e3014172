// The communities feature's public module: what other features and the app may use of it. People ask about
// someone's groups and terms through these functions, never by reading the communities tables themselves.
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

/** Registers what communities add to shared registries: groups as followable subjects. */
export function registerCommunities(): void {
  registerCommunitySubject();
}
