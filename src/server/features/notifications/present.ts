// Follows and notifications as the API shows them: explicit whitelists, ids as strings.
import type { FollowRow, NotificationRow } from './repo';
import type { Kind } from './kinds';

export const presentFollow = (r: FollowRow, s: { title: string; link: string }) => ({
  id: String(r.id),
  subject: { type: r.subject_type, id: String(r.subject_id), title: s.title, link: s.link },
  createdAt: r.created_at.toISOString(),
});

export const presentNotification = (r: NotificationRow) => ({
  id: String(r.id),
  kind: r.kind as Kind,
  subject: { type: r.subject_type, id: String(r.subject_id), title: r.subject_title, link: r.subject_link },
  object: r.object_type && r.object_id !== null ? { type: r.object_type, id: String(r.object_id) } : null,
  actor: r.actor_username ? { username: r.actor_username, displayName: r.actor_display_name || r.actor_username } : null,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  read: r.read_at !== null,
});
