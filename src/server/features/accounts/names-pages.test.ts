// Names on pages (issue 12): a long name is shortened with the whole name as its tooltip, in the header and in
// person links; a Wikimedia log-in whose username is taken here chooses another on a page that works without
// JavaScript.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startOAuthStandin, type OAuthStandin } from '../../../../tests/e2e/oauth-standin';
import { buildWebBundle, testApp, unique } from '../../testing/harness';
import { TestClient, signedUp, type Answer } from '../../testing/client';
import { createGroup } from '../communities/test-helpers';

let standin: OAuthStandin;
const client = { clientId: 'test-client', clientSecret: 'test-secret' };
beforeAll(async () => {
  buildWebBundle();
  standin = await startOAuthStandin(client);
}, 120_000);
afterAll(() => standin.close());
vi.setConfig({ testTimeout: 120_000 });

const pagesApp = () => testApp({ pages: true, configOverrides: { wikimedia: { base: standin.base, ...client } } });
const tokenOf = (res: Answer) => /name="_csrf"(?: form="[^"]+")? value="([^"]+)"/.exec(res.text)?.[1] ?? '';
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('long names on pages', () => {
  it('carry the whole name as a tooltip in the header and in person links', async () => {
    const app = await pagesApp();
    const long = `${unique('Wikimedian With A Really Quite Remarkably Long Name ')} Ñandú`;
    const a = await signedUp(app, long);
    const home = await a.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`<bdi class="ldn-account__name" title="${escaped(long)}">`);
    const group = await createGroup(a);
    const page = await a.get(`/communities/${encodeURIComponent(group.slug)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<bdi class="ldn-shown-name" title="${escaped(long)}">${escaped(long)}</bdi>`);
  });
});

describe('a Wikimedia log-in whose username is taken here, without JavaScript', () => {
  it('asks for another username on a page, refuses a taken one in the page, then signs in', async () => {
    const app = await pagesApp();
    const local = await signedUp(app, unique('Taken Here '));
    standin.profile = { sub: unique('sub'), username: local.username };
    const c = await new TestClient(app).start();
    const start = await c.get('/auth/wikimedia/login');
    const approved = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(approved.headers.get('location')!);
    expect((await c.get(back.pathname + back.search)).headers.location).toBe('/signup/wikimedia');

    const page = await c.get('/signup/wikimedia');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Someone on this site already has the username ${escaped(local.username)}.`);
    expect(page.text).toContain(`value="${escaped(local.username)} 2"`);
    // The page is this browser's own: another visitor is never shown it.
    const other = await new TestClient(app).get('/signup/wikimedia');
    expect(other.text).not.toContain(escaped(local.username));
    expect(other.text).toContain('This log-in with Wikimedia expired');
    const fields = { _action: 'wikimedia-signup', _form: 'wikimedia-signup' };
    const taken = await c.form('/signup/wikimedia', { ...fields, _csrf: tokenOf(page), username: local.username });
    expect(taken.status).toBe(409);
    expect(taken.headers['content-type']).toMatch(/^text\/html/);
    expect(taken.text).toContain('is already taken');
    const chosen = unique('Chosen Without Script ');
    const done = await c.form('/signup/wikimedia', { ...fields, _csrf: tokenOf(taken), username: chosen });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/welcome');
    expect((await c.get('/api/v1/session')).body.user.username).toBe(chosen);
  });

  it('says when nothing waits, with the way to log in with Wikimedia again', async () => {
    const app = await pagesApp();
    const page = await new TestClient(app).get('/signup/wikimedia');
    expect(page.status).toBe(200);
    expect(page.text).toContain('This log-in with Wikimedia expired or was started in another browser.');
    expect(page.text).toContain('href="/auth/wikimedia/login"');
  });
});
