// Long answers kept as text may be kept compressed too: a document's reader answer is hundreds of kilobytes of
// JSON, and Brotli makes it a tenth of that. Compressed once per kept text (off the event loop, at a middling
// quality: quick to make, still small), sent with `Content-Encoding: br` to clients that accept it.
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const compress = promisify(brotliCompress);

/** Texts below this size are sent as they are. */
const MIN_BYTES = 8 * 1024;

/** Whether the client accepts Brotli (`br` listed without `q=0`). */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'br') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** A JSON text with its Brotli bytes, made on first demand and kept with it. */
export class EncodedJson {
  private br: Promise<Buffer> | null = null;
  constructor(readonly text: string) {}

  brotli(): Promise<Buffer> {
    this.br ??= compress(Buffer.from(this.text), {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    return this.br;
  }
}

/** Sends JSON text as it is (no serialising again), compressed when kept so and the client accepts it. */
export async function sendJson(req: FastifyRequest, reply: FastifyReply, json: EncodedJson | string) {
  reply.type('application/json; charset=utf-8');
  if (typeof json === 'string') return reply.send(json);
  reply.header('vary', 'Accept-Encoding');
  if (json.text.length < MIN_BYTES || !acceptsBrotli(req.headers['accept-encoding'])) return reply.send(json.text);
  const bytes = await json.brotli();
  return reply.header('content-encoding', 'br').send(bytes);
}
