// Every text answer of at least MIN_COMPRESSED_BYTES goes compressed when the client takes it. Answers the same
// for everyone come out of kept answers as the very same string, again and again: their compressed form is kept
// too (by the text itself, so it can never be another's), bounded by size. Pages do their own (pages/plugin.ts:
// spliced), and answers already encoded (the documents' reading answers, static files) are left alone.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chooseEncoding, compress, isCompressibleType, MIN_COMPRESSED_BYTES, type Encoding } from './encoding';

/** Compressed forms of anonymous answers, by encoding and text: at most this many bytes of them, oldest out first. */
const KEPT_BYTES = 16 * 1024 * 1024;
/** An answer larger than this is compressed but not kept. */
const KEPT_ANSWER_MAX_BYTES = 1024 * 1024;

class KeptCompressed {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  get(text: string): Buffer | undefined {
    return this.entries.get(text);
  }

  set(text: string, compressed: Buffer): void {
    if (this.entries.has(text)) return;
    this.entries.set(text, compressed);
    this.bytes += text.length + compressed.length;
    for (const [oldText, old] of this.entries) {
      if (this.bytes <= KEPT_BYTES) break;
      this.entries.delete(oldText);
      this.bytes -= oldText.length + old.length;
    }
  }
}

const kept: Record<Encoding, KeptCompressed> = { br: new KeptCompressed(), gzip: new KeptCompressed() };

/** Adds Accept-Encoding to the answer's Vary header. */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const now = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  if (!/\baccept-encoding\b/i.test(now)) reply.header('vary', now ? `${now}, Accept-Encoding` : 'Accept-Encoding');
}

/** The encoding this answer may use, if any (Vary is set whenever the choice could have been another). */
export function answerEncoding(req: FastifyRequest, reply: FastifyReply): Encoding | null {
  varyOnEncoding(reply);
  return chooseEncoding(req.headers['accept-encoding']);
}

function compressedText(text: string, encoding: Encoding, keep: boolean): Buffer {
  const hit = kept[encoding].get(text);
  if (hit) return hit;
  const out = compress(Buffer.from(text, 'utf8'), encoding, keep ? 'kept' : 'once');
  if (keep && text.length <= KEPT_ANSWER_MAX_BYTES) kept[encoding].set(text, out);
  return out;
}

export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', (req, reply, payload, done) => {
    if (
      (typeof payload !== 'string' && !Buffer.isBuffer(payload)) ||
      payload.length < MIN_COMPRESSED_BYTES ||
      reply.hasHeader('content-encoding') ||
      !isCompressibleType(reply.getHeader('content-type'))
    )
      return done(null, payload);
    const encoding = answerEncoding(req, reply);
    if (!encoding) return done(null, payload);
    // Only what anonymous visitors get is kept: a signed-in person's answers are theirs and rarely sent twice.
    const out =
      typeof payload === 'string' ? compressedText(payload, encoding, !req.user) : compress(payload, encoding, 'once');
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    done(null, out);
  });
}
