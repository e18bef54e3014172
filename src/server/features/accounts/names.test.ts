// Names no one can spoof (issue 12): usernames and display names refuse direction controls and invisible
// characters, usernames refuse look-alikes of existing ones, lengths count what people see.
import { describe, expect, it } from 'vitest';
import { testApp, unique } from '../../testing/harness';
import { TestClient, signedUp } from '../../testing/client';

const PASSWORD = 'a long enough secret';

async function signUp(username: string, lang = 'en') {
  const c = await new TestClient(await testApp()).start();
  return c.post(`/api/v1/accounts?uselang=${lang}`, { username, password: PASSWORD });
}

describe('usernames', () => {
  it('refuses a right-to-left override with 400 naming the field and the character', async () => {
    const res = await signUp(`Nad\u200bia\u202egnp.exe${unique('')}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].field).toBe('username');
    // The zero-width space comes first in the name, so it is the one named.
    expect(res.body.errors[0].message).toContain('U+200B');
    const rlo = await signUp(`Nadia\u202egnp.exe${unique('')}`);
    expect(rlo.status).toBe(400);
    expect(rlo.body.errors[0]).toMatchObject({ field: 'username' });
    expect(rlo.body.errors[0].message).toMatch(/direction of text \(U\+202E\)/);
  });

  it('says so in the interface language', async () => {
    const res = await signUp(`Nadia\u202egnp${unique('')}`, 'fr');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('sens du texte (U+202E)');
  });

  it('refuses zero-width and other invisible characters', async () => {
    for (const invisible of ['\u200b', '\u200d', '\u2060', '\ufeff', '\u3164', '\u00ad']) {
      const res = await signUp(`Na${invisible}dia ${unique('')}`);
      expect(res.status, invisible.codePointAt(0)!.toString(16)).toBe(400);
      expect(res.body.errors[0].field).toBe('username');
      expect(res.body.errors[0].message).toMatch(/invisible or control characters/);
    }
  });

  it('refuses a look-alike of an existing username with 409 naming it', async () => {
    const app = await testApp();
    const tag = unique('');
    const nadia = await signedUp(app, `Newcomer Nadia ${tag}`);
    // A Cyrillic "е" for the Latin "e": identical on screen.
    const c = await new TestClient(app).start();
    const res = await c.post('/api/v1/accounts', { username: `N\u0435wcomer Nadia ${tag}`, password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.looksLike).toBe(nadia.username);
    expect(res.body.errors[0].field).toBe('username');
    expect(res.body.detail).toContain(`looks like "${nadia.username}"`);
    expect((await c.get('/api/v1/session')).body.user).toBeNull();
    // Capital I for l, and a name in another letter case, too.
    await signedUp(app, `PayPal ${tag}`);
    const capitalI = await signUp(`payPaI ${tag}`);
    expect(capitalI.status).toBe(409);
    expect(capitalI.body.looksLike).toBe(`PayPal ${tag}`);
    // The same name in another letter case is still "taken", as before.
    const taken = await signUp(`NEWCOMER NADIA ${tag}`);
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toMatch(/already taken/);
  });

  it('counts length in characters as people see them', async () => {
    // 85 Devanagari syllables of two code units each (170 in all): accepted; one more is too long.
    const tag = unique('');
    const name = 'मा'.repeat(85 - tag.length) + tag;
    expect(name.length).toBeGreaterThan(85);
    expect((await signUp(name)).status).toBe(201);
    const long = await signUp('ने'.repeat(86));
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'username', message: 'Enter at most 85 characters.' });
    // A family emoji is one character, not eleven code units.
    expect((await signUp(`Ana 👩‍👩‍👧‍👦 ${unique('')}`)).status).toBe(201);
  });

  it('accepts ordinary names in Arabic, Hebrew, Hindi, Russian, Persian and Chinese', async () => {
    for (const base of [
      'نادية الهاشمي',
      'מרים כהן',
      'प्रियंका शर्मा',
      'Наталья Кузнецова',
      'شاه‌رخ فرهنگ‌پور',
      '王小明',
    ]) {
      const res = await signUp(`${base} ${unique('')}`);
      expect(res.status, base).toBe(201);
      expect(res.body.user.username.startsWith(base)).toBe(true);
    }
  });
});

describe('display names', () => {
  it('refuses a direction control or an invisible character with 400 naming the field', async () => {
    const a = await signedUp(await testApp());
    const rlo = await a.patch('/api/v1/me/profile', { displayName: 'Nadia\u202egnp.exe' });
    expect(rlo.status).toBe(400);
    expect(rlo.body.errors[0].field).toBe('displayName');
    expect(rlo.body.errors[0].message).toContain('U+202E');
    const zw = await a.patch('/api/v1/me/profile', { displayName: 'Na\u200bdia' });
    expect(zw.status).toBe(400);
    expect(zw.body.errors[0].field).toBe('displayName');
  });

  it('accepts an Arabic display name, and one like someone else’s (only usernames must differ)', async () => {
    const app = await testApp();
    const a = await signedUp(app);
    const arabic = await a.patch('/api/v1/me/profile', { displayName: 'نادية الهاشمي' });
    expect(arabic.status).toBe(200);
    expect(arabic.body.displayName).toBe('نادية الهاشمي');
    const b = await signedUp(app);
    const same = await b.patch('/api/v1/me/profile', { displayName: 'N\u0435wcomer Nadia' });
    expect(same.status).toBe(200);
  });

  it('counts its length in characters as people see them', async () => {
    const a = await signedUp(await testApp());
    expect((await a.patch('/api/v1/me/profile', { displayName: 'ने'.repeat(100) })).status).toBe(200);
    const long = await a.patch('/api/v1/me/profile', { displayName: 'ने'.repeat(101) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'displayName', message: 'Enter at most 100 characters.' });
  });

  it('stores names in NFC', async () => {
    const a = await signedUp(await testApp());
    const res = await a.patch('/api/v1/me/profile', { displayName: 'Zoe\u0308' });
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('Zo\u00eb');
  });
});
