// The FAQ: questions and answers per language, written and ordered by network admins; everyone reads them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, audit } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import { requireRole } from '../../http/permissions';
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

/** The entries in the language asked for (the interface language by default), or in English when it has none. */
export async function listFaq(app: FastifyInstance, req: FastifyRequest, language: string | undefined) {
  const wanted = language ?? req.lang;
  let rows = await faqEntriesIn(app.db, wanted);
  let shown = wanted;
  if (rows.length === 0 && wanted !== FALLBACK) {
    rows = await faqEntriesIn(app.db, FALLBACK);
    shown = FALLBACK;
  }
  return { items: rows.map(presentFaqEntry), next: null, language: shown, languages: await faqLanguages(app.db) };
}

async function loadEntry(app: FastifyInstance, idParam: string) {
  const id = parseId(idParam);
  const row = id === null ? undefined : await findFaqEntry(app.db, id);
  if (!row) throw notFound();
  return row;
}

export async function createFaqEntry(app: FastifyInstance, req: FastifyRequest, body: CreateFaqBody) {
  const user = await requireRole(app.db, req, 'admin', 'faq.create');
  const id = await app.db.transaction().execute(async (trx) => {
    const row = await insertFaqEntry(trx, { ...body, createdBy: user.id });
    await audit(trx, { ...actorOf(req), action: 'faq.create', objectType: 'faq_entry', objectId: row.id, details: { language: body.language, question: body.question } });
    return row.id;
  });
  return presentFaqEntry((await findFaqEntry(app.db, id))!);
}

export async function patchFaqEntry(app: FastifyInstance, req: FastifyRequest, idParam: string, body: PatchFaqBody) {
  await requireRole(app.db, req, 'admin', 'faq.edit');
  const row = await loadEntry(app, idParam);
  const changed = (['language', 'question', 'answer'] as const).filter((k) => body[k] !== undefined && body[k] !== row[k]);
  if (changed.length === 0) return presentFaqEntry(row);
  await app.db.transaction().execute(async (trx) => {
    await changeFaqEntry(trx, row.id, { ...body, movedLanguage: changed.includes('language'), at: app.deps.clock.now() });
    await audit(trx, { ...actorOf(req), action: 'faq.edit', objectType: 'faq_entry', objectId: row.id, details: { fields: changed } });
  });
  return presentFaqEntry((await findFaqEntry(app.db, row.id))!);
}

export async function removeFaqEntry(app: FastifyInstance, req: FastifyRequest, idParam: string) {
  await requireRole(app.db, req, 'admin', 'faq.delete');
  const row = await loadEntry(app, idParam);
  await app.db.transaction().execute(async (trx) => {
    await deleteFaqEntry(trx, row.id);
    await audit(trx, { ...actorOf(req), action: 'faq.delete', objectType: 'faq_entry', objectId: row.id, details: { language: row.language, question: row.question } });
  });
}

/**
 * Puts one language's entries in the order given. The list must name every entry of that language, and only
 * those: a list made before someone else added or removed an entry is refused (409) rather than half applied.
 */
export async function orderFaq(app: FastifyInstance, req: FastifyRequest, idParams: string[]) {
  await requireRole(app.db, req, 'admin', 'faq.order');
  const ids = idParams.map(Number);
  const found = await faqEntriesByIds(app.db, ids);
  if (found.length !== ids.length) throw conflict('faq-order-stale', 'ids');
  const languages = new Set(found.map((r) => r.language));
  if (languages.size > 1) throw badRequest([{ field: 'ids', message: 'faq-order-mixed-languages' }]);
  const language = found[0].language;
  const all = await faqEntriesIn(app.db, language);
  if (all.length !== ids.length) throw conflict('faq-order-stale', 'ids');
  await app.db.transaction().execute(async (trx) => {
    await setFaqOrder(trx, ids);
    await audit(trx, { ...actorOf(req), action: 'faq.order', objectType: 'faq', objectId: language, details: { ids: idParams } });
  });
  return listFaq(app, req, language);
}
