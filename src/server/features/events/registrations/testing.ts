// Test fixtures for taking part in events (registrations, attendance, messages, reminders): people, and events with their occurrences written straight into the
// tables (migration 0020), so registrations, attendance and reminders are tested on their own.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../../app';
import { testConfig, testDatabase, unique } from '../../../testing/harness';
import { grantRole, signedUp, type TestClient } from '../../../testing/client';

export type Person = TestClient & { username: string; userId: number };

export const someone = (app: FastifyInstance, prefix = 'evr'): Promise<Person> => signedUp(app, unique(prefix));

export async function admin(app: FastifyInstance): Promise<Person> {
  const p = await someone(app, 'admin');
  await grantRole(app, p.username, 'admin');
  return p;
}

const HOUR = 3600_000;
const local = (t: Date) => t.toISOString().slice(0, 16);

export interface EventFixture {
  createdBy: number;
  kind?: 'ambassador_meeting' | 'training' | 'workshop' | 'community_call' | 'other';
  title?: string;
  capacity?: number | null;
  rrule?: string | null;
  /** Paired slots beyond the main one (each occurrence gets a row per slot, an hour apart). */
  extraSlots?: number;
  questions?: string[];
  registrationOpen?: boolean;
  closesAt?: Date | null;
  meetingUrl?: string | null;
  announce?: boolean;
  /** Starts of the occurrences (UTC); each lasts an hour. Default: one, ten days ahead. */
  starts?: Date[];
  organizers?: number[];
  communities?: number[];
}

export interface MadeEvent {
  id: string;
  title: string;
  /** Each occurrence's local start (UTC zone) and its rows' ids per slot. */
  occurrences: { occurrence: string; ids: number[]; start: Date }[];
}

export async function makeEvent(app: FastifyInstance, f: EventFixture): Promise<MadeEvent> {
  const starts = f.starts ?? [new Date(Date.now() + 10 * 24 * HOUR)];
  const title = f.title ?? unique('Training ');
  const first = starts[0]!;
  const slots = Array.from({ length: f.extraSlots ?? 0 }, (_, i) => ({
    start: local(new Date(first.getTime() + (i + 1) * 2 * HOUR)),
    end: local(new Date(first.getTime() + ((i + 1) * 2 + 1) * HOUR)),
  }));
  const now = new Date();
  const row = await app.db
    .insertInto('events')
    .values({
      kind: f.kind ?? 'training',
      title,
      description: 'Learn together.',
      timezone: 'UTC',
      start_local: local(first),
      end_local: local(new Date(first.getTime() + HOUR)),
      rrule: f.rrule ?? null,
      slots: JSON.stringify(slots),
      mode: 'online',
      languages: ['en'],
      interpretation: [],
      meeting_url: f.meetingUrl === undefined ? 'https://meet.example.org/room-1' : f.meetingUrl,
      capacity: f.capacity ?? null,
      registration_open: f.registrationOpen ?? true,
      registration_closes_at: f.closesAt ?? null,
      questions: f.questions ?? [],
      agenda: '[]',
      announce: f.announce ?? false,
      created_by: f.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const occurrences: MadeEvent['occurrences'] = [];
  for (const start of starts) {
    const ids: number[] = [];
    for (let slot = 0; slot <= slots.length; slot++) {
      const s = new Date(start.getTime() + slot * 2 * HOUR);
      const o = await app.db
        .insertInto('event_occurrences')
        .values({
          event_id: row.id,
          occurrence: local(start),
          slot,
          starts_at: s,
          ends_at: new Date(s.getTime() + HOUR),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(o.id);
    }
    occurrences.push({ occurrence: local(start), ids, start });
  }
  // The maker is among the organizers, as the core's create makes them.
  for (const userId of new Set([f.createdBy, ...(f.organizers ?? [])]))
    await app.db
      .insertInto('event_organizers')
      .values({ event_id: row.id, user_id: userId, community_id: null })
      .execute();
  for (const communityId of f.communities ?? [])
    await app.db
      .insertInto('event_organizers')
      .values({ event_id: row.id, user_id: null, community_id: communityId })
      .execute();
  return { id: String(row.id), title, occurrences };
}

/** A group, with coordinators and ambassadors (terms from `since`, current). */
export async function group(
  app: FastifyInstance,
  people: { coordinators?: number[]; ambassadors?: number[]; since?: string } = {},
) {
  const name = unique('Events group ');
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const g = await app.db
    .insertInto('communities')
    .values({ slug, name, name_key: name.toLowerCase(), kind: 'user_group', region: 'SA' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of people.coordinators ?? [])
    await app.db
      .insertInto('community_members')
      .values({ community_id: g.id, user_id: userId, role: 'coordinator', joined_at: new Date() })
      .execute();
  for (const userId of people.ambassadors ?? [])
    await app.db
      .insertInto('ambassador_terms')
      .values({ community_id: g.id, user_id: userId, start_date: people.since ?? '2020-01-01', end_date: null })
      .execute();
  return { id: g.id, slug, name };
}

/** Notifications of a kind a person got (read from the table). */
export async function told(app: FastifyInstance, userId: number, kind: string) {
  return app.db
    .selectFrom('notifications as n')
    .innerJoin('notification_events as e', 'e.id', 'n.event_id')
    .select(['e.link', 'e.subject_title', 'e.type'])
    .where('n.user_id', '=', userId)
    .where('n.kind', '=', kind)
    .execute();
}

export async function auditCount(app: FastifyInstance, action: string, actorId: number) {
  const row = await app.db
    .selectFrom('audit_log')
    .select(sql<string>`count(*)`.as('n'))
    .where('action', '=', action)
    .where('actor_id', '=', actorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An app on the worker's database whose clock the test sets (close it at the end). */
export async function clockedApp(start = new Date()) {
  const clock = { at: start, now: () => clock.at };
  const { db } = await testDatabase();
  const app = await buildApp({ pages: false, config: testConfig(), db, clock });
  await app.ready();
  return { app, clock };
}

export const registrationsUrl = (e: { id: string }) => `/api/v1/events/${e.id}/registrations`;
