// Compressed answers: what a browser that takes brotli or gzip receives must be exactly what one that takes
// neither receives, kept pages included (their start compressed once, their fresh tokens spliced in).
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp, unique } from '../../testing/harness';
import { signedUp } from '../../testing/client';
import { chooseEncoding, type Encoding } from './encoding';
import { spliceAnswer, spliceHolds, spliceStart } from './splice';

const decode = (body: Buffer, encoding: string | undefined) =>
  (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString(
    'utf8',
  );

describe('the encoding chosen', () => {
  it('is brotli when taken, else gzip, and none when neither is or both are refused', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
  });
});

describe('a spliced answer', () => {
  for (const encoding of ['br', 'gzip'] as Encoding[])
    it(`decompresses to its start and its tail in ${encoding}, whatever the tail`, () => {
      const start = Buffer.from(`<html><body>${'<p>Leadership is shared work. </p>'.repeat(400)}<script>{"a":"`);
      const spliced = spliceStart(start, encoding);
      expect(spliced.start.length).toBeLessThan(start.length / 10);
      for (const tail of [Buffer.from('x'), randomBytes(300), Buffer.alloc(65535, 'z')]) {
        expect(decode(spliceAnswer(spliced, tail), encoding)).toBe(Buffer.concat([start, tail]).toString('utf8'));
        expect(spliceHolds(spliced, start, tail)).toBe(true);
      }
      expect(() => spliceAnswer(spliced, Buffer.alloc(65536))).toThrow(RangeError);
    });
});

describe('answers to a browser that takes compression', () => {
  beforeAll(buildWebBundle, 120_000);

  it('are the same as uncompressed ones, for the API and for kept pages, with Vary naming the encoding', async () => {
    const app = await testApp({ pages: true });
    for (const url of ['/api/openapi.json', '/faq', '/participants']) {
      const plain = await app.inject(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const encoding of ['br', 'gzip']) {
        const res = await app.inject({ url, headers: { 'accept-encoding': `${encoding}, deflate` } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(String(res.headers.vary)).toMatch(/Accept-Encoding/);
        const text = decode(res.rawPayload, encoding);
        // Pages differ only by their fresh tokens.
        const steady = (html: string) =>
          html.replace(/"(csrf|formKey)":"[^"]*"/g, '').replace(/(name="_csrf"[^>]*value=")[^"]*"/g, '$1"');
        expect(steady(text)).toBe(steady(plain.body));
        expect(text.length).toBeGreaterThan(res.rawPayload.length);
      }
    }
  });

  it('give every answer of a kept page its own masked token and form key, outside the compressed part', async () => {
    const app = await testApp({ pages: true });
    const tokens = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ url: '/faq', headers: { 'accept-encoding': 'br' } });
      const html = decode(res.rawPayload, 'br');
      const [, csrf, formKey] =
        /"csrf":"([^"]+)","formKey":"([^"]+)"\}<\/script>(<input [^>]+>)+<script>/.exec(html) ?? [];
      expect(csrf).toBeTruthy();
      tokens.add(`${csrf}|${formKey}`);
      // Sent as stored bytes: never mixed into what the compressor saw (no compression side channel on them).
      expect(res.rawPayload.includes(Buffer.from(`${csrf}","formKey":"${formKey}`))).toBe(true);
    }
    expect(tokens.size).toBe(3);
  });

  it('compress a signed-in person’s page afresh, with their own token', async () => {
    const app = await testApp({ pages: true });
    const person = await signedUp(app, unique('Compressed Reader '));
    const cookie = [...person.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.inject({ url: '/faq', headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(decode(res.rawPayload, 'gzip')).toContain(person.username);
  });

  it('leave small answers as they are', async () => {
    const res = await (await testApp()).inject({ url: '/healthz', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
