// Moderation as the API shows it: explicit whitelists. Reporters appear only in answers for moderators; what a
// person reads about actions on their own content and account names neither reporters nor moderators.
import type {
  ActionItem,
  AppealItem,
  ModerationPerson,
  MyActionItem,
  OwnReport,
  ReportItem,
  SubjectInfo,
} from '../../../contracts/moderation';
import { presentJoinedPerson } from '../people';
import type { ActionRow, AppealRow, ReportRow } from './repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A person of a left join (all columns null when there is none) with their user id, through the one person presenter. */
function personOf(
  id: number | null,
  username: string | null,
  display_name: string | null,
  public_fields: readonly string[] | null,
): ModerationPerson | null {
  const ref = presentJoinedPerson(username || null, display_name, public_fields);
  return id === null || !ref ? null : { id: String(id), ...ref };
}

export interface Described {
  title: string;
  link: string;
}
/** Titles and links of items by `type:id`; a missing entry means the item is gone. */
export type Descriptions = Map<string, Described | null>;
export const subjectKey = (type: string, id: number) => `${type}:${id}`;

const subjectOf = (type: string, id: number, d: Descriptions): SubjectInfo => {
  const info = d.get(subjectKey(type, id)) ?? null;
  return { type, id: String(id), title: info?.title ?? '', link: info?.link ?? null };
};

export const presentReport = (r: ReportRow, d: Descriptions): ReportItem => ({
  id: String(r.id),
  subject: subjectOf(r.subject_type, r.subject_id, d),
  owner: personOf(r.subject_user_id, r.owner_username, r.owner_display_name, r.owner_public_fields),
  reporter: personOf(r.reporter_id, r.reporter_username, r.reporter_display_name, r.reporter_public_fields),
  reason: r.reason,
  text: r.text,
  status: r.status,
  note: r.note,
  createdAt: r.created_at.toISOString(),
  closedAt: iso(r.closed_at),
  hidden: r.hidden_reason === null ? null : { reason: r.hidden_reason, automatic: !!r.hidden_automatic },
  openReports: Number(r.open_reports),
});

export const presentOwnReport = (r: {
  id: number;
  subject_type: string;
  subject_id: number;
  reason: ReportRow['reason'];
  text: string;
  status: ReportRow['status'];
  created_at: Date;
}): OwnReport => ({
  id: String(r.id),
  subject: { type: r.subject_type, id: String(r.subject_id) },
  reason: r.reason,
  text: r.text,
  status: r.status,
  createdAt: r.created_at.toISOString(),
});

export const presentAction = (a: ActionRow, d: Descriptions): ActionItem => ({
  id: String(a.id),
  kind: a.kind,
  subject: subjectOf(a.subject_type, a.subject_id, d),
  target: personOf(a.target_user_id, a.target_username, a.target_display_name, a.target_public_fields),
  moderator: personOf(a.moderator_id, a.moderator_username, a.moderator_display_name, a.moderator_public_fields),
  automatic: a.automatic,
  reason: a.reason,
  suspendedUntil: iso(a.suspended_until),
  reversed: a.reversed_at !== null,
  createdAt: a.created_at.toISOString(),
});

/** Actions a person may appeal: those taken against them. */
export const APPEALABLE = new Set(['hide', 'warn', 'suspend']);

export const presentMyAction = (a: ActionRow, d: Descriptions): MyActionItem => ({
  id: String(a.id),
  kind: a.kind,
  subject: subjectOf(a.subject_type, a.subject_id, d),
  automatic: a.automatic,
  reason: a.reason,
  suspendedUntil: iso(a.suspended_until),
  reversed: a.reversed_at !== null,
  createdAt: a.created_at.toISOString(),
  appeal:
    a.appeal_id === null
      ? null
      : {
          id: String(a.appeal_id),
          text: a.appeal_text ?? '',
          status: a.appeal_status ?? 'open',
          answer: a.appeal_answer,
          createdAt: (a.appeal_created_at ?? a.created_at).toISOString(),
          answeredAt: iso(a.appeal_answered_at),
        },
  can: { appeal: a.appeal_id === null && a.reversed_at === null && APPEALABLE.has(a.kind) },
});

export const presentAppeal = (ap: AppealRow, action: ActionRow, d: Descriptions): AppealItem => ({
  id: String(ap.id),
  text: ap.text,
  status: ap.status,
  answer: ap.answer,
  createdAt: ap.created_at.toISOString(),
  answeredAt: iso(ap.answered_at),
  person: personOf(ap.user_id, ap.username, ap.display_name, ap.public_fields),
  action: presentAction(action, d),
});
