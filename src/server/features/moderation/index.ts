// The moderation feature's public module: what other features and the app may use of it.
import { registerWriteGuard } from '../../http/route-policy';
import { moderationGuard } from './guard';

export { moderationRoutes } from './routes';
export { isModerator } from './policy';
export { hiddenState, hiddenView, isHidden, notHidden, type HiddenColumns } from './visibility';

/**
 * Registers what moderation adds to shared registries: the write guard (suspensions, first-day limits). What
 * can be reported, and whose it is, moderation reads from the subjects registry that other features fill.
 */
export function registerModeration(): void {
  registerWriteGuard(moderationGuard);
}
