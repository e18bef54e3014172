import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random';

describe('pooled random bytes', () => {
  it('never hands out the same bytes twice, across refills and for sizes beyond the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(pooledRandomBytes(16).toString('hex'));
    expect(seen.size).toBe(2000);
    expect(pooledRandomBytes(5000)).toHaveLength(5000);
    const a = pooledRandomBytes(32);
    const b = pooledRandomBytes(32);
    expect(a.equals(b)).toBe(false);
    a.fill(0); // a caller's change to its bytes leaves the next ones alone
    expect(pooledRandomBytes(32).equals(Buffer.alloc(32))).toBe(false);
  });
});
