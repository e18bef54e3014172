// The wikitext export never lets an address or a name people typed become markup: a documentation link, a
// link to an event or a grant page holding braces, brackets, pipes, quotes, tildes or double underscores stays
// one external link to exactly that address (percent-encoded), and such a username stays text; read with
// wikiparser-node.
import { describe, expect, it } from 'vitest';
import Parser from 'wikiparser-node';
import { testApp } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { ended, evaluationOf } from '../archive/testing';
import { someone } from '../testing';

const tricky = [
  "https://example.org/a{{Delete}}b''c''d~~~~e|f__NOTOC__g[h]i j",
  'https://example.org/wiki/Résumé_(2024)?q=1&x=2#top',
];
const grantPage = 'https://meta.wikimedia.org/wiki/Grants:{{subst:Delete}}/x~~~';

describe('wikitext export of addresses people typed', () => {
  it('keeps each one a single external link to the same address, with nothing of it read as markup', async () => {
    const app = await testApp();
    // A name that would be a quote, a signature and a magic word inside a link.
    const lead = await someone(app, "O''Neil~~~__NOTOC__");
    const i = await ended(lead, { evaluation: evaluationOf(['met'], { documentation: tricky }) });
    expect(
      (await lead.post(`/api/v1/initiatives/${i.id}/links`, { kind: 'event', title: 'Kick-off', url: tricky[0] }))
        .status,
    ).toBe(201);
    expect(
      (
        await lead.post(`/api/v1/initiatives/${i.id}/grants`, {
          program: 'rapid_fund',
          amount: 500,
          currency: 'USD',
          status: 'funded',
          url: grantPage,
        })
      ).status,
    ).toBe(201);

    const res = await new TestClient(app).get(`/initiatives/${i.id}/export.wikitext`);
    expect(res.status).toBe(200);
    const root = Parser.parse(res.text);
    expect(root.querySelectorAll('template').map(String)).toEqual([]);
    expect(root.querySelectorAll('quote').map(String)).toEqual([]);
    expect(root.querySelectorAll('double-underscore').map(String)).toEqual([]);
    // Saving the page would turn ~~~ into a signature: none is left outside <nowiki>.
    expect(res.text.replace(/<nowiki>[\s\S]*?<\/nowiki>/g, '')).not.toContain('~~~');
    const links = root
      .querySelectorAll('ext-link')
      .map((l) => decodeURI(String((l as unknown as { link: unknown }).link)));
    for (const url of [...tricky, grantPage])
      expect(links.map((l) => l.replace(/%23/g, '#'))).toContain(decodeURI(url.replace(/ /g, '%20')));
    // That lead is named as plain text, not linked.
    expect(root.querySelectorAll('link').map(String)).toEqual([]);
    expect(res.text).toContain("<nowiki>O''Neil~~~");
  });
});
