// Demo events, clearly marked as demo, made through the same use cases people call, at dates relative to today:
// the ambassadors' monthly call in two slots (06:00 and 16:00 UTC, so every hemisphere has a daytime one) whose
// last occurrence is past with notes and attendance, and its next has registrations (one private); a training
// with an external guest speaker in ten days (naming a demo course when there is one); and a community call
// twenty days ago with notes, a recording and follow-up actions. Without demo people it does nothing.
import { usernameKey } from '../../../contracts/usernames';
import type { Db } from '../../db/connection';
import type { Ctx } from '../../http/context';
import { translator } from '../../http/i18n';
import { demoUsername } from '../people';
import { putAttendance, putNotes } from './attendance/service';
import { register } from './registrations/service';
import { createEvent } from './series/service';
import { instantToLocal, zonedToInstant } from './time/zoned';

const DAY = 86_400_000;

const demoCtx = (db: Db, actor: { id: number; username: string }, now: Date): Ctx =>
  ({
    actor: { ...actor, displayName: actor.username, roles: [], timeZone: null, uiLanguage: null },
    via: 'session',
    sessionId: null,
    ip: null,
    lang: 'en',
    t: translator('en'),
    db,
    now,
  }) as unknown as Ctx;

/** The second Tuesday of the month of `d` (UTC), as 'YYYY-MM-DD'. */
function secondTuesday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month, 1));
  const toTuesday = (2 - first.getUTCDay() + 7) % 7;
  return new Date(first.getTime() + (toTuesday + 7) * DAY).toISOString().slice(0, 10);
}

export async function loadDemoEvents(db: Db): Promise<void> {
  const people = await db
    .selectFrom('users')
    .select(['id', 'username', 'username_key'])
    .where('is_demo', '=', true)
    .execute();
  const who = (name: string) => {
    const row = people.find((p) => p.username_key === usernameKey(demoUsername(name)));
    if (!row) throw new Error(`demo person missing: ${name}`);
    return { id: row.id, username: row.username };
  };
  if (!people.length) return;
  const now = new Date();
  const groupSlug = async (name: string) =>
    (await db.selectFrom('communities').select('slug').where('name', '=', `${name} (demo)`).executeTakeFirst())?.slug;

  // The ambassadors' call: from the second Tuesday of last month (its 16:00 slot is past by now or soon).
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  let first = secondTuesday(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth());
  if (zonedToInstant(`${first}T17:00`, 'UTC').getTime() > now.getTime()) {
    const before = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
    first = secondTuesday(before.getUTCFullYear(), before.getUTCMonth());
  }
  const lucia = who('Lucía Fernández');
  const madeAt = new Date(zonedToInstant(`${first}T06:00`, 'UTC').getTime() - 14 * DAY);
  const call = await createEvent(demoCtx(db, lucia, madeAt), {
    kind: 'ambassador_meeting',
    title: 'Ambassadors’ monthly call (demo)',
    description:
      'Every second Tuesday, ambassadors of partner groups share what their communities are doing and plan the next steps together. Pick the slot that falls in your day.',
    start: `${first}T06:00`,
    end: `${first}T07:00`,
    timezone: 'UTC',
    mode: 'online',
    recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
    slots: [{ start: `${first}T16:00`, end: `${first}T17:00` }],
    languages: ['en', 'es'],
    interpretation: ['ar'],
    meetingUrl: 'https://meet.example.org/ldn-ambassadors-demo',
    chatUrl: 'https://t.me/example_ldn_demo',
    agenda: [
      { title: 'Round of news from the groups', minutes: 25 },
      { title: 'Initiatives looking for collaborators', minutes: 20 },
      { title: 'Next steps', minutes: 15 },
    ],
    registration: { open: true },
    announce: true,
  });
  const asOf = (person: { id: number; username: string }, at = madeAt) => demoCtx(db, person, at);
  await register(asOf(lucia), call.id, { series: true, slot: 1 });
  await register(asOf(who('João Pereira')), call.id, { occurrence: `${first}T06:00`, slot: 1, private: true });
  await register(asOf(who('Yasmin Haddad')), call.id, { occurrence: `${first}T06:00` });
  await register(asOf(who('Amina Diallo')), call.id, { occurrence: `${first}T06:00`, slot: 1 });
  if (zonedToInstant(`${first}T17:00`, 'UTC').getTime() < now.getTime()) {
    await putAttendance(asOf(lucia, now), call.id, `${first}T06:00`, {
      present: [who('Yasmin Haddad').username],
      walkIns: 1,
    });
    await putAttendance(asOf(lucia, now), call.id, `${first}T06:00`, {
      present: [lucia.username, who('João Pereira').username, who('Amina Diallo').username],
      slot: 1,
    });
    await putNotes(asOf(lucia, now), call.id, `${first}T06:00`, {
      notes:
        '- The Andean Wikimedians ran their first mentoring circle.\n- Two groups asked for help translating the LDP.\n- We agreed to try a shared calendar of trainings.',
      followUp: '- Lucía shares the translation sprint plan.\n- Everyone brings one initiative idea next month.',
      slot: 1,
    });
  }

  // A training with an external guest speaker, in ten days at 15:00 in Berlin.
  const trainingDay = instantToLocal(new Date(now.getTime() + 10 * DAY), 'Europe/Berlin').slice(0, 10);
  const amina = who('Amina Diallo');
  const course = await db
    .selectFrom('courses')
    .select('id')
    .orderBy('id')
    .executeTakeFirst()
    .catch(() => undefined);
  const sahel = await groupSlug('Sahel Free Knowledge');
  const training = await createEvent(demoCtx(db, amina, now), {
    kind: 'training',
    title: 'Facilitating online workshops (demo)',
    description:
      'How to plan, run and follow up an online workshop that newcomers enjoy: timing, breakout rooms, and how to make everyone speak at least once.',
    start: `${trainingDay}T15:00`,
    end: `${trainingDay}T16:30`,
    timezone: 'Europe/Berlin',
    mode: 'online',
    languages: ['en', 'fr'],
    organizers: sahel ? { communities: [sahel] } : undefined,
    speakers: [
      {
        name: 'Ama Owusu (demo)',
        affiliation: 'Accra Facilitators Collective (fictional)',
        bio: 'Has facilitated some two hundred online workshops for volunteer groups.',
        link: 'https://example.org/ama-owusu-demo',
      },
    ],
    agenda: [
      { title: 'Welcome and warm-up', minutes: 10 },
      { title: 'Planning a workshop', minutes: 30 },
      { title: 'Practice in small groups', minutes: 40 },
      { title: 'Questions', minutes: 10 },
    ],
    capacity: 25,
    registration: { open: true, questions: ['affiliation', 'confidence'] },
    meetingUrl: 'https://meet.example.org/facilitation-demo',
    course: course ? String(course.id) : null,
  });
  await register(demoCtx(db, who('Kwame Mensah'), now), training.id, {
    answers: { affiliation: 'user_group', confidence: 'somewhat_confident' },
  });

  // A community call twenty days ago, with its notes, recording and follow-up actions.
  const callDay = new Date(now.getTime() - 20 * DAY).toISOString().slice(0, 10);
  const omar = who('Omar Farouk');
  const past = await createEvent(demoCtx(db, omar, new Date(now.getTime() - 30 * DAY)), {
    kind: 'community_call',
    title: 'LDN community call: what makes a good mentor? (demo)',
    description: 'An open call for anyone in the network.',
    start: `${callDay}T14:00`,
    end: `${callDay}T15:00`,
    timezone: 'UTC',
    mode: 'online',
    languages: ['en', 'ar'],
    registration: { open: true },
    meetingUrl: 'https://meet.example.org/community-call-demo',
  });
  const yasmin = who('Yasmin Haddad');
  await register(demoCtx(db, yasmin, new Date(now.getTime() - 25 * DAY)), past.id, {});
  await putAttendance(demoCtx(db, omar, now), past.id, `${callDay}T14:00`, { present: [yasmin.username], walkIns: 6 });
  await putNotes(demoCtx(db, omar, now), past.id, `${callDay}T14:00`, {
    notes:
      'Seven people joined. A good mentor **listens first**, shares their own mistakes, and lets the mentee lead the project.',
    recordingUrl: 'https://example.org/recordings/community-call-demo',
    followUp: '- Collect mentoring stories for the next update.\n- Draft a short guide for first-time mentors.',
  });
}
