// Who may do what with an initiative: pure predicates of the person and what is known of the initiative, so
// they are unit-tested apart from HTTP and SQL. Leads change an initiative, accept people and evaluate; admins
// and moderators can step in. The use cases enforce the answers (access.ts, http/access.ts).
import { STAGE_MOVES, type Stage } from '../../../contracts/initiatives';
import type { InitiativeDetail } from '../../../contracts/initiatives-answers';
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/access';
import { hiddenView, type HiddenColumns } from '../moderation';

export const isStaff = (user: CurrentUser | null): boolean => hasRole(user, 'admin') || hasRole(user, 'moderator');

/** Whether the person may change the initiative: they lead it, or they are an admin or a moderator. */
export const mayManage = (user: CurrentUser | null, leads: boolean): boolean => !!user && (leads || isStaff(user));

/**
 * Hidden by moderation: everyone sees the reason; its author, its leads, admins and moderators still read it
 * (`manager`: the viewer leads it or is staff, as mayManage answers).
 */
export function initiativeView(
  r: HiddenColumns & { author_id: number | null },
  viewer: CurrentUser | null,
  manager: boolean,
) {
  const { hidden, readable } = hiddenView(r, viewer, r.author_id);
  return { hidden, readable: readable || manager };
}

/** The stages a manager may move the initiative to now. */
export const movesOf = (stage: Stage): Stage[] => [...STAGE_MOVES[stage]];

export const isEnded = (stage: string): boolean => stage === 'archived' || stage === 'discontinued';

export interface ViewerFacts {
  viewer: CurrentUser | null;
  /** The viewer leads the initiative. */
  isLead: boolean;
  stage: Stage;
  callOpen: boolean;
  seekingLead: boolean;
  leadCount: number;
}

/** What the viewer may do on the initiative's page (the page's buttons; each use case checks again). */
export function viewerCan(f: ViewerFacts): InitiativeDetail['can'] {
  const signedIn = !!f.viewer;
  const manager = mayManage(f.viewer, f.isLead);
  return {
    edit: manager,
    lead: f.isLead,
    support: signedIn,
    signUp: signedIn && f.callOpen,
    volunteer: signedIn && !f.isLead && !isEnded(f.stage) && (f.seekingLead || f.leadCount === 0),
    stepDown: f.isLead,
    moves: manager ? movesOf(f.stage) : [],
  };
}
