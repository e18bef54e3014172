// Every page, in English and in Arabic: its content reads with JavaScript off, it hydrates with no console error
// or mismatch, axe finds nothing, and it fits a 360 px wide phone. Public pages are visited anonymously; pages
// for members (a person signed up for the run) and for moderators and admins (the e2e admin) signed in.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible, hydrated, watchConsole } from './axe';
import { e2eAdmin } from './env';
import { E2E_PASSWORD } from './people';

type Who = 'anonymous' | 'member' | 'admin';

const api = async <T>(page: Page, path: string): Promise<T> =>
  (await (await page.request.get(`/api/v1${path}`)).json()) as T;
type List<T> = { items: T[] };

/** The first item of a list that the demo content fills. */
async function firstOf<T>(page: Page, path: string): Promise<T> {
  const [item] = (await api<List<T>>(page, path)).items;
  if (!item) throw new Error(`${path} lists nothing`);
  return item;
}

/**
 * A document's reading pages (the demo's first document; without one, a short document made for the sweep):
 * the document in English and in Arabic, its history, a comparison, its amendments, one amendment and one
 * adaptation when it has them, and the translation page.
 */
async function documentPages(page: Page, browser: Browser): Promise<string[]> {
  let [doc] = (await api<List<{ id: number; slug: string; revision: number }>>(page, '/documents')).items;
  if (!doc) {
    const context = await browser.newContext();
    await signIn(context, 'admin', '');
    const { csrfToken } = (await (await context.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const created = await context.request.post('/api/v1/documents', {
      data: { slug: 'sweep-document', title: 'A document for the sweep', markdown: 'One.\n\nTwo.', summary: 'Sweep' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(created.status(), 'creating a document').toBe(201);
    await context.close();
    [doc] = (await api<List<{ id: number; slug: string; revision: number }>>(page, '/documents')).items;
    if (!doc) throw new Error('/documents lists nothing');
  }
  const base = `/documents/${doc.slug}`;
  const detail = await api<{ adaptations: { id: number | string }[] }>(page, `${base}?lang=en`);
  const amendments = await api<List<{ id: string }>>(page, `/amendments?targetType=document&targetId=${doc.id}`);
  return [
    base,
    `${base}?lang=ar`,
    `${base}/history`,
    ...(doc.revision > 1 ? [`${base}/compare?from=1&to=${doc.revision}`] : []),
    `${base}/amendments`,
    `${base}/translate/fr`,
    ...(amendments.items[0] ? [`/amendments/${amendments.items[0].id}`] : []),
    ...(detail.adaptations[0] ? [`/adaptations/${detail.adaptations[0].id}`] : []),
  ];
}

/**
 * An event's page and the events list with a filter and past events: the first event of the coming year (the
 * demo's or the events test's); without one, a training made for the sweep.
 */
async function eventPages(page: Page, browser: Browser): Promise<string[]> {
  const today = new Date().toISOString().slice(0, 10);
  const yearOn = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
  const find = async () =>
    (await api<List<{ eventId: string }>>(page, `/events?from=${today}&to=${yearOn}&limit=1`)).items[0];
  let event = await find();
  if (!event) {
    const context = await browser.newContext();
    await signIn(context, 'admin', '');
    const { csrfToken } = (await (await context.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const created = await context.request.post('/api/v1/events', {
      data: {
        kind: 'training',
        title: 'A training for the sweep',
        description: 'With a guest.',
        start: `${start}T18:00`,
        end: `${start}T19:00`,
        timezone: 'Europe/Berlin',
        mode: 'online',
        languages: ['en'],
        registration: { open: true },
        speakers: [{ name: 'A guest', affiliation: 'Somewhere', bio: 'Speaks.', link: 'https://example.org/guest' }],
      },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(created.status(), 'creating an event').toBe(201);
    await context.close();
    event = await find();
    if (!event) throw new Error('/events lists nothing');
  }
  return ['/events?kind=training&mode=online', '/events?past=1', `/events/${event.eventId}`];
}

/**
 * A source's page and history, and the search with filters: the first source listed (the demo's or the sources
 * test's); without one, a source made for the sweep.
 */
async function sourcePages(page: Page, browser: Browser): Promise<string[]> {
  let [source] = (await api<List<{ id: string }>>(page, '/sources')).items;
  if (!source) {
    const context = await browser.newContext();
    await signIn(context, 'admin', '');
    const { csrfToken } = (await (await context.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const created = await context.request.post('/api/v1/sources', {
      data: {
        kind: 'book',
        title: 'A source for the sweep',
        authors: [{ family: 'Sweeper', given: 'Sam' }, { literal: 'Sweep Foundation' }],
        year: 2020,
        languages: ['en'],
        identifiers: {},
        access: 'open',
        summary: 'Read **this**.',
      },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(created.status(), 'creating a source').toBe(201);
    source = (await created.json()) as { id: string };
    await context.close();
  }
  return [
    '/sources?kind=book&sort=reviewed&judgement=reliable&access=open&from=1990&to=2030',
    `/sources/${source.id}`,
    `/sources/${source.id}/history`,
  ];
}

/**
 * A reading list's page: the demo's first (when the list of all answers), else a short one made for the sweep
 * by the e2e admin with one source.
 */
async function readingListPage(page: Page, browser: Browser): Promise<string> {
  const all = await page.request.get('/api/v1/reading-lists');
  const first = all.ok() ? ((await all.json()) as List<{ id: string }>).items[0] : undefined;
  if (first) return `/reading-lists/${first.id}`;
  const context = await browser.newContext();
  await signIn(context, 'admin', '');
  const { csrfToken } = (await (await context.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const made = await context.request.post('/api/v1/reading-lists', {
    data: { title: 'A reading list for the sweep', description: 'Two **good** reads.' },
    headers,
  });
  expect(made.status(), 'making a reading list').toBe(201);
  const { id } = (await made.json()) as { id: string };
  const source = (await api<List<{ id: string }>>(page, '/sources?limit=1')).items[0];
  if (source) {
    const items = await context.request.put(`/api/v1/reading-lists/${id}/items`, {
      data: { items: [{ source: source.id, note: 'Start *here*.' }] },
      headers,
    });
    expect(items.status(), 'filling the reading list').toBeLessThan(300);
  }
  await context.close();
  return `/reading-lists/${id}`;
}

/** Demo items' pages, found through the API: a group, a person, a debate, a guide and an initiative of each stage the demo has. */
async function samplePages(page: Page): Promise<string[]> {
  const group = await firstOf<{ slug: string }>(page, '/communities?limit=1');
  const person = await firstOf<{ username: string }>(page, '/participants?limit=1');
  const debate = await firstOf<{ id: string }>(page, '/debates?limit=1');
  const guide = await firstOf<{ slug: string }>(page, '/guides');
  const initiatives: string[] = [];
  for (const stage of ['idea', 'recruiting', 'active', 'archived']) {
    const found = await api<List<{ id: string }>>(page, `/initiatives?stage=${stage}&limit=1`);
    if (found.items[0]) initiatives.push(`/initiatives/${found.items[0].id}`);
  }
  expect(initiatives.length, 'demo initiatives').toBeGreaterThanOrEqual(3);
  // The demo course with runs in two languages.
  const course = await firstOf<{ id: string }>(page, '/courses?language=es&limit=1');
  return [
    `/courses/${course.id}`,
    `/communities/${group.slug}`,
    `/people/${encodeURIComponent(person.username.replace(/ /g, '_'))}`,
    `/debates/${debate.id}`,
    `/guides/${guide.slug}`,
    ...initiatives,
  ];
}

const PAGES = [
  '/',
  '/participants',
  '/communities',
  '/faq',
  '/updates',
  '/login',
  '/signup',
  '/initiatives',
  '/initiatives?region=SSA&stage=recruiting',
  '/initiatives/archive',
  '/guides',
  '/guides/start',
  '/debates',
  '/documents',
  '/courses',
  '/courses?level=intermediate&language=en',
  '/events',
  '/sources',
];

/** Pages that need someone signed in, and who. */
const SIGNED_IN: [Who, string][] = [
  ['member', '/initiatives/new'],
  ['member', '/time-polls/new'],
  ['member', '/courses/new'],
  ['member', '/sources/new'],
  ['member', '/sources/import'],
  ['member', '/reading-lists/new'],
  ['member', '/notifications'],
  ['member', '/events/new'],
  ['member', '/moderation/mine'],
  ['member', '/welcome'],
  ['member', '/settings'],
  ['admin', '/moderation'],
  ['admin', '/admin'],
];

/** A time poll the signed-in person of `page` makes, asking themselves (its grid, answer and pick forms). */
async function timePollPage(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/v1/session')).json()) as {
    csrfToken: string;
    user: { username: string };
  };
  const res = await page.request.post('/api/v1/time-polls', {
    data: {
      title: 'A time for the sweep',
      timezone: 'Europe/Berlin',
      slots: [
        { start: '2030-03-12T18:00', end: '2030-03-12T19:00' },
        { start: '2030-03-13T07:30', end: '2030-03-13T08:30' },
      ],
      invitees: { people: [session.user.username] },
    },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(res.status(), 'making a time poll').toBe(201);
  return `/time-polls/${((await res.json()) as { id: string }).id}`;
}

/** Signs the context in (its pages share the cookie): a new member, or the e2e admin. */
async function signIn(context: BrowserContext, who: Who, name: string): Promise<void> {
  if (who === 'anonymous') return;
  const { csrfToken } = (await (await context.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const res =
    who === 'admin'
      ? await context.request.post('/api/v1/session', {
          data: { username: e2eAdmin.username, password: e2eAdmin.password },
          headers,
        })
      : await context.request.post('/api/v1/accounts', { data: { username: name, password: E2E_PASSWORD }, headers });
  expect(res.status(), `signing in as ${who}`).toBeLessThan(300);
  const session = (await (await context.request.get('/api/v1/session')).json()) as { user: { roles: string[] } | null };
  expect(session.user?.roles.includes('admin') ?? null, `signed in as ${who}`).toBe(who === 'admin');
}

/** Every page with the person to visit it as: one browser context per person, made with `options`. */
async function sweep(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0],
  visitOne: (page: Page, path: string) => Promise<void>,
) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const contexts = new Map<Who, { context: BrowserContext; page: Page; problems: string[] }>();
  const as = async (who: Who) => {
    let c = contexts.get(who);
    if (!c) {
      const context = await browser.newContext(options);
      await signIn(context, who, `Sweeper ${suffix}`);
      const page = await context.newPage();
      c = { context, page, problems: watchConsole(page) };
      contexts.set(who, c);
    }
    return c.page;
  };
  const anonymous = await as('anonymous');
  const documents = await documentPages(anonymous, browser);
  const events = await eventPages(anonymous, browser);
  const sources = await sourcePages(anonymous, browser);
  const visits: [Who, string][] = [
    ...[
      ...PAGES,
      ...(await samplePages(anonymous)),
      ...documents,
      ...events,
      ...sources,
      await readingListPage(anonymous, browser),
    ].map((p): [Who, string] => ['anonymous', p]),
    ...SIGNED_IN,
    ['member', `${documents[0]}/translate/ar`],
    ['admin', `${documents[0]}/edit`],
    ['admin', await timePollPage(await as('admin'))],
    ['admin', `/courses/${(await firstOf<{ id: string }>(anonymous, '/courses?language=es&limit=1')).id}/edit`],
  ];
  for (const [who, path] of visits) await visitOne(await as(who), path);
  const problems = [...contexts.entries()].flatMap(([who, c]) => c.problems.map((p) => `${who}: ${p}`));
  for (const c of contexts.values()) await c.context.close();
  return problems;
}

const withLang = (path: string, lang: string) => `${path}${path.includes('?') ? '&' : '?'}uselang=${lang}`;

for (const lang of ['en', 'ar']) {
  test(`pages read without JavaScript (${lang})`, async ({ browser }) => {
    await sweep(browser, { javaScriptEnabled: false }, async (page, path) => {
      const res = await page.goto(withLang(path, lang));
      expect(res?.status(), path).toBe(200);
      await expect(page.locator('html'), path).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('main h1').first(), path).toBeVisible();
      expect((await page.locator('main').innerText()).trim().length, path).toBeGreaterThan(40);
    });
  });

  test(`pages hydrate cleanly, pass axe and fit 360, 390 and 1280 px (${lang})`, async ({ browser }) => {
    // Some fifty pages, each hydrated, checked by axe and measured at three widths: more than one test's usual
    // minute on a slow machine (the course pages added five, the first steps and the settings two).
    test.setTimeout(360_000);
    const problems = await sweep(browser, { viewport: { width: 360, height: 740 } }, async (page, path) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(withLang(path, lang));
      await hydrated(page);
      await expectAccessible(page);
      // No sideways scrolling on two phones and a laptop; on phones the header stays within 64 px.
      for (const width of [360, 390, 1280]) {
        await page.setViewportSize({ width, height: 740 });
        const { overflow, header } = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          header: document.querySelector('.ldn-header')?.getBoundingClientRect().height ?? 0,
        }));
        expect(overflow, `${path} is wider than a ${width} px screen`).toBeLessThanOrEqual(0);
        if (width < 720) expect(header, `${path}: the header's height at ${width} px`).toBeLessThanOrEqual(64);
      }
    });
    expect(problems).toEqual([]);
  });
}

test('the API reference works under the content security policy', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) blocked.push(msg.text());
  });
  await page.goto('/api/docs');
  // Tags start folded (some 150 operations); opening one shows its operations.
  await page.getByRole('heading', { name: 'people' }).click();
  await expect(page.getByText('/api/v1/participants').first()).toBeVisible();
  expect(blocked).toEqual([]);
});
