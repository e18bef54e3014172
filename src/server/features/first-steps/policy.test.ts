import { describe, expect, it } from 'vitest';
import { listOffered, profileFilledIn } from './policy';

describe('first steps policy', () => {
  it('counts the profile filled in with a region, a language and a skill, not with fewer', () => {
    expect(profileFilledIn({ region: 'SSA', languages: ['ha'], interests: ['coaching'] })).toBe(true);
    expect(profileFilledIn({ region: null, languages: ['ha'], interests: ['coaching'] })).toBe(false);
    expect(profileFilledIn({ region: 'SSA', languages: [], interests: ['coaching'] })).toBe(false);
    expect(profileFilledIn({ region: 'SSA', languages: ['ha'], interests: [] })).toBe(false);
  });

  it('offers the list until it is hidden or every step is done', () => {
    expect(listOffered([{ done: true }, { done: false }], false)).toBe(true);
    expect(listOffered([{ done: true }, { done: false }], true)).toBe(false);
    expect(listOffered([{ done: true }, { done: true }], false)).toBe(false);
  });
});
