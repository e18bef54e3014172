// The language picker as the server renders it (what works without JavaScript): native elements under the
// field's name that send valid codes, every language by its names, the label tied to the control, errors and
// help described. The live combobox (Enter or a click adds; arrow keys only browse) is tried in the browser
// (tests/e2e/language-picker.spec.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { languageChoices } from '../../contracts/language-autonyms';
import { i18nDir } from '../../server/http/i18n';
import { createI18n } from '../i18n';
import LanguageLookup from './LanguageLookup.vue';

const messages = (lang: string) =>
  JSON.parse(fs.readFileSync(path.join(i18nDir, `${lang}.json`), 'utf8')) as Record<string, string>;

async function render(props: Record<string, unknown>, lang = 'en'): Promise<string> {
  const app = createSSRApp({
    render: () => h(LanguageLookup as never, { id: 'pick', label: 'Language', modelValue: '', ...props }),
  });
  app.use(createI18n(lang, lang === 'ar' ? 'rtl' : 'ltr', { ...messages('en'), ...messages(lang) }));
  return (await renderToString(app)).replace(/<!--[^>]*-->/g, '');
}

const options = (html: string) =>
  [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map(([, code = '', text = '']) => [code, text]);

describe('LanguageLookup without JavaScript', () => {
  it('is one labelled select of every language by its own name, the chosen one selected', async () => {
    const html = await render({ modelValue: 'de', name: 'language', required: true });
    expect(html).toContain('<label class="cdx-label__label" for="pick">');
    expect(html).toMatch(/<select id="pick" class="cdx-select" name="language" required/);
    const all = options(html);
    expect(all.length).toBeGreaterThan(500);
    // Every option is a code with a name, never the code alone.
    expect(all.filter(([code = '', text = '']) => !code || text.trim() === code)).toEqual([]);
    expect(html).toMatch(/<option value="de" selected>\s*Deutsch\s*<\/option>/);
    expect(html).toMatch(/<option value="aa">\s*Qafár af\s*<\/option>/);
  });

  it('asks for a choice when none is made yet, and offers an empty one when it is optional', async () => {
    const required = await render({ modelValue: '', name: 'lang', required: true });
    expect(required).toMatch(/<option value="" selected disabled>/);
    const optional = await render({ modelValue: '', name: 'language', emptyLabel: 'Any language' });
    expect(optional).toMatch(/<option value="" selected>\s*Any language\s*<\/option>/);
  });

  it('shows the names in the interface language when the page gives them', async () => {
    const html = await render(
      { modelValue: 'de', required: true, languages: languageChoices(['de', 'ar', 'en'], 'fr') },
      'fr',
    );
    expect(options(html).map(([code, text = '']) => [code, text.trim()])).toEqual([
      ['de', 'allemand (Deutsch)'],
      ['en', 'anglais (English)'],
      ['ar', 'arabe (العربية)'],
    ]);
  });

  it('keeps several languages as ticked boxes and adds one more with a select, all under one name', async () => {
    const html = await render(
      {
        modelValue: ['ar', 'de'],
        multiple: true,
        name: 'languages',
        languages: languageChoices(['de', 'ar', 'es'], 'en'),
      },
      'en',
    );
    expect(html).toContain('<legend class="cdx-label">');
    expect(html).toMatch(/<input type="checkbox" name="languages" value="ar" checked>\s*Arabic \(العربية\)/);
    expect(html).toMatch(/<input type="checkbox" name="languages" value="de" checked>\s*German \(Deutsch\)/);
    expect(html).toContain(
      '<label class="cdx-label__description ldn-language-lookup__add" for="pick">Add a language</label>',
    );
    // The select offers only what is not chosen yet.
    expect(options(html).map(([code]) => code)).toEqual(['', 'es']);
  });

  it('ties its help and its error to the control, in the page language', async () => {
    const html = await render(
      { modelValue: '', name: 'language', help: 'Pick one', error: 'Wrong', optional: true },
      'ar',
    );
    expect(html).toContain('aria-invalid="true" aria-describedby="pick-help pick-error"');
    expect(html).toContain('<span id="pick-help" class="cdx-label__description">Pick one</span>');
    expect(html).toContain('id="pick-error"');
    expect(html).toContain('(اختياري)');
  });
});
