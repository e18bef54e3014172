import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface FollowsTable {
  id: Generated<number>;
  user_id: number;
  subject_type: string;
  subject_id: number;
  created_at: Timestamp;
}

export interface NotificationEventsTable {
  id: Generated<number>;
  type: string;
  actor_id: number | null;
  subject_type: string;
  subject_id: number;
  subject_title: string;
  subject_link: string;
  object_type: string | null;
  object_id: number | null;
  /** What the object was called then (an answered sign-up's job), when the sentence names it. */
  object_title: string | null;
  link: string;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  event_id: number;
  kind: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  mailed_at: Timestamp | null;
}

export interface NotificationSettingsTable {
  user_id: number;
  kind: string;
  email: string;
}

export interface NotificationsTables {
  follows: FollowsTable;
  notification_events: NotificationEventsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
}
