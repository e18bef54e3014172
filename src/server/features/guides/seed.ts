// The guides exist on every install, demo content or not: at start-up, when the guides table is empty, the
// text shipped in ./content is written as revision 1 of each language (translations up to date with it).
// Admins' edits are never overwritten: once any guide exists, nothing is loaded. Several instances starting
// together on one PostgreSQL take turns through an advisory lock, so the text is loaded once.
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { SHIPPED, SHIPPED_PHASES, SHIPPED_SLUGS } from './content';
import { saveVersion } from './repo';
import { SOURCE_LANGUAGE } from './schema';

const LOCK_KEY = 7405113;

/** Loads the shipped guides into an empty guides table; answers whether it did. */
export async function ensureGuides(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const any = await trx.selectFrom('guides').select('id').limit(1).executeTakeFirst();
    if (any) return false;
    for (const [index, slug] of SHIPPED_SLUGS.entries()) {
      const guide = await trx
        .insertInto('guides')
        .values({ slug, phase: SHIPPED_PHASES[slug], position: index + 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [language, guides] of Object.entries(SHIPPED)) {
        const g = guides[slug];
        const source = SHIPPED[SOURCE_LANGUAGE][slug].checklist;
        await saveVersion(
          trx,
          {
            guideId: guide.id,
            language,
            title: g.title,
            summary: g.summary,
            body: g.body,
            // In the English order, only keys English has.
            checklist: Object.keys(source).flatMap((key) => {
              const text = g.checklist[key];
              return text ? [{ key, text }] : [];
            }),
            revision: 1,
            sourceRevision: language === SOURCE_LANGUAGE ? null : 1,
            minor: false,
            note: '',
            editorId: null,
            at: now,
          },
          true,
        );
      }
    }
    return true;
  });
}
