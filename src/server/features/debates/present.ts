// Debates as the API shows them: explicit whitelists, Markdown rendered and sanitized.
import type { CurrentUser } from '../../http/context';
import { hasRole } from '../../http/permissions';
import { renderMarkdown } from '../../markdown/render';
import type { ArgumentRow, DebateRow } from './repo';
import type { firstCommentPages } from '../conversations/service';
import { hiddenView } from '../moderation/visibility';

type Replies = Awaited<ReturnType<typeof firstCommentPages>>;

const person = (username: string | null, displayName: string | null) =>
  username ? { username, displayName: displayName || username } : null;

export const canCloseDebate = (user: CurrentUser | null, d: Pick<DebateRow, 'opener_id'>) =>
  !!user && (user.id === d.opener_id || hasRole(user, 'moderator') || hasRole(user, 'admin'));

export const presentDebate = (d: DebateRow) => ({
  id: String(d.id),
  title: d.title,
  language: d.language,
  status: d.status,
  opener: person(d.opener_username, d.opener_display_name),
  createdAt: d.created_at.toISOString(),
  closedAt: d.closed_at ? d.closed_at.toISOString() : null,
  argumentCount: Number(d.argument_count),
});

export function presentArgument(a: ArgumentRow, replies: Replies, viewer: CurrentUser | null) {
  // Hidden by moderation: a placeholder with the reason; the text only for its author and moderators.
  const { hidden, readable } = hiddenView(a, viewer, a.author_id);
  return {
    id: String(a.id),
    stance: a.stance,
    bodyHtml: readable ? renderMarkdown(a.body) : '',
    hidden,
    author: person(a.author_username, a.author_display_name),
    createdAt: a.created_at.toISOString(),
    supports: Number(a.supports),
    supported: !!a.supported,
    replies: replies.get(a.id) ?? { items: [], next: null },
  };
}

export function presentDebateDetail(d: DebateRow, args: ArgumentRow[], replies: Replies, viewer: CurrentUser | null) {
  // A hidden debate shows its placeholder and reason; its opener and moderators still read all of it.
  const { hidden, readable } = hiddenView(d, viewer, d.opener_id);
  const open = d.status === 'open' && readable;
  const byStance = (s: ArgumentRow['stance']) => (readable ? args.filter((a) => a.stance === s).map((a) => presentArgument(a, replies, viewer)) : []);
  return {
    ...presentDebate(d),
    title: readable ? d.title : '',
    hidden,
    framingHtml: readable ? renderMarkdown(d.framing) : '',
    conclusionHtml: d.conclusion === null || !readable ? null : renderMarkdown(d.conclusion),
    closedBy: person(d.closer_username, d.closer_display_name),
    arguments: { for: byStance('for'), against: byStance('against'), neutral: byStance('neutral') },
    can: { argue: !!viewer && open, support: !!viewer && open, close: open && canCloseDebate(viewer, d) },
  };
}
