// Sends a chosen file as the raw body of POST /api/v1/source-imports, with the content type its extension names.
// The JSON API client (api.ts) sends JSON only; this is its one raw upload, with the same CSRF header.
import { IMPORT_CONTENT_TYPES, IMPORT_MAX_BYTES, type ImportFormat } from '../../../../contracts/sources';

const FORMATS: Record<string, ImportFormat> = { bib: 'bibtex', ris: 'ris', json: 'csl-json' };

/** The format a file's name says (`.bib`, `.ris`, `.json`), or null. */
export function formatOf(name: string): ImportFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? (FORMATS[ext] ?? null) : null;
}

export type UploadResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'format' | 'too-large' | 'signed-out' }
  | { ok: false; reason: 'refused'; detail: string };

// One Idempotency-Key per chosen file, kept until an answer comes: sending the same file again after a lost
// answer (a dropped connection) starts one import, not two.
const keys = new WeakMap<File, string>();

export async function uploadImport(file: File): Promise<UploadResult> {
  const format = formatOf(file.name);
  if (!format) return { ok: false, reason: 'format' };
  if (file.size > IMPORT_MAX_BYTES) return { ok: false, reason: 'too-large' };
  const session = (await (await fetch('/api/v1/session', { credentials: 'same-origin' })).json()) as {
    csrfToken: string;
  };
  // crypto.randomUUID is missing only on pages served over plain http to another machine: no key then.
  const key = keys.get(file) ?? crypto.randomUUID?.();
  if (key) keys.set(file, key);
  const res = await fetch('/api/v1/source-imports', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': IMPORT_CONTENT_TYPES[format],
      'x-csrf-token': session.csrfToken,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: file,
  });
  if (res.status < 500 && res.status !== 409) keys.delete(file);
  if (res.status === 413) return { ok: false, reason: 'too-large' };
  if (res.status === 401) return { ok: false, reason: 'signed-out' };
  const body = (await res.json().catch(() => ({}))) as { id?: string; title?: string; detail?: string };
  if (res.status >= 400 || !body.id) return { ok: false, reason: 'refused', detail: body.detail ?? body.title ?? '' };
  return { ok: true, id: body.id };
}
