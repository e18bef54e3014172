// The FAQ: questions and answers per language, written and ordered by network admins; everyone reads them.
// Each use case checks who may do it first (policy.ts).
import type { FaqEntry, FaqList } from '../../../contracts/faq';
import { ensure, requireUser } from '../../http/access';
import { actorOf, audit } from '../../http/audit';
import type { Ctx, CurrentUser } from '../../http/context';
import { badRequest, conflict, notFound } from '../../http/errors';
import { mayEditFaq } from './policy';
import { presentFaqEntry } from './present';
import {
  changeFaqEntry,
  deleteFaqEntry,
  faqEntriesByIds,
  faqEntriesIn,
  faqLanguages,
  findFaqEntry,
  insertFaqEntry,
  setFaqOrder,
} from './repo';
import { parseId, type CreateFaqBody, type PatchFaqBody } from './schema';

const FALLBACK = 'en';

/** The signed-in admin; anyone else is refused (logged) with 401 or 403. */
async function requireEditor(ctx: Ctx, action: string): Promise<CurrentUser> {
  const user = requireUser(ctx);
  await ensure(ctx, mayEditFaq(user), action);
  return user;
}

/** The entries in the language asked for (the interface language by default), or in English when it has none. */
export async function listFaq(ctx: Ctx, language: string | undefined): Promise<FaqList> {
  const wanted = language ?? ctx.lang;
  let rows = await faqEntriesIn(ctx.db, wanted);
  let shown = wanted;
  if (rows.length === 0 && wanted !== FALLBACK) {
    rows = await faqEntriesIn(ctx.db, FALLBACK);
    shown = FALLBACK;
  }
  const languages = rows[0]?.languages ?? (await faqLanguages(ctx.db));
  return { items: rows.map(presentFaqEntry), next: null, language: shown, languages };
}

/** The entry with this id (null: an id that names no entry); 404 when there is none. */
async function loadEntry(ctx: Ctx, id: number | null) {
  const row = id === null ? undefined : await findFaqEntry(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

export async function createFaqEntry(ctx: Ctx, body: CreateFaqBody): Promise<FaqEntry> {
  const user = await requireEditor(ctx, 'faq.create');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertFaqEntry(trx, { ...body, createdBy: user.id });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'faq.create',
      objectType: 'faq_entry',
      objectId: row.id,
      details: { language: body.language, question: body.question },
    });
    return row.id;
  });
  return presentFaqEntry(await loadEntry(ctx, id));
}

export async function patchFaqEntry(ctx: Ctx, idParam: string, body: PatchFaqBody): Promise<FaqEntry> {
  await requireEditor(ctx, 'faq.edit');
  const row = await loadEntry(ctx, parseId(idParam));
  const changed = (['language', 'question', 'answer'] as const).filter(
    (k) => body[k] !== undefined && body[k] !== row[k],
  );
  if (changed.length === 0) return presentFaqEntry(row);
  await ctx.db.transaction().execute(async (trx) => {
    await changeFaqEntry(trx, row.id, { ...body, movedLanguage: changed.includes('language'), at: ctx.now });
    await audit(trx, {
      ...actorOf(ctx),
      action: 'faq.edit',
      objectType: 'faq_entry',
      objectId: row.id,
      details: { fields: changed },
    });
  });
  return presentFaqEntry(await loadEntry(ctx, row.id));
}

export async function removeFaqEntry(ctx: Ctx, idParam: string): Promise<void> {
  await requireEditor(ctx, 'faq.delete');
  const row = await loadEntry(ctx, parseId(idParam));
  await ctx.db.transaction().execute(async (trx) => {
    await deleteFaqEntry(trx, row.id);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'faq.delete',
      objectType: 'faq_entry',
      objectId: row.id,
      details: { language: row.language, question: row.question },
    });
  });
}

/**
 * Puts one language's entries in the order given. The list must name every entry of that language, and only
 * those: a list made before someone else added or removed an entry is refused (409) rather than half applied.
 */
export async function orderFaq(ctx: Ctx, idParams: string[]): Promise<FaqList> {
  await requireEditor(ctx, 'faq.order');
  const ids = idParams.map(Number);
  const found = await faqEntriesByIds(ctx.db, ids);
  if (found.length !== ids.length) throw conflict('faq-order-stale', 'ids');
  const languages = new Set(found.map((r) => r.language));
  const [language] = languages;
  // The body names at least one id (schema.ts), so one language at least was found.
  if (language === undefined) throw conflict('faq-order-stale', 'ids');
  if (languages.size > 1) throw badRequest([{ field: 'ids', message: 'faq-order-mixed-languages' }]);
  const all = await faqEntriesIn(ctx.db, language);
  if (all.length !== ids.length) throw conflict('faq-order-stale', 'ids');
  await ctx.db.transaction().execute(async (trx) => {
    await setFaqOrder(trx, ids);
    await audit(trx, {
      ...actorOf(ctx),
      action: 'faq.order',
      objectType: 'faq',
      objectId: language,
      details: { ids: idParams },
    });
  });
  return listFaq(ctx, language);
}
