// Which compression an answer gets: brotli when the client takes it, else gzip, else none. Only text is
// compressed (images, archives and already-compressed answers are left as they are), and only from a size where
// it saves more than the headers it adds.
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this many bytes an answer goes as it is. */
export const MIN_COMPRESSED_BYTES = 1024;

const TEXT_TYPE =
  /^(text\/|application\/(json|problem\+json|atom\+xml|rss\+xml|xml|javascript|ld\+json|x-bibtex|x-research-info-systems|vnd\.citationstyles\.csl\+json)|image\/svg\+xml)/i;

export const isCompressibleType = (contentType: unknown): boolean =>
  typeof contentType === 'string' && TEXT_TYPE.test(contentType);

/**
 * The encoding to answer with for an Accept-Encoding header: br, else gzip, unless refused with q=0. Weights
 * other than 0 are not ranked (every client that sends both prefers brotli).
 */
export function chooseEncoding(accept: string | string[] | undefined): Encoding | null {
  if (!accept) return null;
  const header = Array.isArray(accept) ? accept.join(',') : accept;
  let br = false;
  let gzip = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (refused) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip') gzip = true;
    else if (name === '*') br = gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : null;
}

/**
 * How hard to compress: `kept` for what is compressed once and sent many times (brotli 5, gzip 6: most of the
 * saving at a small share of the top settings' cost), `once` for an answer made for one person (brotli 3, gzip 4:
 * a tenth larger, but about half the time of `kept` on a 10 KB page, about 70 µs here).
 */
export type Effort = 'kept' | 'once';
const BROTLI_QUALITY: Record<Effort, number> = { kept: 5, once: 3 };
const GZIP_LEVEL: Record<Effort, number> = { kept: 6, once: 4 };

const brotliOptions = (size: number, effort: Effort, flush?: number): zlib.BrotliOptions => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  },
  ...(flush === undefined ? {} : { finishFlush: flush }),
});

/** `data` compressed as a whole stream. */
export function compress(data: Buffer, encoding: Encoding, effort: Effort): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(data, brotliOptions(data.length, effort))
    : zlib.gzipSync(data, { level: GZIP_LEVEL[effort] });
}

/**
 * The start of a stream: `data` compressed and flushed to a byte boundary but not finished, so that stored bytes
 * can follow it (splice.ts). Brotli's is a whole stream's start; gzip's is raw deflate (splice.ts adds the wrapper).
 */
export function compressOpenStart(data: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(data, brotliOptions(data.length, 'kept', zlib.constants.BROTLI_OPERATION_FLUSH))
    : zlib.deflateRawSync(data, { level: GZIP_LEVEL.kept, finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

export function decompress(data: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? zlib.brotliDecompressSync(data) : zlib.gunzipSync(data);
}
