// The text rule at the door: NUL and lone surrogates anywhere in a request are a 400 naming the field, before
// PostgreSQL sees them; other text arrives in NFC, passwords as typed.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKeepableText, keptText } from '../../contracts/text';
import { testApp, unique } from '../testing/harness';
import { signedUp, TestClient } from '../testing/client';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('NUL and lone surrogates', () => {
  it('are refused in a query string, naming the parameter, on public routes too', async () => {
    const c = new TestClient(await testApp());
    for (const url of ['/api/v1/initiatives/archive?q=%00', '/api/v1/initiatives/archive?q=a%00b']) {
      const res = await c.get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(res.body)).toEqual(['q']);
      expect(res.body.errors[0].message).toMatch(/character/);
    }
  });

  it('are refused in a path parameter, naming it', async () => {
    const c = new TestClient(await testApp());
    const res = await c.get('/api/v1/people/%00');
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['username']);
  });

  it('are refused in a JSON string, nested ones and keys too, with the field named in the language asked', async () => {
    const c = await signedUp(await testApp());
    const nul = await c.patch('/api/v1/me/profile?uselang=fr', { bio: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(fieldsOf(nul.body)).toEqual(['bio']);
    expect(nul.body.errors[0].message).toMatch(/caractère/);
    // JSON.stringify writes a lone surrogate as the escape \ud800: the server reads it back as one.
    const lone = await c.patch('/api/v1/me/profile', { displayName: 'Nadia \ud800', languages: ['en', 'x\udc00'] });
    expect(lone.status).toBe(400);
    expect(fieldsOf(lone.body)).toEqual(['displayName', 'languages.1']);
    const key = await c.patch('/api/v1/me/profile', { ['bio\u0000']: 'x' });
    expect(key.status).toBe(400);
    expect(fieldsOf(key.body)).toEqual(['bio\uFFFD']);
  });

  it('are refused in a login name before any account is looked up', async () => {
    const c = await new TestClient(await testApp()).start();
    const res = await c.post('/api/v1/session', { username: '\ud800Nadia', password: 'whatever it is' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['username']);
  });

  it('refuses a body nested deeper than any form of the API, rather than walking it', async () => {
    const c = await signedUp(await testApp());
    const res = await c.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      headers: {
        'content-type': 'application/json',
        cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': c.csrf!,
      },
      payload: `{"bio": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('NFC', () => {
  it('normalizes text fields, so the same words typed two ways are the same text', async () => {
    const c = await signedUp(await testApp());
    const res = await c.patch('/api/v1/me/profile', { bio: 'Cafe\u0301 de Sa\u0303o Paulo' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.bio).toBe('Café de São Paulo');
  });

  it('keeps passwords exactly as typed: the other form of the same letters is another password', async () => {
    const app = await testApp();
    const username = unique('nfc');
    const decomposed = 'cafe\u0301 au lait noir';
    const c = await new TestClient(app).start();
    expect((await c.post('/api/v1/accounts', { username, password: decomposed })).status).toBe(201);
    const other = await new TestClient(app).start();
    expect((await other.post('/api/v1/session', { username, password: decomposed.normalize('NFC') })).status).toBe(401);
    expect((await other.post('/api/v1/session', { username, password: decomposed })).status).toBe(200);
  });
});

describe('the shared text type', () => {
  it('refuses NUL and lone surrogates, keeps pairs, and normalizes', () => {
    expect(isKeepableText('😀 é')).toBe(true);
    expect(isKeepableText('\ud83d')).toBe(false);
    expect(isKeepableText('\ude00x')).toBe(false);
    expect(isKeepableText('a\u0000')).toBe(false);
    const name = keptText(z.string().max(5));
    expect(name.parse('e\u0301')).toBe('é');
    expect(name.safeParse('a\u0000').error?.issues[0]?.message).toBe('validation-text-characters');
    expect(name.safeParse('abcdef').success).toBe(false);
  });
});
