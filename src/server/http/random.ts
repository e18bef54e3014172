// Random bytes for values made with every answer (the masks of CSRF tokens, visitors' form tokens, page
// handover keys). Drawing a few bytes at a time costs a system call each; drawing a pool at once and handing it
// out costs one per 4 KB. The same bytes are never handed out twice.
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/** `n` fresh random bytes (at most POOL_BYTES), from the operating system's generator. */
export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_BYTES) return randomFillSync(Buffer.alloc(n));
  if (used + n > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const out = Buffer.from(pool.subarray(used, used + n));
  pool.fill(0, used, used + n);
  used += n;
  return out;
}
