// The footer's language choice sticks (DECISIONS 23): a signed-in person's interface language, a visitor's cookie,
// each stated in a notice with an undo; a `?uselang=` link elsewhere changes one page for signed-in people.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWebBundle, testApp } from '../testing/harness';
import { TestClient, signedUp, type Answer } from '../testing/client';

beforeAll(buildWebBundle, 120_000);
// The first test of a file pays for the app's start and its first pages.
vi.setConfig({ testTimeout: 120_000 });

const pagesApp = () => testApp({ pages: true });
const tokenOf = (res: Answer) => /name="_csrf"(?: form="[^"]+")? value="([^"]+)"/.exec(res.text)?.[1] ?? '';
const langOf = (res: Answer) => /<html lang="([a-z]+)"/.exec(res.text)?.[1];
/** Chooses a language in the footer of `path`, as a browser without JavaScript does. */
async function choose(c: TestClient, path: string, lang: string, extra: Record<string, string> = {}) {
  const page = await c.get(path);
  return c.form(path, { _action: 'language', _form: 'language', _csrf: tokenOf(page), lang, ...extra });
}

describe('the footer’s language choice', () => {
  it('makes it a signed-in person’s interface language, says so with an undo that restores the one before', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const chosen = await choose(person, '/faq', 'ar');
    expect(chosen.status).toBe(303);
    expect(chosen.headers.location).toBe('/faq?langfrom=en');
    const page = await person.get(chosen.headers.location as string);
    expect(langOf(page)).toBe('ar');
    expect(page.text).toContain('لغة الواجهة: العربية. حُفظ هذا الاختيار في تفضيلاتك.');
    expect(page.text).toMatch(/name="lang" value="en">[^]*name="undo" value="1">[^]*>تراجع</);
    expect((await person.get('/api/v1/me/profile')).body.uiLanguage).toBe('ar');
    // The next pages too, and no cookie: it is the person's preference.
    expect(langOf(await person.get('/updates'))).toBe('ar');
    expect(person.cookies.has('ldn_lang')).toBe(false);

    const undone = await person.form('/faq?langfrom=en', {
      _action: 'language',
      _form: 'language',
      _csrf: tokenOf(page),
      lang: 'en',
      undo: '1',
    });
    expect(undone.status).toBe(303);
    expect(undone.headers.location).toBe('/faq');
    expect((await person.get('/api/v1/me/profile')).body.uiLanguage).toBe('en');
    const back = await person.get('/faq');
    expect(langOf(back)).toBe('en');
    expect(back.text).not.toContain('name="undo"');
  });

  it('leaves ?uselang= a one-page choice for a signed-in person, and drops it from the page it goes back to', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    await choose(person, '/faq', 'ar');
    expect(langOf(await person.get('/updates?uselang=fr'))).toBe('fr');
    expect(langOf(await person.get('/updates'))).toBe('ar');
    expect(person.cookies.has('ldn_lang')).toBe(false);
    const chosen = await choose(person, '/updates?uselang=fr&page=2', 'es');
    expect(chosen.headers.location).toBe('/updates?page=2&langfrom=ar');
  });

  it('keeps a visitor’s choice in a cookie, says so, and the undo goes back to the browser’s language', async () => {
    const app = await pagesApp();
    const visitor = new TestClient(app);
    const chosen = await choose(visitor, '/faq', 'ar');
    expect(chosen.headers.location).toBe('/faq?langfrom=none');
    expect(visitor.cookies.get('ldn_lang')).toBe('ar');
    const page = await visitor.get(chosen.headers.location as string);
    expect(langOf(page)).toBe('ar');
    expect(page.text).toContain('يعرض هذا المتصفح الموقع الآن بهذه اللغة: العربية.');
    expect(langOf(await visitor.get('/updates'))).toBe('ar');
    await visitor.form('/faq?langfrom=none', { _action: 'language', _csrf: tokenOf(page), lang: '', undo: '1' });
    expect(visitor.cookies.has('ldn_lang')).toBe(false);
    expect(langOf(await visitor.get('/faq', { 'accept-language': 'es' }))).toBe('es');
    // A visitor's ?uselang= sticks as before.
    await visitor.get('/faq?uselang=fr');
    expect(visitor.cookies.get('ldn_lang')).toBe('fr');
  });

  it('refuses a language it does not offer, and a choice without its token, in the page', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const bad = await choose(person, '/faq', 'xx');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    const stale = await person.form('/faq', { _action: 'language', _form: 'language', _csrf: 'old', lang: 'ar' });
    expect(stale.status).toBe(403);
    expect(stale.text).toContain('This form had expired');
    expect((await person.get('/api/v1/me/profile')).body.uiLanguage).toBe('en');
  });
});
