// One helper records every change: who, what, when, on which object. Called with the transaction that makes
// the change, so the record and the change land together or not at all.
import type { Db } from '../db/connection';
import type { Ctx } from './context';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  objectType?: string;
  objectId?: string | number;
  details?: Record<string, unknown>;
  ip?: string;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId == null ? null : String(entry.objectId),
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}

/** Audit entry fields taken from the context: its actor and address. */
export const actorOf = (ctx: Pick<Ctx, 'actor' | 'ip'>) => ({
  actorId: ctx.actor?.id ?? null,
  ip: ctx.ip ?? undefined,
});
