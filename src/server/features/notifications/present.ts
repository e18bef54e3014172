// Follows and notifications as the API shows them: explicit whitelists typed against
// src/contracts/notifications.ts, ids as strings; the actor through the one person presenter (hidden fields).
import type { FollowItem, Kind, NotificationItem } from '../../../contracts/notifications';
import { presentPersonRef } from '../people';
import type { FollowRow, NotificationRow } from './repo';

export const presentFollow = (r: FollowRow, s: { title: string; link: string }): FollowItem => ({
  id: String(r.id),
  subject: { type: r.subject_type, id: String(r.subject_id), title: s.title, link: s.link },
  createdAt: r.created_at.toISOString(),
});

export const presentNotification = (r: NotificationRow): NotificationItem => ({
  id: String(r.id),
  // Kinds are written from the same list (kinds.ts), so a stored kind is always one of them.
  kind: r.kind as Kind,
  subject: { type: r.subject_type, id: String(r.subject_id), title: r.subject_title, link: r.subject_link },
  object:
    r.object_type && r.object_id !== null
      ? {
          type: r.object_type,
          id: String(r.object_id),
          ...(r.object_title !== null ? { title: r.object_title } : {}),
        }
      : null,
  actor: r.actor_username
    ? presentPersonRef({
        username: r.actor_username,
        display_name: r.actor_display_name,
        public_fields: r.actor_public_fields ?? [],
      })
    : null,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  read: r.read_at !== null,
});
