// The text rule (contracts/text.ts) applied to every request in one place, so no route can forget it: each
// string of the path parameters, the query string and the body (JSON, a form's fields, an uploaded text file)
// that holds a NUL or a lone surrogate is refused with a 400 naming its field, before any schema or use case
// sees it; every other string is normalized to NFC in place, passwords excepted. Object keys are checked too
// (a record's keys end up in jsonb). Runs after the route's policy: a refused person learns nothing of inputs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isKeepableText, keepsExactText, TEXT_REFUSED, toKeepableText } from '../../contracts/text';
import { badRequest, type FieldError } from './errors';

/** Deeper than any body the API takes: deeper input is refused rather than walked (no stack to exhaust). */
const MAX_DEPTH = 32;

/** A field's name as the answer shows it: its path, with characters that cannot be shown replaced. */
const fieldName = (path: readonly string[]): string => path.map(toKeepableText).join('.');

interface Walk {
  errors: FieldError[];
  /** Set when a string was normalized (the input is then replaced by the walked copy). */
  changed: boolean;
}

function walk(value: unknown, path: string[], exact: boolean, w: Walk): unknown {
  if (typeof value === 'string') {
    if (!isKeepableText(value)) {
      w.errors.push({ field: fieldName(path), message: TEXT_REFUSED });
      return value;
    }
    if (exact) return value;
    const nfc = value.normalize('NFC');
    if (nfc !== value) w.changed = true;
    return nfc;
  }
  if (value === null || typeof value !== 'object') return value;
  if (path.length >= MAX_DEPTH) {
    w.errors.push({ field: fieldName(path), message: 'validation-invalid' });
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, String(i)], exact, w));
  // Parsed input is plain data (the query parser's objects have a prototype of their own, without Object's); a
  // body some route reads as bytes is left as it is.
  if (ArrayBuffer.isView(value) || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!isKeepableText(key)) w.errors.push({ field: fieldName([...path, key]), message: TEXT_REFUSED });
    // Defined, not assigned: a key named __proto__ stays a key (as JSON.parse made it), never a prototype.
    Object.defineProperty(out, key, {
      value: walk(v, [...path, key], exact || keepsExactText(key), w),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The request's input after the text rule; throws a 400 naming every refused field. */
export function checkInputText(req: FastifyRequest): void {
  const w: Walk = { errors: [], changed: false };
  const params = walk(req.params, [], false, w);
  const query = walk(req.query, [], false, w);
  // An uploaded text file (a bibliography) is one string: it is named `body`.
  const body = typeof req.body === 'string' ? walk(req.body, ['body'], false, w) : walk(req.body, [], false, w);
  if (w.errors.length) throw badRequest(w.errors.slice(0, 20));
  if (!w.changed) return;
  req.params = params;
  req.query = query;
  req.body = body;
}

export function registerInputText(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    try {
      checkInputText(req);
      done();
    } catch (err) {
      done(err as Error);
    }
  });
}
