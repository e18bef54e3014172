// Server-rendered pages: content in the HTML, scripts from the site only, and pages kept for anonymous
// visitors never outliving a change.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp, unique } from '../testing/harness';
import { TestClient, signedUp } from '../testing/client';
import { addMember, makeCommunity } from '../features/updates/testing';

beforeAll(buildWebBundle, 120_000);

const pagesApp = () => testApp({ pages: true });
const formKeyOf = (html: string) => /"formKey":"([0-9a-f]+)"/.exec(html)?.[1];
const stateOf = (html: string) =>
  JSON.parse(/<script id="ldn-state" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as {
    messages?: Record<string, string>;
    messagesUrl: string;
  };

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
    // The page's one inline script is the same on every page and allowed by its hash; the rest is data, which no
    // CSP needs to allow, and the site's own modules.
    const csp = String(second.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(/script-src[^;]*/.exec(csp)?.[0]).not.toMatch(/nonce|unsafe-inline/);
    const inline = [...second.text.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256').update(inline[0]!).digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(second.text).toContain('<script id="ldn-state" type="application/json">');
  });

  it('render Arabic right-to-left with the RTL stylesheet', async () => {
    const res = await new TestClient(await pagesApp()).get('/?uselang=ar');
    expect(res.text).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.text).toMatch(
      /href="\/assets\/codex-[0-9a-f]+-rtl\.css" id="ldn-codex" data-all="\/assets\/codex-[\d.]+-rtl\.css"/,
    );
  });

  it('link the part of Codex’s stylesheet that styles every Codex class in the page, not all of it', async () => {
    const c = new TestClient(await pagesApp());
    const page = await c.get('/faq');
    const [, cut, all] =
      /href="(\/assets\/codex-[0-9a-f]+-ltr\.css)" id="ldn-codex" data-all="([^"]+)"/.exec(page.text) ?? [];
    const [cutCss, allCss] = [(await c.get(cut ?? '')).text, (await c.get(all ?? '')).text];
    expect(cutCss.length).toBeGreaterThan(1000);
    expect(cutCss.length).toBeLessThan(allCss.length / 2);
    const classes = new Set(
      [...page.text.matchAll(/class="([^"]*)"/g)]
        .flatMap((m) => (m[1] ?? '').split(/\s+/))
        .filter((n) => n.startsWith('cdx-')),
    );
    expect(classes.size).toBeGreaterThan(3);
    for (const name of classes) if (allCss.includes(`.${name}`)) expect(cutCss, name).toContain(`.${name}`);
  });

  it('carry the messages they show, in the page’s language, and fetch no messages file before they paint', async () => {
    const c = new TestClient(await pagesApp());
    const page = await c.get('/faq?uselang=es');
    const state = stateOf(page.text);
    expect(state.messages?.['nav-faq']).toBeTruthy();
    expect(page.text).toContain(state.messages?.['nav-faq']);
    // A message of another page only (the administration's) is not in it, and the whole file is fetched later.
    expect(state.messages?.['admin-title']).toBeUndefined();
    expect(page.text).not.toContain('rel="preload"');
    const all = await c.get(state.messagesUrl);
    expect(all.status).toBe(200);
    expect(Object.keys(JSON.parse(all.text) as object).length).toBeGreaterThan(
      10 * Object.keys(state.messages ?? {}).length,
    );
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
