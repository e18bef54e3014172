// Forms without JavaScript (DECISIONS 23): sign up, log in, log out and comment as plain form posts that go on
// with a 303 or come back as the page with the refusal (never JSON); the CSRF field refused when missing or wrong,
// visitors' signed double-submit token, and the JSON API untouched.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWebBundle, testApp, unique } from '../testing/harness';
import { TestClient, signedUp, type Answer } from '../testing/client';
import { maskToken } from '../http/csrf';
import { makeUpdate } from '../features/conversations/testing';

beforeAll(buildWebBundle, 120_000);
// The first test of a file pays for the app's start and its first pages.
vi.setConfig({ testTimeout: 120_000 });

const pagesApp = () => testApp({ pages: true });
/** The token a page's forms carry (the server puts it in, masked, as it sends the page). */
const tokenOf = (res: Answer) => {
  const m = /name="_csrf"(?: form="[^"]+")? value="([^"]+)"/.exec(res.text);
  if (!m?.[1]) throw new Error(`no _csrf field in ${res.text.slice(0, 200)}`);
  return m[1];
};
const isPage = (res: Answer) => expect(res.headers['content-type']).toMatch(/^text\/html/);
const signedInAs = async (c: TestClient) => (await c.get('/api/v1/session')).body.user?.username ?? null;

describe('logging in without JavaScript', () => {
  it('shows a wrong password in the page (400, the name kept, never the password), then logs in and goes on', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const c = new TestClient(app);
    const page = await c.get('/login?returnTo=%2Ffaq');
    expect(c.cookies.has('ldn_csrf')).toBe(true);
    expect(c.cookies.has('ldn_session')).toBe(false); // a kept page costs no session
    const fields = {
      _action: 'login',
      _form: 'login',
      _csrf: tokenOf(page),
      returnTo: '/faq',
      username: person.username,
    };
    const wrong = await c.form('/login?returnTo=%2Ffaq', { ...fields, password: 'not the password at all' });
    expect(wrong.status).toBe(400);
    isPage(wrong);
    expect(wrong.text).toContain('<h1');
    expect(wrong.text).toContain('The username or password is not correct.');
    // The refusal above the form takes the focus (no field is named by it).
    expect(wrong.text).toMatch(/<div[^>]*tabindex="-1"[^>]*autofocus[^>]*>[^]*The username or password is not correct/);
    expect(wrong.text).toContain(`value="${person.username}"`);
    expect(wrong.text).not.toContain('not the password at all');
    expect(await signedInAs(c)).toBeNull();

    const ok = await c.form('/login', { ...fields, _csrf: tokenOf(wrong), password: 'correct horse battery' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/faq');
    expect(await signedInAs(c)).toBe(person.username);
  });

  it('never goes on to another site', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const c = new TestClient(app);
    const page = await c.get('/login');
    const res = await c.form('/login', {
      _action: 'login',
      _csrf: tokenOf(page),
      returnTo: '//evil.example/',
      username: person.username,
      password: 'correct horse battery',
    });
    expect(res.headers.location).toBe('/');
  });
});

describe('the CSRF field of forms', () => {
  it('refuses a missing, wrong or unsigned token with the page (403), not JSON, and the page brings a fresh one', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const c = new TestClient(app);
    const page = await c.get('/login');
    const fields = { _action: 'login', _form: 'login', username: person.username, password: 'correct horse battery' };
    const missing = await c.form('/login', fields);
    expect(missing.status).toBe(403);
    isPage(missing);
    expect(missing.text).toContain('This form had expired');
    expect(missing.text).toContain(`value="${person.username}"`);
    expect((await c.form('/login', { ...fields, _csrf: 'nonsense' })).status).toBe(403);
    // Another visitor's token: right for them, not for this cookie.
    const other = new TestClient(app);
    expect((await c.form('/login', { ...fields, _csrf: tokenOf(await other.get('/login')) })).status).toBe(403);
    // A cookie and field of the visitor's own making, not signed by the site.
    c.cookies.set('ldn_csrf', 'made.up');
    expect((await c.form('/login', { ...fields, _csrf: maskToken('made.up') })).status).toBe(403);
    expect(await signedInAs(c)).toBeNull();
    // The refused page set a fresh token, and it works.
    const refused = await c.form('/login', fields);
    expect((await c.form('/login', { ...fields, _csrf: tokenOf(refused) })).status).toBe(303);
    expect(page.status).toBe(200);
  });

  it('takes a signed-in person’s session token only, masked afresh in every page', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const [a, b] = [tokenOf(await person.get('/faq')), tokenOf(await person.get('/faq'))];
    expect(a).not.toBe(b);
    expect(a).not.toContain(person.csrf ?? '-');
    // A visitor's double-submit token is not a signed-in person's.
    const visitor = new TestClient(app);
    const visitorToken = tokenOf(await visitor.get('/faq'));
    person.cookies.set('ldn_csrf', visitor.cookies.get('ldn_csrf')!);
    const forged = await person.form('/logout', { _action: 'logout', _form: 'logout', _csrf: visitorToken });
    expect(forged.status).toBe(403);
    isPage(forged);
    expect(await signedInAs(person)).toBe(person.username);
  });

  it('leaves the JSON API as it was: the header token, refusals as problem+json', async () => {
    const app = await pagesApp();
    const c = await new TestClient(app).start();
    const refused = await c.post('/api/v1/session', { username: 'x', password: 'y' }, { 'x-csrf-token': 'wrong' });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(
      (await c.post('/api/v1/accounts', { username: unique('Api'), password: 'correct horse battery' })).status,
    ).toBe(201);
    const unknown = await c.post('/api/v1/no-such-thing', {});
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('signing up and logging out without JavaScript', () => {
  it('shows bad input beside its field (400), then signs up, and logs out with a 303', async () => {
    const app = await pagesApp();
    const c = new TestClient(app);
    const name = unique('Formal');
    const page = await c.get('/signup');
    const fields = { _action: 'signup', _form: 'signup', returnTo: '/', username: name, email: '' };
    const short = await c.form('/signup', { ...fields, _csrf: tokenOf(page), password: 'short' });
    expect(short.status).toBe(400);
    isPage(short);
    expect(short.text).toMatch(/cdx-text-input--status-error[^]*Enter at least 8 characters\./);
    expect(short.text).toContain(`value="${name}"`);
    // No script will move focus or tie the message: the field in error says so itself, and takes the focus.
    const passwordInput = /<input[^>]*name="password"[^>]*>/.exec(short.text)?.[0] ?? '';
    expect(passwordInput).toContain('aria-invalid="true"');
    expect(passwordInput).toContain('autofocus');
    expect(/<input[^>]*name="username"[^>]*>/.exec(short.text)?.[0]).not.toContain('aria-invalid');
    const ok = await c.form('/signup', { ...fields, _csrf: tokenOf(short), password: 'correct horse battery' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/');
    expect(await signedInAs(c)).toBe(name);

    const home = await c.get('/');
    const out = await c.form('/logout', { _action: 'logout', _form: 'logout', _csrf: tokenOf(home) });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/');
    expect(await signedInAs(c)).toBeNull();
  });

  it('brings a refused log-out back to the log-out page with a fresh form', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const res = await person.form('/logout', { _action: 'logout', _form: 'logout', _csrf: 'stale' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('This form had expired');
    expect((await person.form('/logout', { _action: 'logout', _csrf: tokenOf(res) })).status).toBe(303);
    expect(await signedInAs(person)).toBeNull();
  });
});

describe('commenting without JavaScript', () => {
  it('posts a comment and goes back to it; an empty one comes back with its error beside the field', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const updateId = await makeUpdate(app, person.userId);
    const path = `/updates/${updateId}`;
    const page = await person.get(path);
    const form = `comment:update:${updateId}:`;
    expect(page.text).toContain(`name="_form" value="${form}"`);
    const fields = { _action: 'comment', _form: form, subjectType: 'update', subjectId: updateId };
    const empty = await person.form(path, { ...fields, _csrf: tokenOf(page), body: '   ' });
    expect(empty.status).toBe(400);
    isPage(empty);
    expect(empty.text).toMatch(/cdx-text-area--status-error[^]*This field is required\./);
    const text = unique('Said without script ');
    const ok = await person.form(path, { ...fields, _csrf: tokenOf(empty), body: text });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toMatch(new RegExp(`^${path}#comment-\\d+$`));
    expect((await person.get(path)).text).toContain(text);
  });

  it('sent again from the same page (a resend, a double click) makes one comment; a new page sends a new key', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const updateId = await makeUpdate(app, person.userId);
    const path = `/updates/${updateId}`;
    const page = await person.get(path);
    const keyOf = (res: Answer) => /name="_idempotency" value="([^"]+)"/.exec(res.text)?.[1];
    const key = keyOf(page);
    expect(key).toMatch(/^[0-9a-f]{32}:comment:/);
    expect(keyOf(await person.get(path))).not.toBe(key);
    const text = unique('Sent twice ');
    const fields = {
      _action: 'comment',
      _form: `comment:update:${updateId}:`,
      _csrf: tokenOf(page),
      _idempotency: key ?? '',
      subjectType: 'update',
      subjectId: updateId,
      body: text,
    };
    const first = await person.form(path, fields);
    const again = await person.form(path, fields);
    expect([first.status, again.status]).toEqual([303, 303]);
    expect(again.headers.location).toBe(first.headers.location);
    const rows = await app.db.selectFrom('comments').select('id').where('body', '=', text).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a visitor who is not logged in, in the page', async () => {
    const app = await pagesApp();
    const author = await signedUp(app);
    const updateId = await makeUpdate(app, author.userId);
    const visitor = new TestClient(app);
    const page = await visitor.get(`/updates/${updateId}`);
    const res = await visitor.form(`/updates/${updateId}`, {
      _action: 'comment',
      _form: `comment:update:${updateId}:`,
      _csrf: tokenOf(page),
      subjectType: 'update',
      subjectId: updateId,
      body: 'Anonymous words',
    });
    expect(res.status).toBe(400);
    isPage(res);
    const rows = await app.db.selectFrom('comments').select('id').where('body', '=', 'Anonymous words').execute();
    expect(rows).toEqual([]);
  });
});

describe('the first steps without JavaScript', () => {
  it('marks a step done and hides the list with plain forms, and refuses a visitor', async () => {
    const app = await pagesApp();
    const person = await signedUp(app);
    const page = await person.get('/welcome');
    expect(page.text).toMatch(/<form[^>]*method="post"[^>]*>[^]*name="_action" value="firstSteps"/);
    const mark = { _action: 'firstSteps', _form: 'first-steps:telegram', step: 'telegram', value: 'true' };
    const done = await person.form('/welcome', { ...mark, _csrf: tokenOf(page) });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/welcome');
    const steps = (await person.get('/api/v1/me/first-steps')).body;
    expect(steps.steps.find((s: { step: string }) => s.step === 'telegram').done).toBe(true);
    const hide = { _action: 'firstSteps', _form: 'first-steps:dismissed', step: 'dismissed', value: 'true' };
    expect((await person.form('/welcome', { ...hide, _csrf: tokenOf(await person.get('/welcome')) })).status).toBe(303);
    expect((await person.get('/api/v1/me/first-steps')).body.dismissed).toBe(true);

    const visitor = new TestClient(app);
    const refused = await visitor.form('/welcome', { ...mark, _csrf: tokenOf(await visitor.get('/welcome')) });
    expect(refused.status).toBe(400);
    isPage(refused);
  });
});
