// The web client's Idempotency-Key per submission (api.ts): a double click and a retry after a lost answer send the
// same key, and a new submission a new one.
import { describe, expect, it } from 'vitest';
import { createApi, type Transport } from './api';

interface Sent {
  method: string;
  path: string;
  key: string | undefined;
}

/** A transport that answers from a script, one entry per call: a status, or a lost answer (throws). */
function scripted(answers: (number | 'lost')[]) {
  const sent: Sent[] = [];
  const transport: Transport = async (method, path, _body, headers = {}) => {
    await Promise.resolve();
    sent.push({ method, path, key: headers['idempotency-key'] });
    const next = answers.shift() ?? 201;
    if (next === 'lost') throw new TypeError('Failed to fetch');
    return { status: next, body: next < 400 ? { id: '1' } : { title: 'Refused', status: next } };
  };
  return { sent, api: createApi(transport, 'token') };
}

describe('the web client', () => {
  it('sends a double click with one key, so the second creates nothing', async () => {
    const { sent, api } = scripted([201, 201]);
    await Promise.all([api.send('POST', '/comments', { body: 'Hi' }), api.send('POST', '/comments', { body: 'Hi' })]);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]?.key).toBe(sent[0]?.key);
  });

  it('sends the same key again after a lost answer or a server failure, and a new key for a new submission', async () => {
    const { sent, api } = scripted(['lost', 503, 409, 201, 201]);
    const body = { title: 'Circle' };
    await expect(api.send('POST', '/initiatives', body)).rejects.toThrow();
    await expect(api.send('POST', '/initiatives', body)).rejects.toThrow();
    await expect(api.send('POST', '/initiatives', body)).rejects.toThrow();
    await api.send('POST', '/initiatives', body);
    // Done: sending the same again is a new submission.
    await api.send('POST', '/initiatives', body);
    const keys = sent.map((s) => s.key);
    expect(new Set(keys.slice(0, 4)).size).toBe(1);
    expect(keys[4]).not.toBe(keys[3]);
  });

  it('starts afresh after a refusal, and sends no key with other methods', async () => {
    const { sent, api } = scripted([400, 201, 200]);
    await expect(api.send('POST', '/debates', { title: '' })).rejects.toThrow();
    await api.send('POST', '/debates', { title: '' });
    await api.send('PATCH', '/debates/1', { title: 'x' });
    expect(sent[1]?.key).not.toBe(sent[0]?.key);
    expect(sent[2]?.key).toBeUndefined();
  });
});
