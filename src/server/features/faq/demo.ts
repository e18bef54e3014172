// A first FAQ about the network in every interface language (demo-texts.ts). Admins change and extend it.
import type { Db } from '../../db/connection';
import { markdownInsert } from '../../markdown/stored';
import { FAQ_TEXTS } from './demo-texts';

export async function loadDemoFaq(db: Db): Promise<void> {
  const rows = Object.entries(FAQ_TEXTS).flatMap(([language, entries]) =>
    entries.map(([question, answer], i) => ({ language, question, answer, position: i + 1 })),
  );
  await db
    .insertInto('faq_entries')
    .values(rows.map((r) => ({ ...r, ...markdownInsert({ answer: r.answer }), is_demo: false, created_by: null })))
    .execute();
}
