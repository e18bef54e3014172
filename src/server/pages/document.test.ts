import { describe, expect, it } from 'vitest';
import { serializeState } from './document';

describe('page state in the document', () => {
  it('cannot close its script element or break on line separators', () => {
    const text = serializeState({ bio: '</script><script>alert(1)</script>\u2028\u2029' });
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ bio: '</script><script>alert(1)</script>\u2028\u2029' });
  });
});
