// Reports: filing one (signed-in people, once while open), bad input, privacy of the reporter, the moderators'
// queue and closing reports; content hidden automatically after reports from members with week-old accounts.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, unique } from '../../testing/harness';
import { TestClient, type Answer } from '../../testing/client';
import { DAY, appWithClock, auditActions, itemsBy, member, withRole, type Person } from './testing';

async function reportCount(app: FastifyInstance, reporterId: number) {
  const row = await app.db
    .selectFrom('moderation_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reporter_id', '=', reporterId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('filing a report', () => {
  it('takes a report of each kind of content and of a person, answers 201 with the report, and audits it', async () => {
    const app = await testApp();
    const author = await member(app);
    const items = await itemsBy(app, author);
    const reporter = await member(app);
    const subjects = [
      { type: 'comment', id: items.commentId },
      { type: 'argument', id: items.argumentId },
      { type: 'debate', id: items.debateId },
      { type: 'update', id: items.updateId },
      { type: 'person', id: String(author.userId) },
    ];
    for (const subject of subjects) {
      const res = await reporter.post('/api/v1/reports', {
        subject,
        reason: 'harassment',
        text: 'Insults in the second paragraph',
      });
      expect(res.status, subject.type).toBe(201);
      expect(res.body).toMatchObject({
        subject,
        reason: 'harassment',
        text: 'Insults in the second paragraph',
        status: 'open',
      });
      expect(await auditActions(app, 'report.create', res.body.id)).toEqual([
        expect.objectContaining({ actor_id: reporter.userId }),
      ]);
    }
    // Spam needs no explanation; "other" does.
    const other = await member(app);
    expect(
      (await other.post('/api/v1/reports', { subject: { type: 'comment', id: items.commentId }, reason: 'spam' }))
        .status,
    ).toBe(201);
  });

  it('refuses anonymous people with 401 and writes nothing', async () => {
    const app = await testApp();
    const author = await member(app);
    const { commentId } = await itemsBy(app, author);
    const anon = await new TestClient(app).start();
    expect(
      (await anon.post('/api/v1/reports', { subject: { type: 'comment', id: commentId }, reason: 'spam', text: '' }))
        .status,
    ).toBe(401);
    const rows = await app.db
      .selectFrom('moderation_reports')
      .select('id')
      .where('subject_type', '=', 'comment')
      .where('subject_id', '=', Number(commentId))
      .execute();
    expect(rows).toEqual([]);
  });

  it('answers bad input with 400 or 404 naming the field, writing nothing', async () => {
    const app = await testApp();
    const author = await member(app);
    const { commentId } = await itemsBy(app, author);
    const reporter = await member(app);
    const subject = { type: 'comment', id: commentId };
    const cases: [unknown, number, string][] = [
      [{ subject, reason: 'rude', text: 'x' }, 400, 'reason'],
      [{ subject, text: 'x' }, 400, 'reason'],
      [{ subject, reason: 'spam', text: 'x'.repeat(2001) }, 400, 'text'],
      [{ subject, reason: 'other', text: '  ' }, 400, 'text'],
      [{ subject, reason: 'spam', text: 'x', extra: true }, 400, 'extra'],
      [{ reason: 'spam', text: 'x' }, 400, 'subject'],
      [{ subject: { type: 'planet', id: '1' }, reason: 'spam', text: 'x' }, 400, 'subject.type'],
      [{ subject: { type: 'comment', id: '999999999' }, reason: 'spam', text: 'x' }, 404, 'subject'],
      [{ subject: { type: 'person', id: 'nobody' }, reason: 'spam', text: 'x' }, 404, 'subject'],
      [{ subject: { type: 'comment', id: commentId }, reason: 'spam', text: 'x', reporter: 1 }, 400, 'reporter'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await reporter.post('/api/v1/reports', payload);
      expect(res.status, JSON.stringify(payload).slice(0, 90)).toBe(status);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // One's own content and oneself cannot be reported.
    const own = await author.post('/api/v1/reports', { subject, reason: 'spam', text: 'x' });
    expect(own.status).toBe(400);
    expect(
      (
        await author.post('/api/v1/reports', {
          subject: { type: 'person', id: String(author.userId) },
          reason: 'spam',
          text: 'x',
        })
      ).status,
    ).toBe(400);
    expect(await reportCount(app, reporter.userId)).toBe(0);
  });

  it('takes one open report per person and item: a repeat is 409; after the report is closed a new one is taken', async () => {
    const app = await testApp();
    const author = await member(app);
    const { commentId } = await itemsBy(app, author);
    const reporter = await member(app);
    const moderator = await withRole(app, 'moderator');
    const subject = { type: 'comment', id: commentId };
    const first = await reporter.post('/api/v1/reports', { subject, reason: 'spam', text: 'Ads' });
    expect(first.status).toBe(201);
    const again = await reporter.post('/api/v1/reports', { subject, reason: 'harassment', text: 'And rude' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ field: 'subject', message: expect.stringMatching(/already reported/) }]);
    expect(await reportCount(app, reporter.userId)).toBe(1);
    expect(
      (
        await moderator.post(`/api/v1/moderation/reports/${first.body.id}/close`, {
          outcome: 'dismissed',
          note: 'Not spam',
        })
      ).status,
    ).toBe(200);
    expect((await reporter.post('/api/v1/reports', { subject, reason: 'harassment', text: 'Rude now' })).status).toBe(
      201,
    );
  });
});

describe('privacy of reports', () => {
  it('never shows the reported person who reported them, in any answer they can read', async () => {
    const app = await testApp();
    const author = await member(app);
    const items = await itemsBy(app, author);
    const reporterName = unique('Secret Reporter ');
    const reporters = [await member(app, reporterName), await member(app), await member(app)];
    for (const r of reporters) {
      expect(
        (
          await r.post('/api/v1/reports', {
            subject: { type: 'comment', id: items.commentId },
            reason: 'harassment',
            text: 'Mean',
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await r.post('/api/v1/reports', {
            subject: { type: 'person', id: String(author.userId) },
            reason: 'harassment',
            text: 'Mean',
          })
        ).status,
      ).toBe(201);
    }
    // A moderator hides the comment from the queue, so an action and its reports exist around the author.
    const moderator = await withRole(app, 'moderator');
    expect(
      (
        await moderator.post('/api/v1/moderation/hide', {
          subject: { type: 'comment', id: items.commentId },
          reason: 'Insults',
        })
      ).status,
    ).toBe(201);
    const answers = [
      await author.get('/api/v1/me/moderation'),
      await author.get(`/api/v1/comments?subjectType=update&subjectId=${items.updateId}`),
      await author.get(`/api/v1/debates/${items.debateId}`),
      await author.get(`/api/v1/updates/${items.updateId}`),
      await author.get(`/api/v1/people/${encodeURIComponent(author.username.replace(/ /g, '_'))}`),
      await author.get('/api/v1/session'),
      await author.get('/api/v1/moderation/reports'),
      await author.get('/api/v1/moderation/log'),
      await author.get('/api/v1/notifications'),
    ];
    expect(answers[0]?.status).toBe(200);
    expect(answers[0]?.body.items[0]).toMatchObject({
      kind: 'hide',
      reason: 'Insults',
      subject: { type: 'comment', id: items.commentId },
    });
    for (const a of answers) {
      expect(a.text).not.toContain(reporterName);
      for (const r of reporters) expect(a.text).not.toMatch(new RegExp(`"(id|reporterId|userId)":"${r.userId}"`));
    }
    // The moderator does see who reported.
    const queue = await moderator.get('/api/v1/moderation/reports?status=closed&limit=100');
    expect(queue.text).toContain(reporterName);
  });
});

describe('the moderators’ queue', () => {
  it('lists open reports oldest first with the item and its owner, pages by cursor, and lists closed ones apart', async () => {
    const app = await testApp();
    const author = await member(app);
    const items = await itemsBy(app, author);
    const moderator = await withRole(app, 'moderator');
    const reporters = [await member(app), await member(app), await member(app)] as const;
    const ids: string[] = [];
    for (const r of reporters)
      ids.push(
        (
          await r.post('/api/v1/reports', {
            subject: { type: 'argument', id: items.argumentId },
            reason: 'off_topic',
            text: 'Not about the question',
          })
        ).body.id,
      );
    const seen: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: Answer<{ items: { id: string }[]; next: string | null }> = await moderator.get(
        `/api/v1/moderation/reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.next;
    } while (cursor);
    const mine = seen.filter((r) => ids.includes(r.id));
    expect(mine.map((r) => r.id)).toEqual(ids);
    expect(mine[0]).toMatchObject({
      subject: {
        type: 'argument',
        id: items.argumentId,
        link: expect.stringContaining(`/debates/${items.debateId}#argument-`),
      },
      owner: { username: author.username },
      reporter: { username: reporters[0].username },
      reason: 'off_topic',
      status: 'open',
      openReports: 3,
      hidden: null,
    });
    const closed = await moderator.post(`/api/v1/moderation/reports/${ids[0]}/close`, {
      outcome: 'resolved',
      note: 'Talked to them',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'resolved', note: 'Talked to them', openReports: 2 });
    expect((await moderator.post(`/api/v1/moderation/reports/${ids[0]}/close`, { outcome: 'dismissed' })).status).toBe(
      409,
    );
    expect((await moderator.post(`/api/v1/moderation/reports/${ids[1]}/close`, { outcome: 'maybe' })).status).toBe(400);
    expect((await moderator.post('/api/v1/moderation/reports/99999999/close', { outcome: 'resolved' })).status).toBe(
      404,
    );
    const open = await moderator.get('/api/v1/moderation/reports?status=open&limit=100');
    expect(open.body.items.map((r: { id: string }) => r.id)).not.toContain(ids[0]);
    const done = await moderator.get('/api/v1/moderation/reports?status=closed&limit=100');
    expect(done.body.items.map((r: { id: string }) => r.id)).toContain(ids[0]);
    expect((await moderator.get('/api/v1/moderation/reports?cursor=nonsense')).status).toBe(400);
    expect(await auditActions(app, 'moderation.report.close', ids[0])).toHaveLength(1);
  });
});

describe('hiding after reports', () => {
  async function setting(threshold?: number) {
    const { app, advance } = await appWithClock(
      threshold ? { moderation: { reportHideThreshold: threshold, reporterMinAgeDays: 7 } } : {},
    );
    const author = await member(app);
    const items = await itemsBy(app, author);
    const reporters = [await member(app), await member(app), await member(app), await member(app)] as const;
    const moderator = await withRole(app, 'moderator');
    const thread = () => new TestClient(app).get(`/api/v1/comments?subjectType=update&subjectId=${items.updateId}`);
    const report = (r: Person) =>
      r.post('/api/v1/reports', {
        subject: { type: 'comment', id: items.commentId },
        reason: 'harassment',
        text: 'Rude',
      });
    return { app, advance, author, items, reporters, moderator, thread, report };
  }

  it('hides content once three members whose accounts are a week old reported it, until a moderator reviews it', async () => {
    const { app, advance, items, reporters, thread, report, moderator } = await setting();
    // Reports from accounts younger than a week do not count.
    expect((await report(reporters[0])).status).toBe(201);
    advance(8 * DAY);
    expect((await report(reporters[1])).status).toBe(201);
    expect((await report(reporters[2])).status).toBe(201);
    expect((await thread()).body.items[0].hidden).toBeNull();
    expect((await report(reporters[3])).status).toBe(201);
    const shown = (await thread()).body.items[0];
    expect(shown).toMatchObject({ hidden: { reason: '', automatic: true }, body: '', bodyHtml: '' });
    expect(await auditActions(app, 'moderation.auto_hide', items.commentId)).toHaveLength(1);
    // The queue says it waits for review; the log names no moderator.
    const queue = await moderator.get('/api/v1/moderation/reports?limit=100');
    const entry = queue.body.items.find(
      (r: { subject: { id: string; type: string } }) =>
        r.subject.type === 'comment' && r.subject.id === items.commentId,
    );
    expect(entry).toMatchObject({ hidden: { automatic: true }, openReports: 4 });
    const log = await moderator.get('/api/v1/moderation/log?limit=100');
    expect(log.body.items.find((a: { subject: { id: string } }) => a.subject.id === items.commentId)).toMatchObject({
      kind: 'hide',
      automatic: true,
      moderator: null,
    });
  });

  it('counts each member once, whatever they report again later', async () => {
    const { advance, reporters, thread, report, moderator, items } = await setting(2);
    advance(8 * DAY);
    const first = await report(reporters[0]);
    expect((await report(reporters[0])).status).toBe(409);
    await moderator.post(`/api/v1/moderation/reports/${first.body.id}/close`, { outcome: 'dismissed' });
    expect((await report(reporters[0])).status).toBe(201);
    expect((await thread()).body.items[0].hidden).toBeNull();
    expect((await report(reporters[1])).status).toBe(201);
    expect((await thread()).body.items[0].hidden).toEqual({ reason: '', automatic: true });
    expect(items).toBeTruthy();
  });

  it('reviewing confirms the hide with the moderator’s reason, or restores the content; both close the reports', async () => {
    const { advance, reporters, thread, report, moderator, items } = await setting();
    advance(8 * DAY);
    for (const r of reporters.slice(0, 3)) await report(r);
    expect((await thread()).body.items[0].hidden).toEqual({ reason: '', automatic: true });
    // Restore: shown again, reports dismissed.
    const restored = await moderator.post('/api/v1/moderation/unhide', {
      subject: { type: 'comment', id: items.commentId },
      reason: 'Blunt but within the code of conduct',
    });
    expect(restored.status).toBe(201);
    expect((await thread()).body.items[0].hidden).toBeNull();
    const closed = await moderator.get('/api/v1/moderation/reports?status=closed&limit=100');
    const mine = closed.body.items.filter(
      (r: { subject: { id: string; type: string } }) =>
        r.subject.type === 'comment' && r.subject.id === items.commentId,
    );
    expect(mine.map((r: { status: string }) => r.status)).toEqual(['dismissed', 'dismissed', 'dismissed']);
    // New reports hide it again; this time the moderator confirms.
    await report(reporters[3]);
    expect((await thread()).body.items[0].hidden).toBeNull();
    for (const r of reporters.slice(0, 2)) await report(r);
    expect((await thread()).body.items[0].hidden).toEqual({ reason: '', automatic: true });
    const confirmed = await moderator.post('/api/v1/moderation/hide', {
      subject: { type: 'comment', id: items.commentId },
      reason: 'Personal attack',
    });
    expect(confirmed.status).toBe(201);
    expect((await thread()).body.items[0].hidden).toEqual({ reason: 'Personal attack', automatic: false });
    const open = await moderator.get('/api/v1/moderation/reports?limit=100');
    expect(
      open.body.items.filter(
        (r: { subject: { id: string; type: string } }) =>
          r.subject.type === 'comment' && r.subject.id === items.commentId,
      ),
    ).toEqual([]);
  });

  it('leaves content of moderators and admins for a person to review', async () => {
    const { app, advance, reporters } = await setting();
    const admin = await withRole(app, 'admin');
    const adminItems = await itemsBy(app, admin);
    advance(8 * DAY);
    for (const r of reporters.slice(0, 3)) {
      expect(
        (
          await r.post('/api/v1/reports', {
            subject: { type: 'comment', id: adminItems.commentId },
            reason: 'spam',
            text: 'x',
          })
        ).status,
      ).toBe(201);
    }
    const hidden = await app.db
      .selectFrom('moderation_hidden')
      .select('subject_id')
      .where('subject_type', '=', 'comment')
      .where('subject_id', '=', Number(adminItems.commentId))
      .execute();
    expect(hidden).toEqual([]);
  });

  it('never hides a person: reports of people wait for a moderator', async () => {
    const { advance, reporters, author, app } = await setting();
    advance(8 * DAY);
    for (const r of reporters.slice(0, 3))
      await r.post('/api/v1/reports', {
        subject: { type: 'person', id: String(author.userId) },
        reason: 'harassment',
        text: 'x',
      });
    const row = await app.db
      .selectFrom('users')
      .select(['blocked_at', 'suspended_until'])
      .where('id', '=', author.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ blocked_at: null, suspended_until: null });
  });
});
