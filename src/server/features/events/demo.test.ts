import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { demoSteps } from '../../demo-steps';
import { loadDemoCommunities } from '../communities';
import { loadDemoEvents } from './demo';

describe('demo events', () => {
  it('a two-slot monthly ambassadors’ call with a private registration, a training with a guest speaker, past notes', async () => {
    expect(demoSteps.indexOf(loadDemoEvents)).toBeGreaterThan(demoSteps.indexOf(loadDemoCommunities));
    // Its own in-memory database: the demo's fixed names would meet on the shared one.
    const handle = await openDatabase({ databaseUrl: null });
    try {
      await migrate(handle);
      const db = handle.db;
      await loadDemoEvents(db);
      expect(await db.selectFrom('events').select('id').execute()).toEqual([]);
      await db.transaction().execute(async (trx) => {
        for (const step of demoSteps) await step(trx);
      });
      const events = await db.selectFrom('events').selectAll().orderBy('id').execute();
      expect(events.map((e) => e.kind)).toEqual(['ambassador_meeting', 'training', 'community_call']);
      const [call, training, past] = events;
      expect(call?.rrule).toBe('FREQ=MONTHLY;BYDAY=2TU');
      const slots = await db
        .selectFrom('event_occurrences')
        .select('slot')
        .distinct()
        .where('event_id', '=', call!.id)
        .orderBy('slot')
        .execute();
      expect(slots.map((s) => s.slot)).toEqual([0, 1]);
      const regs = await db.selectFrom('event_registrations').selectAll().where('event_id', '=', call!.id).execute();
      expect(regs.some((r) => r.private)).toBe(true);
      expect(regs.filter((r) => r.series_id !== null).length).toBeGreaterThan(1);
      const speakers = await db.selectFrom('event_speakers').selectAll().where('event_id', '=', training!.id).execute();
      expect(speakers).toEqual([expect.objectContaining({ user_id: null, name: 'Ama Owusu (demo)' })]);
      const notes = await db
        .selectFrom('event_occurrences')
        .select(['notes', 'recording_url', 'walk_ins'])
        .where('event_id', '=', past!.id)
        .executeTakeFirstOrThrow();
      expect(notes.notes).toContain('good mentor');
      expect(notes.recording_url).toMatch(/^https:/);
      expect(notes.walk_ins).toBe(6);
      // The call's next occurrence is ahead, with both slots open for registration.
      const next = await db
        .selectFrom('event_occurrences')
        .select('starts_at')
        .where('event_id', '=', call!.id)
        .where('starts_at', '>', new Date())
        .executeTakeFirst();
      expect(next).toBeDefined();
    } finally {
      await handle.close();
    }
  }, 180_000);
});
