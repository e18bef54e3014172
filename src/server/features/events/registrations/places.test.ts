import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app';
import { openDatabase } from '../../../db/connection';
import { TestClient } from '../../../testing/client';
import { testApp, testConfig, testDbKind, testSchema } from '../../../testing/harness';
import { makeEvent, registrationsUrl, someone, told } from './testing';

beforeAll(() => testApp(), 120_000);

describe('places under concurrent registrations', () => {
  it('gives 20 concurrent registrations for 5 places 5 registered and 15 waiting, in order; a cancellation promotes one', async () => {
    const app = await testApp();
    const org = await someone(app);
    const ev = await makeEvent(app, { createdBy: org.userId, capacity: 5 });
    const people = await Promise.all(Array.from({ length: 20 }, () => someone(app, 'race')));
    // On PostgreSQL, half the requests go through a second app instance with its own connections.
    let second: { close: () => Promise<void>; app: Awaited<ReturnType<typeof testApp>> } | null = null;
    if (testDbKind() === 'postgres') {
      const handle = await openDatabase({
        databaseUrl: process.env.TEST_DATABASE_URL!,
        schema: testSchema(),
        dataDir: null,
      });
      const other = await buildApp({ pages: false, config: testConfig(), db: handle.db });
      await other.ready();
      second = {
        app: other,
        close: async () => {
          await other.close();
          await handle.close();
        },
      };
    }
    try {
      const answers = await Promise.all(
        people.map((p, n) => {
          const client =
            second && n % 2 === 1 ? Object.assign(new TestClient(second.app), { cookies: p.cookies, csrf: p.csrf }) : p;
          return client.post(registrationsUrl(ev), {});
        }),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
      expect(answers.filter((a) => a.body.status === 'registered')).toHaveLength(5);
      expect(answers.filter((a) => a.body.status === 'waiting')).toHaveLength(15);
      const rows = await app.db
        .selectFrom('event_registrations')
        .select(['id', 'status', 'user_id'])
        .where('event_id', '=', Number(ev.id))
        .orderBy('id')
        .execute();
      // In the order places were taken: the first five rows registered, every later one waiting.
      expect(rows.map((r) => r.status)).toEqual([...Array(5).fill('registered'), ...Array(15).fill('waiting')]);
      const firstIn = rows[0]!;
      const firstWaiting = rows[5]!;
      const owner = people.find((p) => p.userId === firstIn.user_id)!;
      expect((await owner.delete(`${registrationsUrl(ev)}/${firstIn.id}`)).status).toBe(204);
      const after = await app.db
        .selectFrom('event_registrations')
        .select(['id', 'status'])
        .where('event_id', '=', Number(ev.id))
        .where('status', '=', 'registered')
        .orderBy('id')
        .execute();
      expect(after).toHaveLength(5);
      expect(after.map((r) => r.id)).toContain(firstWaiting.id);
      expect(await told(app, firstWaiting.user_id, 'event_place')).toHaveLength(1);
    } finally {
      await second?.close();
    }
  }, 90_000);
});
