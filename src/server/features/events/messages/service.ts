// Organizers write to an event's registrants: each registered or waiting person of an occurrence not yet ended
// gets a notification (and an e-mail per their settings). Five messages a day per event, counted under a lock
// on the event's row so that concurrent sends cannot pass the limit.
import type { Ctx } from '../../../http/context';
import { actorOf, audit } from '../../../http/audit';
import { ensure, requireUser } from '../../../http/access';
import { tooMany } from '../../../http/rate-limit';
import { notify } from '../../notifications';
import { eventOf, eventSubject, managesEvent } from '../registrations/event-access';
import type { MessageBody } from '../registrations/schema';

export const MESSAGES_PER_DAY = 5;
const DAY_MS = 86400_000;

export async function sendMessage(ctx: Ctx, idText: string, body: MessageBody) {
  const user = requireUser(ctx);
  const event = await eventOf(ctx.db, idText);
  await ensure(ctx, await managesEvent(ctx.db, user, event, ctx.now), 'event.message', {
    type: 'event',
    id: event.id,
  });
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('events').select('id').where('id', '=', event.id).forUpdate().execute();
    const since = new Date(ctx.now.getTime() - DAY_MS);
    const sent = await trx
      .selectFrom('event_messages')
      .select(['created_at'])
      .where('event_id', '=', event.id)
      .where('created_at', '>', since)
      .orderBy('created_at')
      .execute();
    if (sent.length >= MESSAGES_PER_DAY) {
      const oldest = sent[0]!.created_at.getTime();
      throw tooMany(Math.max(1, Math.ceil((oldest + DAY_MS - ctx.now.getTime()) / 1000)), 'events-messages-limit');
    }
    const row = await trx
      .insertInto('event_messages')
      .values({ event_id: event.id, sent_by: user.id, subject: body.subject, body: body.body, created_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const recipients = await trx
      .selectFrom('event_registrations as r')
      .innerJoin('event_occurrences as o', 'o.id', 'r.occurrence_id')
      .select('r.user_id')
      .distinct()
      .where('r.event_id', '=', event.id)
      .where('o.ends_at', '>', ctx.now)
      .execute();
    const subject = eventSubject(event);
    const told = await notify(trx, {
      type: 'event.message',
      actorId: user.id,
      at: ctx.now,
      subject: { ...subject, title: `${body.subject} (${event.title})` },
      object: { type: 'event_message', id: row.id },
      people: { kind: 'event_message', ids: recipients.map((r) => r.user_id) },
    });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'event.message',
      objectType: 'event',
      objectId: event.id,
      details: { message: row.id, recipients: told.recipients },
    });
    return { id: String(row.id), recipients: told.recipients };
  });
}
