// The text of notification e-mails, in the person's interface language: one notification at once, or a digest
// that groups entries by item (items with the newest entry first, entries newest first), each with its absolute
// link. Plain text, so it reads in any mail program and on a slow connection.
import { isUiLanguage, type UiLanguage } from '../../../contracts/languages';
import { translator, type Translate } from '../../http/i18n';
import { presentPersonRef } from '../people';
import type { Kind } from './kinds';
import type { MailRow } from './mail-repo';

export interface Recipient {
  email: string;
  name: string;
  lang: UiLanguage;
  timeZone: string;
}

export const recipientOf = (r: MailRow): Recipient => ({
  email: r.email ?? '',
  name: r.display_name || r.username,
  lang: r.ui_language && isUiLanguage(r.ui_language) ? r.ui_language : 'en',
  timeZone: validZone(r.time_zone) ?? 'UTC',
});

function validZone(zone: string | null): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function when(d: Date, lang: string, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(key, f);
  }
  return f.format(d);
}

/** The message key of a notification's sentence ($1 the actor, $2 the item's title, $3 the object's title). */
export function sentenceKey(kind: Kind, objectType: string | null): string {
  // An answered sign-up says how it was answered: its object is the acceptance or the refusal.
  if (kind === 'signup_answered' && objectType && /^(signup|help|lead)_(accepted|declined)$/.test(objectType))
    return `notifications-text-${objectType.replace(/_/g, '-')}`;
  if (kind === 'activity') {
    if (objectType === 'argument') return 'notifications-text-argument';
    if (objectType === 'debate') return 'notifications-text-debate-opened';
    if (objectType === 'update') return 'notifications-text-update';
    return 'notifications-text-comment';
  }
  return `notifications-text-${kind.replace(/_/g, '-')}`;
}

/** Who did it, as the API names them (a hidden display name shows as the username). */
const actorName = (t: Translate, r: MailRow) =>
  r.actor_username
    ? presentPersonRef({
        username: r.actor_username,
        display_name: r.actor_display_name,
        public_fields: r.actor_public_fields ?? [],
      }).displayName
    : t('notifications-someone');

const sentence = (t: Translate, r: MailRow) =>
  t(sentenceKey(r.kind as Kind, r.object_type), actorName(t, r), r.subject_title, r.object_title ?? '');

const absolute = (baseUrl: string, path: string) => `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;

export interface MailText {
  subject: string;
  text: string;
}

/** One notification, sent at once. */
export function immediateMail(r: MailRow, baseUrl: string): MailText {
  const to = recipientOf(r);
  const t = translator(to.lang);
  const line = sentence(t, r);
  return {
    subject: line,
    text: [
      t('notifications-mail-greeting', to.name),
      '',
      line,
      absolute(baseUrl, r.link),
      '',
      '-- ',
      t('notifications-mail-footer-immediately', t('site-name')),
      absolute(baseUrl, '/settings#notification-settings'),
      '',
    ].join('\n'),
  };
}

/** Entries shown in one digest; the rest are counted and found on the notifications page. */
export const DIGEST_MAX_ENTRIES = 50;

/** A digest of one person's notifications (newest first, as given). */
export function digestMail(rows: MailRow[], frequency: 'daily' | 'weekly', baseUrl: string): MailText {
  const [first] = rows;
  if (!first) throw new Error('a digest of no notifications');
  const to = recipientOf(first);
  const t = translator(to.lang);
  const shown = rows.slice(0, DIGEST_MAX_ENTRIES);
  // Items in the order of their newest entry; a Map keeps insertion order.
  const groups = new Map<string, MailRow[]>();
  for (const r of shown) {
    const key = `${r.subject_type}:${r.subject_id}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const lines = [
    t('notifications-mail-greeting', to.name),
    '',
    t('notifications-mail-digest-intro', rows.length, t('site-name')),
    '',
  ];
  for (const entries of groups.values()) {
    const [item] = entries;
    if (!item) continue;
    lines.push(`== ${item.subject_title} ==`, absolute(baseUrl, item.subject_link));
    for (const r of entries) {
      lines.push(`* ${sentence(t, r)} (${when(r.created_at, to.lang, to.timeZone)})`, `  ${absolute(baseUrl, r.link)}`);
    }
    lines.push('');
  }
  if (rows.length > shown.length)
    lines.push(
      t('notifications-mail-digest-more', rows.length - shown.length),
      absolute(baseUrl, '/notifications'),
      '',
    );
  lines.push(
    '-- ',
    t(`notifications-mail-footer-${frequency}`, t('site-name')),
    absolute(baseUrl, '/settings#notification-settings'),
    '',
  );
  return {
    subject: t(`notifications-mail-digest-subject-${frequency}`, rows.length, t('site-name')),
    text: lines.join('\n'),
  };
}
