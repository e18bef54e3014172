// The zone chooser without JavaScript (DECISIONS 26): GET /time-zone sets the cookies and goes back; pages then
// show that zone, even when the browser's script later reports its own zone in `ldn_tz`.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp } from '../testing/harness';
import { TestClient, signedUp } from '../testing/client';

beforeAll(buildWebBundle, 120_000);

const zoneOf = (html: string) => /"timeZone":"([^"]+)"/.exec(html)?.[1];

describe('the time-zone chooser', () => {
  it('sets the zone cookie and goes back to the page, which then shows times in that zone', async () => {
    const c = new TestClient(await testApp({ pages: true }));
    const res = await c.get('/time-zone?zone=Pacific%2FHonolulu&back=%2Ffaq%3Fuselang%3Dar');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/faq?uselang=ar');
    expect(c.cookies.get('ldn_tz')).toBe('Pacific/Honolulu');
    expect(zoneOf((await c.get('/faq')).text)).toBe('Pacific/Honolulu');
    // The browser's script sets ldn_tz to the browser's zone: the choice still wins.
    c.cookies.set('ldn_tz', 'Europe/Berlin');
    expect(zoneOf((await c.get('/faq')).text)).toBe('Pacific/Honolulu');
    // An empty choice forgets it: the browser's zone again.
    expect((await c.get('/time-zone?zone=&back=/faq')).status).toBe(303);
    expect(zoneOf((await c.get('/faq')).text)).toBe('Europe/Berlin');
  }, 120_000);

  it('is on /events and /settings, and sets the zone cookie for a signed-in person without a zone in their profile', async () => {
    const app = await testApp({ pages: true });
    const person = await signedUp(app);
    const chooser = (html: string) => /<form method="get" action="\/time-zone"[^]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(chooser((await new TestClient(app).get('/events')).text)).toContain('name="back" value="/events"');
    const settings = chooser((await person.get('/settings')).text);
    expect(settings).toContain('name="back" value="/settings"');
    expect(settings).toContain('name="zone"');
    const res = await person.get('/time-zone?zone=Asia%2FTokyo&back=%2Fsettings');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/settings');
    expect(person.cookies.get('ldn_tz_choice')).toBe('Asia/Tokyo');
    expect(zoneOf((await person.get('/settings')).text)).toBe('Asia/Tokyo');
    // A zone in the profile wins; the chooser then points to the profile's settings.
    expect((await person.patch('/api/v1/me/profile', { timeZone: 'America/Lima' })).status).toBe(200);
    const page = (await person.get('/settings')).text;
    expect(zoneOf(page)).toBe('America/Lima');
    expect(page).toContain('href="/settings/profile"');
  }, 120_000);

  it('ignores an unknown zone and never sends people to another site', async () => {
    const c = new TestClient(await testApp({ pages: true }));
    const bad = await c.get('/time-zone?zone=Mars%2FOlympus&back=%2F%2Fevil.example');
    expect(bad.status).toBe(303);
    expect(bad.headers.location).toBe('/events');
    expect(c.cookies.has('ldn_tz')).toBe(false);
    expect((await c.get('/time-zone?zone=UTC&back=%2F%5Cevil.example')).headers.location).toBe('/events');
    expect((await c.get('/time-zone?zone=UTC&back=https%3A%2F%2Fevil.example')).headers.location).toBe('/events');
  });

  it('marks the zone cookies Secure on https', async () => {
    const app = await testApp({
      pages: true,
      configOverrides: { secureCookies: true, baseUrl: 'https://ldn.example.org' },
    });
    const res = await app.inject('/time-zone?zone=Asia%2FKolkata');
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.length).toBe(2);
    for (const c of cookies) expect(c).toMatch(/; Secure/);
  });
});
