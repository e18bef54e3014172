import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A 32-byte random secret, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
/** What the database keeps of a secret: its SHA-256, so a leaked table opens no session. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
