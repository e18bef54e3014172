// A kept page is the same for everyone but for a short tail (its forms' masked CSRF token and key, new with every
// answer, pages/plugin.ts). Compressing the whole page for each answer would cost more than sending it; instead
// the page's start is compressed once, and each answer is that start, the tail as stored (uncompressed) bytes,
// and the stream's end. Both formats allow it: brotli has uncompressed meta-blocks (RFC 7932 §9.2), deflate
// stored blocks (RFC 1951 §3.2.4); the start is flushed to a byte boundary so they can follow.
//
// The tail goes uncompressed, so a secret in it is not exposed to compression side channels (BREACH) either.
import zlib from 'node:zlib';
import { compressOpenStart, decompress, type Encoding } from './encoding';

export interface SplicedStart {
  encoding: Encoding;
  /** The compressed start, open (flushed, not finished). */
  start: Buffer;
  /** gzip only: the CRC-32 and length of the uncompressed start. */
  crc: number;
  length: number;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** The largest tail one stored block can carry; a longer one is not spliced. */
export const MAX_TAIL_BYTES = 65535;

export function spliceStart(start: Buffer, encoding: Encoding): SplicedStart {
  return {
    encoding,
    start: compressOpenStart(start, encoding),
    crc: encoding === 'gzip' ? zlib.crc32(start) : 0,
    length: start.length,
  };
}

/** The whole compressed answer: the kept start, then `tail` as stored bytes, then the end of the stream. */
export function spliceAnswer(s: SplicedStart, tail: Buffer): Buffer {
  const n = tail.length;
  if (n === 0 || n > MAX_TAIL_BYTES) throw new RangeError(`a spliced tail holds 1 to ${MAX_TAIL_BYTES} bytes`);
  if (s.encoding === 'br') {
    // Meta-block header, least significant bit first: ISLAST 0, MNIBBLES 0 (four nibbles), MLEN-1 (16 bits),
    // ISUNCOMPRESSED 1, then zero bits to the byte boundary; the last meta-block: ISLAST 1, ISLASTEMPTY 1.
    const header = ((n - 1) << 3) | (1 << 19);
    return Buffer.concat([
      s.start,
      Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]),
      tail,
      Buffer.from([0x03]),
    ]);
  }
  // A final stored block (BFINAL 1, BTYPE 00: the byte 0x01), LEN and NLEN, the bytes; then gzip's trailer.
  const block = Buffer.from([0x01, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zlib.crc32(tail, s.crc), 0);
  trailer.writeUInt32LE((s.length + n) >>> 0, 4);
  return Buffer.concat([GZIP_HEADER, s.start, block, tail, trailer]);
}

/** Whether the spliced answer for `tail` decompresses to start + tail (checked once, when a start is made). */
export function spliceHolds(s: SplicedStart, start: Buffer, tail: Buffer): boolean {
  try {
    return decompress(spliceAnswer(s, tail), s.encoding).equals(Buffer.concat([start, tail]));
  } catch {
    return false;
  }
}
