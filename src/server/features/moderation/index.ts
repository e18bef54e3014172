// The moderation feature's public module: what other features and the app may use of it.
import { registerWriteGuard } from '../../http/route-policy';
import { moderationGuard } from './guard';

/** Registers what moderation adds to shared registries: the write guard (suspensions, first-day limits). */
export function registerModeration(): void {
  registerWriteGuard(moderationGuard);
}
