// Debates as the API shows them: explicit whitelists, Markdown rendered and sanitized.
import type { CommentList } from '../../../contracts/conversations';
import type { ArgumentItem, DebateDetail, DebateItem, Stance } from '../../../contracts/debates';
import type { CurrentUser } from '../../http/context';
import { storedExcerpt, storedHtml } from '../../markdown/stored';
import { hiddenView } from '../moderation';
import { presentJoinedPerson } from '../people';
import { canCloseDebate } from './policy';
import type { ArgumentRow, DebateRow } from './repo';

/** The first page of replies under each argument, by argument id. */
type Replies = Map<number, CommentList>;

export const presentDebate = (d: DebateRow): DebateItem => ({
  id: String(d.id),
  title: d.title,
  language: d.language,
  status: d.status,
  opener: presentJoinedPerson(d.opener_username, d.opener_display_name, d.opener_public_fields),
  createdAt: d.created_at.toISOString(),
  closedAt: d.closed_at ? d.closed_at.toISOString() : null,
  argumentCount: Number(d.argument_count),
});

export function presentArgument(a: ArgumentRow, replies: Replies, viewer: CurrentUser | null): ArgumentItem {
  // Hidden by moderation: a placeholder with the reason; the text only for its author and moderators.
  const { hidden, readable } = hiddenView(a, viewer, a.author_id);
  return {
    id: String(a.id),
    stance: a.stance,
    bodyHtml: readable ? storedHtml(a.body, a.body_html, a.html_version) : '',
    excerpt: readable ? storedExcerpt(a.body, a.body_lead, a.html_version, 60) : '',
    hidden,
    author: presentJoinedPerson(a.author_username, a.author_display_name, a.author_public_fields),
    createdAt: a.created_at.toISOString(),
    supports: Number(a.supports),
    supported: !!a.supported,
    replies: replies.get(a.id) ?? { items: [], next: null },
  };
}

export function presentDebateDetail(
  d: DebateRow,
  args: ArgumentRow[],
  replies: Replies,
  viewer: CurrentUser | null,
): DebateDetail {
  // A hidden debate shows its placeholder and reason; its opener and moderators still read all of it.
  const { hidden, readable } = hiddenView(d, viewer, d.opener_id);
  const open = d.status === 'open' && readable;
  const byStance = (s: Stance) =>
    readable ? args.filter((a) => a.stance === s).map((a) => presentArgument(a, replies, viewer)) : [];
  return {
    ...presentDebate(d),
    title: readable ? d.title : '',
    hidden,
    framingHtml: readable ? storedHtml(d.framing, d.framing_html, d.html_version) : '',
    conclusionHtml:
      d.conclusion === null || !readable ? null : storedHtml(d.conclusion, d.conclusion_html, d.html_version),
    closedBy: presentJoinedPerson(d.closer_username, d.closer_display_name, d.closer_public_fields),
    arguments: { for: byStance('for'), against: byStance('against'), neutral: byStance('neutral') },
    can: { argue: !!viewer && open, support: !!viewer && open, close: open && canCloseDebate(viewer, d) },
  };
}
