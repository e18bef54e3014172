// Loader of /events/new and /events/<id>/edit: the choices the form offers (languages, groups, whether the
// person may make an ambassador meeting: admins and current ambassadors) and, for editing, the event.
import type { LoadContext } from '../../../state';
import type { EventDetail } from '../../../../contracts/events';
import type { PersonAnswer } from '../../../../contracts/people';
import { allLanguages, type LanguageChoice } from '../../communities';
import { emptyForm, formOf, type EventForm } from './form';

export interface EventFormData {
  signedIn: boolean;
  /** The event edited, null when making one. */
  id: string | null;
  title: string;
  mayAmbassador: boolean;
  /** Whether the person may change the event (organizers and admins); always true when making one. */
  manage: boolean;
  languages: LanguageChoice[];
  communities: { slug: string; name: string }[];
  form: EventForm;
}

export async function loadEventForm(ctx: LoadContext): Promise<EventFormData> {
  const { user, timeZone } = ctx.state;
  const id = ctx.route.params.id === undefined ? null : String(ctx.route.params.id);
  const empty = {
    id,
    title: '',
    mayAmbassador: false,
    manage: false,
    languages: [],
    communities: [],
    form: emptyForm(timeZone),
  };
  if (!user) return { signedIn: false, ...empty };
  const [groups, person, event] = await Promise.all([
    ctx.api.get<{ items: { slug: string; name: string }[] }>('/communities?limit=100'),
    user.roles.includes('admin')
      ? null
      : ctx.api.get<PersonAnswer>(`/people/${encodeURIComponent(user.username.replace(/ /g, '_'))}`),
    id ? ctx.api.get<EventDetail>(`/events/${id}`) : null,
  ]);
  // Organizers read the meeting link from its own answer, never kept (DECISIONS 14).
  const meeting =
    event?.can.manage && event.hasMeetingLink
      ? await ctx.api.get<{ url: string | null }>(`/events/${id}/meeting-link`)
      : null;
  return {
    signedIn: true,
    id,
    title: event?.title ?? '',
    mayAmbassador: !person || person.ambassadorTerms.some((t) => t.current),
    manage: event ? event.can.manage : true,
    languages: allLanguages(ctx.state.lang),
    communities: groups.items.map((g) => ({ slug: g.slug, name: g.name })),
    form: event ? formOf(event, meeting?.url ?? null) : emptyForm(timeZone),
  };
}
