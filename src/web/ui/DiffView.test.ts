// The diff view rendered on the server (as pages are, JavaScript or not): removed and added text as <del> and <ins>
// announced to screen readers, lines with context and gaps, two columns side by side, the text's own language.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import type { DiffPart } from '../../contracts/documents';
import { i18nDir } from '../../server/http/i18n';
import { createI18n } from '../i18n';
import DiffView from './DiffView.vue';

const messages = (lang: string) =>
  JSON.parse(fs.readFileSync(path.join(i18nDir, `${lang}.json`), 'utf8')) as Record<string, string>;

async function render(props: Record<string, unknown>, lang = 'en'): Promise<string> {
  const app = createSSRApp(DiffView, props);
  app.use(createI18n(lang, lang === 'ar' ? 'rtl' : 'ltr', { ...messages('en'), ...messages(lang) }));
  // Without Vue's hydration comments (fragments, empty v-if).
  return (await renderToString(app)).replace(/<!--[^>]*-->/g, '');
}

const words: DiffPart[] = [
  { op: 'same', text: 'Leaders ' },
  { op: 'removed', text: 'listen' },
  { op: 'added', text: 'hear' },
  { op: 'same', text: ' first.' },
];

describe('DiffView', () => {
  it('shows words inline with <del> and <ins>, each announced', async () => {
    const html = await render({ parts: words });
    expect(html).toContain(
      '<del class="ldn-diff__part ldn-diff__part--removed"><span class="ldn-diff__sr">Removed:</span>listen<span class="ldn-diff__sr">(end of change)</span></del>',
    );
    expect(html).toContain(
      '<ins class="ldn-diff__part ldn-diff__part--added"><span class="ldn-diff__sr">Added:</span>hear',
    );
    expect(html.replace(/<[^>]+>/g, '')).toBe('Leaders Removed:listen(end of change)Added:hear(end of change) first.');
  });

  it('shows the text before and after side by side, with the interface language for labels', async () => {
    const html = await render({ parts: words, mode: 'side-by-side', lang: 'en', dir: 'ltr' }, 'ar');
    expect(html).toContain('ldn-diff--side-by-side');
    expect(html).toContain('<p class="ldn-diff__label">قبل</p>');
    expect(html).toContain('<p class="ldn-diff__label">بعد</p>');
    const [before, after] = html.split('<p class="ldn-diff__label">بعد</p>');
    expect(before).toContain('<del');
    expect(before).not.toContain('<ins');
    expect(after).toContain('<ins');
    expect(after).not.toContain('<del');
    expect(html).toContain('lang="en" dir="ltr"');
  });

  it('shows lines with one line of context and a gap for longer unchanged stretches', async () => {
    const lines: DiffPart[] = ['a', 'b', 'c', 'd', 'e'].map((text) => ({ op: 'same', text }));
    lines.splice(4, 0, { op: 'added', text: 'new' });
    const html = await render({ parts: lines, unit: 'line' });
    expect(html).toContain('<span class="ldn-diff__gap">…</span>');
    expect(html).not.toContain('>a<');
    expect(html).toContain('<span class="ldn-diff__sign" aria-hidden="true">+</span>new');
    expect(html).toContain('ldn-diff--line');
  });
});
