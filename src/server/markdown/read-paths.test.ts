// Stored Markdown is rendered when written (stored.ts); a feature that renders it again when read costs every
// reader the renderer's time. This finds the features that call the renderer directly; each one allowed here
// renders text that is not read back from a stored `_html` column, and says why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const features = path.join(import.meta.dirname, '../features');

const ALLOWED: Record<string, string> = {
  // Counts the links of a text being written, before it is saved.
  'moderation/guard.ts': 'write',
  // Finds the people a text being written mentions, before it is saved.
  'conversations/mentions.ts': 'write',
  // Document units (and their translations and adaptations) are not stored rendered yet: the reader's shared
  // part is kept per content version, so they are rendered once per change, not once per reader.
  'documents/present.ts': 'kept',
  // The title of one document unit as the subject of a thread or a report (an excerpt of one unit per
  // request); units are not stored rendered yet (above).
  'documents/subjects.ts': 'one item',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('read paths', () => {
  it('read stored HTML and excerpts instead of rendering Markdown', () => {
    const rendering = sources(features)
      .filter((f) => /\b(renderMarkdown|markdownExcerpt|markdownPlainText)\b/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(features, f).split(path.sep).join('/'));
    expect(rendering.sort()).toEqual(Object.keys(ALLOWED).sort());
  });
});
