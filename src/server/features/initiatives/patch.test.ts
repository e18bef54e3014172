// PATCH changes what the body names and nothing else: only the groups, or nothing at all (an empty body answers
// the idea as it is, without a new audit record or a new time of change).
import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/harness';
import { auditCount, group, idea, someone } from './testing';

describe('changing an idea in part', () => {
  it('changes only its groups when the body names only them', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const [a, b] = [await group(app), await group(app)];
    const i = await idea(lead, { communities: [a.slug] });
    const res = await lead.patch(`/api/v1/initiatives/${i.id}`, { communities: [b.slug] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.communities.map((c: { slug: string }) => c.slug)).toEqual([b.slug]);
    expect(res.body.title).toBe(i.title);
    const none = await lead.patch(`/api/v1/initiatives/${i.id}`, { communities: [] });
    expect(none.status).toBe(200);
    expect(none.body.communities).toEqual([]);
  });

  it('answers an empty body with the idea as it is, and records nothing', async () => {
    const app = await testApp();
    const lead = await someone(app);
    const i = await idea(lead);
    const before = (await lead.get(`/api/v1/initiatives/${i.id}`)).body;
    const edits = await auditCount(app, 'initiative.edit', lead.userId);
    const res = await lead.patch(`/api/v1/initiatives/${i.id}`, {});
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual(before);
    expect(await auditCount(app, 'initiative.edit', lead.userId)).toBe(edits);
  });

  it('still refuses an empty body from someone who may not change the idea', async () => {
    const app = await testApp();
    const i = await idea(await someone(app));
    expect((await (await someone(app)).patch(`/api/v1/initiatives/${i.id}`, {})).status).toBe(403);
  });
});
