// Test helpers: guides of their own for tests that change them, so the shipped guides stay as shipped for
// every other test on the worker's database.
import type { FastifyInstance } from 'fastify';
import { unique } from '../../testing/harness';
import { saveVersion } from './repo';
import { ensureGuides } from './seed';

export interface TestGuideText {
  title: string;
  summary: string;
  body: string;
  checklist: { key: string; text: string }[];
}

export const englishText = (tag: string): TestGuideText => ({
  title: `Guide ${tag}`,
  summary: `What guide ${tag} is about.`,
  body: `# First step\nDo the first thing.\n\n# Second step\nDo the second thing.`,
  checklist: [
    { key: 'first', text: 'Do the first thing.' },
    { key: 'second', text: 'Do the second thing.' },
  ],
});

/** A guide (no phase, after the shipped ones) with English revision 1 and the translations given, up to date. */
export async function testGuide(
  app: FastifyInstance,
  translations: Record<string, TestGuideText> = {},
): Promise<string> {
  await ensureGuides(app.db);
  const slug = unique('guide-').toLowerCase();
  const guide = await app.db
    .insertInto('guides')
    .values({ slug, phase: null, position: 1000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const at = new Date();
  for (const [language, text] of Object.entries({ en: englishText(slug), ...translations })) {
    await saveVersion(
      app.db,
      {
        guideId: guide.id,
        language,
        ...text,
        revision: 1,
        sourceRevision: language === 'en' ? null : 1,
        minor: false,
        note: '',
        editorId: null,
        at,
      },
      true,
    );
  }
  return slug;
}
