// Moderation as the API answers it (src/server/features/moderation/schema.ts), as the pages use it.
export const UCOC_URL = 'https://meta.wikimedia.org/wiki/Special:MyLanguage/Universal_Code_of_Conduct';

export const REPORT_REASONS = ['harassment', 'spam', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Hidden state of an item: the moderators' reason, or empty when hidden automatically after reports. */
export interface HiddenState {
  reason: string;
  automatic: boolean;
}

export interface Subject {
  type: string;
  id: string;
}

export interface PersonRef {
  id: string;
  username: string;
  displayName: string;
}

export interface SubjectInfo extends Subject {
  title: string;
  link: string | null;
}

export type ActionKind = 'hide' | 'unhide' | 'warn' | 'suspend' | 'unsuspend' | 'block' | 'unblock';

export interface ReportItem {
  id: string;
  subject: SubjectInfo;
  owner: PersonRef | null;
  reporter: PersonRef | null;
  reason: ReportReason;
  text: string;
  status: 'open' | 'resolved' | 'dismissed';
  note: string | null;
  createdAt: string;
  closedAt: string | null;
  hidden: HiddenState | null;
  openReports: number;
}

export interface ActionItem {
  id: string;
  kind: ActionKind;
  subject: SubjectInfo;
  target: PersonRef | null;
  moderator: PersonRef | null;
  automatic: boolean;
  reason: string;
  suspendedUntil: string | null;
  reversed: boolean;
  createdAt: string;
}

export interface AppealState {
  id: string;
  text: string;
  status: 'open' | 'upheld' | 'reversed';
  answer: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface AppealItem extends AppealState {
  person: PersonRef | null;
  action: ActionItem;
}

export interface MyActionItem {
  id: string;
  kind: ActionKind;
  subject: SubjectInfo;
  automatic: boolean;
  reason: string;
  suspendedUntil: string | null;
  reversed: boolean;
  createdAt: string;
  appeal: AppealState | null;
  can: { appeal: boolean };
}

export interface PersonStatus {
  id: string;
  username: string;
  roles: string[];
  blocked: boolean;
  suspendedUntil: string | null;
  warnings: number;
  can: { act: boolean };
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Whether the signed-in person moderates (moderators and admins). */
export const moderates = (user: { roles: string[] } | null | undefined) => !!user && (user.roles.includes('moderator') || user.roles.includes('admin'));
