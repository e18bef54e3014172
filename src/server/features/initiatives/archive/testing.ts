// Test fixtures for the archive and the exports: initiatives taken to their end through the API.
import { expect } from 'vitest';
import { idea, type Person } from '../testing';

export interface EndOptions {
  idea?: Record<string, unknown>;
  /** Evaluation fields (outcomes, reached, lessons, …); none: not evaluated. */
  evaluation?: Record<string, unknown>;
  end?: 'archived' | 'discontinued';
}

export const evaluationOf = (results: ('met' | 'partly_met' | 'not_met')[], extra: Record<string, unknown> = {}) => ({
  outcomes: results.map((result, n) => ({ goal: `Goal ${n + 1}`, result })),
  reached: [
    { region: 'SA', language: 'hi', count: 7 },
    { region: 'SA', language: 'ur', count: 3 },
  ],
  lessons: 'Short sessions work better than long ones.',
  documentation: ['https://meta.wikimedia.org/wiki/Example/Report'],
  ...extra,
});

/** An idea moved to active, evaluating (evaluated when asked) and archived, or discontinued. */
export async function ended(lead: Person, o: EndOptions = {}): Promise<{ id: string; title: string }> {
  const i = await idea(lead, o.idea);
  const move = async (stage: string) => {
    const res = await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage });
    expect(res.status, res.text).toBe(200);
  };
  await move('active');
  if (o.evaluation) {
    const res = await lead.put(`/api/v1/initiatives/${i.id}/evaluation`, o.evaluation);
    expect(res.status, res.text).toBe(200);
  }
  if ((o.end ?? 'archived') === 'archived') {
    await move('evaluating');
    await move('archived');
  } else {
    await move('discontinued');
  }
  return { id: i.id, title: i.title };
}
