// A page's API calls take the identity the page's request handed over (http/handover.ts): the session is looked
// up once per page, not once per call; a key from outside stands for nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, queryCounter, testApp } from '../testing/harness';
import { TestClient, signedUp } from '../testing/client';
import { HANDOVER_HEADER } from './handover';

beforeAll(buildWebBundle, 120_000);

describe('identity handed over to a page’s API calls', () => {
  it('looks the session up once for a page that makes several API calls', async () => {
    const app = await testApp({ pages: true });
    const person = await signedUp(app);
    const lookups = queryCounter((node) => JSON.stringify(node).includes('"name":"sessions"')).install(app);
    // The board loads its overview and a page of initiatives: two API calls besides the page itself.
    const page = await person.get('/initiatives?stage=idea');
    expect(page.status).toBe(200);
    expect(page.text).toContain(person.username);
    expect(lookups.count).toBe(1);
  });

  it('ignores a made-up key: the request is authenticated by its cookie alone', async () => {
    const app = await testApp();
    const person = await signedUp(app);
    const forged = await new TestClient(app).get('/api/v1/session', { [HANDOVER_HEADER]: 'made-up-key' });
    expect(forged.status).toBe(200);
    expect(forged.body.user).toBeNull();
    const own = await person.get('/api/v1/session', { [HANDOVER_HEADER]: 'made-up-key' });
    expect(own.body.user.username).toBe(person.username);
  });
});
