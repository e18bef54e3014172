// Server-rendered pages: content in the HTML, scripts from the site only, and pages kept for anonymous
// visitors never outliving a change.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp, unique } from '../testing/harness';
import { TestClient, signedUp } from '../testing/client';
import { addMember, makeCommunity } from '../features/updates/testing';

beforeAll(buildWebBundle, 120_000);

const pagesApp = () => testApp({ pages: true });
const formKeyOf = (html: string) => /"formKey":"([0-9a-f]+)"/.exec(html)?.[1];

describe('server-rendered pages', () => {
  it('render the content in the HTML, in the interface language, with scripts from the site only and a fresh form key each time', async () => {
    const c = new TestClient(await pagesApp());
    const first = await c.get('/faq?uselang=es');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/html/);
    expect(first.text).toMatch(/<html lang="es" dir="ltr">/);
    const second = await c.get('/faq?uselang=es');
    const [k1, k2] = [formKeyOf(first.text), formKeyOf(second.text)];
    expect(k1).toBeTruthy();
    expect(k1).not.toBe(k2);
    // The page's only script is the site's own module; its state is data, which no CSP needs to allow.
    expect(String(second.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/);
    expect(second.text).toMatch(/<script type="module" src="\/assets\/[^"]+\.js"><\/script>/);
    expect(second.text).toContain('<script id="ldn-state" type="application/json">');
    expect(
      second.text.match(/<script(?![^>]*(type="module" src="\/assets\/|id="ldn-state" type="application\/json"))/g),
    ).toBeNull();
  });

  it('render Arabic right-to-left with the RTL stylesheet', async () => {
    const res = await new TestClient(await pagesApp()).get('/?uselang=ar');
    expect(res.text).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.text).toMatch(/codex-[\d.]+-rtl\.css/);
  });

  it('name a person’s languages in the page’s language, joined as that language joins a list, without marking them as written in each language', async () => {
    const app = await pagesApp();
    const p = await signedUp(app, unique('Polyglot'));
    expect((await p.patch('/api/v1/me/profile', { languages: ['es', 'fr'], publicFields: ['languages'] })).status).toBe(
      200,
    );
    const path = `/people/${encodeURIComponent(p.username.replace(/ /g, '_'))}`;
    const en = (await new TestClient(app).get(path)).text;
    expect(en).toContain('Spanish, French');
    expect(en).not.toMatch(/<span lang="(es|fr)"/);
    expect((await new TestClient(app).get(`${path}?uselang=es`)).text).toContain('español y francés');
  });

  it('answer 404 with a page for an unknown address and an unknown person', async () => {
    const c = new TestClient(await pagesApp());
    expect((await c.get('/no/such/page')).status).toBe(404);
    const person = await c.get(`/people/${unique('nobody')}`);
    expect(person.status).toBe(404);
    expect(person.text).toContain('<h1');
  });

  it('show an anonymous visitor a change made through the API at once', async () => {
    const app = await pagesApp();
    const visitor = new TestClient(app);
    const before = await visitor.get('/updates');
    expect(before.status).toBe(200);
    const group = await makeCommunity(app);
    const author = await signedUp(app);
    await addMember(app, group.id, author.userId, 'coordinator');
    const title = unique('Fresh news ');
    expect(
      (await author.post('/api/v1/updates', { title, body: 'Hello', community: group.slug, language: 'en' })).status,
    ).toBe(201);
    expect((await visitor.get('/updates')).text).toContain(title);
  });

  it('never show one person’s page to another or to anonymous visitors', async () => {
    const app = await pagesApp();
    const a = await signedUp(app, unique('Page Person '));
    const own = await a.get('/faq');
    expect(own.text).toContain(a.username);
    const anonymous = await new TestClient(app).get('/faq');
    expect(anonymous.text).not.toContain(a.username);
  });
});
