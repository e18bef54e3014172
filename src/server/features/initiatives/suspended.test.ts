// A suspended person makes no change to initiatives, on every write and not only on those with a rate tier,
// but may still take back what is theirs: their support and their sign-ups.
import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { idea, openCall, someone, staff } from './testing';

describe('a suspended person', () => {
  it('is refused every change to initiatives, and may still withdraw their support and sign-ups', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const helper = await someone(app);
    const moderator = await staff(app, 'moderator');
    const i = await idea(lead);
    const call = await openCall(lead, i.id);
    expect((await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'active' })).status).toBe(200);
    const grant = await lead.post(`/api/v1/initiatives/${i.id}/grants`, {
      program: 'rapid_fund',
      amount: 100,
      currency: 'USD',
      status: 'planned',
    });
    expect(grant.status).toBe(201);
    const link = await lead.post(`/api/v1/initiatives/${i.id}/links`, {
      kind: 'event',
      title: 'Kick-off',
      url: 'https://example.org/kick-off',
    });
    expect(link.status).toBe(201);
    const signup = await helper.post(`/api/v1/initiatives/${i.id}/jobs/${call.jobs[0]!.id}/signups`, {});
    expect(signup.status).toBe(201);
    const other = await someone(app);
    const offered = await other.post(`/api/v1/initiatives/${i.id}/signups`, {});
    expect(offered.status).toBe(201);
    expect((await helper.post(`/api/v1/initiatives/${i.id}/support`)).status).toBe(201);

    for (const p of [lead, helper]) {
      expect(
        (await moderator.post(`/api/v1/moderation/people/${p.userId}/suspend`, { reason: 'Cooling-off', hours: 24 }))
          .status,
      ).toBe(201);
    }
    const refused = [
      // Writes that carried no rate tier, and so were open to suspended people before.
      () => lead.post(`/api/v1/initiatives/${i.id}/phase`, { phase: 'design' }),
      () => lead.post(`/api/v1/initiatives/${i.id}/signups/${offered.body.id}/accept`),
      () => lead.post(`/api/v1/initiatives/${i.id}/signups/${offered.body.id}/decline`),
      () => lead.delete(`/api/v1/initiatives/${i.id}/links/${link.body.id}`),
      () => lead.delete(`/api/v1/initiatives/${i.id}/grants/${grant.body.id}`),
      () => lead.put(`/api/v1/initiatives/${i.id}/checklist/define_problem`, { checked: true }),
      // Writes with a tier, refused before too.
      () => lead.patch(`/api/v1/initiatives/${i.id}`, { title: 'Renamed' }),
      () => lead.post(`/api/v1/initiatives/${i.id}/updates`, { title: 'News', body: 'More news.' }),
      () => helper.post('/api/v1/initiatives', { title: 'Another idea', summary: 'x' }),
    ];
    for (const attempt of refused) {
      const res = await attempt();
      expect(res.status, res.text).toBe(403);
      expect(res.body.title).toBe('Your account is suspended');
    }
    expect((await helper.delete(`/api/v1/initiatives/${i.id}/support`)).status).toBe(200);
    expect((await helper.delete(`/api/v1/initiatives/${i.id}/signups/${signup.body.id}`)).status).toBe(204);
    // Reading still works.
    expect((await lead.get(`/api/v1/initiatives/${i.id}`)).body).toMatchObject({
      phase: 'define',
      links: [{ id: link.body.id }],
      grants: [{ id: grant.body.id }],
    });
  });
});
