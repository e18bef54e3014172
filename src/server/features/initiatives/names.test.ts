// People named by initiatives (the author, leads, people who signed up, helpers, requests, update authors, the
// archive and the downloads) show the display name only when its owner made it public; else the username.
import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { ended } from './archive/testing';
import { idea, openCall, someone } from './testing';

describe('names of people on initiatives', () => {
  it('show the username wherever the display name is hidden, and the display name where it is public', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const helper = await someone(app);
    expect(
      (await lead.patch('/api/v1/me/profile', { displayName: 'Hidden Lead', publicFields: ['region'] })).status,
    ).toBe(200);
    expect(
      (await helper.patch('/api/v1/me/profile', { displayName: 'Shown Helper', publicFields: ['display_name'] }))
        .status,
    ).toBe(200);
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    const s = await helper.post(`/api/v1/initiatives/${i.id}/jobs/${call.jobs[0]!.id}/signups`, {});
    expect((await lead.post(`/api/v1/initiatives/${i.id}/signups/${s.body.id}/accept`)).status).toBe(200);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/updates`, { title: 'News', body: 'Started.' })).status).toBe(
      201,
    );

    const hidden = { username: lead.username, displayName: lead.username };
    const shown = { username: helper.username, displayName: 'Shown Helper' };
    const d = (await helper.get(`/api/v1/initiatives/${i.id}`)).body;
    expect(d.author).toEqual(hidden);
    expect(d.leads).toEqual([hidden]);
    expect(d.updates[0].author).toEqual(hidden);
    expect(d.callDetail.jobs[0].accepted).toEqual([shown]);
    expect(d.mySignups[0].person).toEqual(shown);
    const board = (await helper.get('/api/v1/initiatives?stage=recruiting&limit=100')).body;
    expect(board.items.find((x: { id: string }) => x.id === i.id).leads).toEqual([hidden]);
    const wikitext = (await helper.get(`/initiatives/${i.id}/export.wikitext`)).text;
    expect(wikitext).not.toContain('Hidden Lead');
    expect(wikitext).toContain('Shown Helper');

    const past = await ended(lead);
    const archive = (await helper.get(`/api/v1/initiatives/archive?q=${encodeURIComponent(past.title)}`)).body;
    expect(archive.items[0].leads).toEqual([hidden]);
    const json = JSON.parse((await helper.get(`/initiatives/archive.json?q=${encodeURIComponent(past.title)}`)).text);
    expect(json.items[0].leads).toEqual([hidden]);
  });
});
