// Real values for path parameters, gathered from the app's own answers: what a list answers under `items` are
// the ids (slugs, usernames) of that list's address, and an item's arrays of things with ids are those of the
// address below it (a course's `runs`). With them a malformed field among good ones meets an item that exists,
// so the request reaches the use case and the database instead of stopping at a 404.
import type { TestClient } from '../client';
import type { Param, Target } from './targets';
import { encodeAny, type Rng } from './values';

const IDENTIFYING = ['id', 'slug', 'username', 'key', 'language', 'lang', 'code', 'occurrence'];

export class ParamPool {
  /** Values by collection address (a template: `/api/v1/courses/{id}/runs`) and by field name. */
  private byCollection = new Map<string, Map<string, Set<string>>>();
  private byField = new Map<string, Set<string>>();

  private add(collection: string, item: Record<string, unknown>): void {
    let fields = this.byCollection.get(collection);
    if (!fields) this.byCollection.set(collection, (fields = new Map()));
    for (const name of IDENTIFYING) {
      const v = item[name];
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      const text = String(v);
      if (text.length > 200) continue;
      if (!fields.has(name)) fields.set(name, new Set());
      if (fields.get(name)!.size < 20) fields.get(name)!.add(text);
      if (!this.byField.has(name)) this.byField.set(name, new Set());
      if (this.byField.get(name)!.size < 200) this.byField.get(name)!.add(text);
    }
  }

  /** Takes what an answer of GET `tpl` names. */
  harvest(tpl: string, answer: unknown): void {
    if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return;
    for (const [key, value] of Object.entries(answer as Record<string, unknown>)) {
      if (!Array.isArray(value)) continue;
      const collection = key === 'items' ? tpl : `${tpl}/${key}`;
      for (const item of value.slice(0, 20))
        if (item && typeof item === 'object') this.add(collection, item as Record<string, unknown>);
    }
  }

  /** A real value for the path parameter `name` of `tpl` when one is known. */
  valueFor(tpl: string, name: string, rng: Rng): string | undefined {
    const at = tpl.indexOf(`{${name}}`);
    const collection = tpl.slice(0, at).replace(/\/$/, '');
    const fields = this.byCollection.get(collection);
    const field = fieldFor(name);
    const exact = fields?.get(field) ?? [...(fields?.values() ?? [])][0];
    if (exact?.size) return rng.pick([...exact]);
    const any = this.byField.get(field);
    return any?.size ? rng.pick([...any]) : undefined;
  }
}

/** The answer field a path parameter names: `runId` an id, `lang` a language, `username` itself. */
function fieldFor(param: string): string {
  if (/id$/i.test(param)) return 'id';
  if (param === 'lang' || param === 'language') return 'language';
  return IDENTIFYING.includes(param) ? param : 'id';
}

/** Fills a template's path parameters from the pool (or '1'), for the harvest's own requests. */
export function concrete(t: Target, pool: ParamPool, rng: Rng): string {
  return t.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeAny(pool.valueFor(t.path, name, rng) ?? '1'));
}

/**
 * Reads every list (then every item, with the lists' values) as the given person, so that the pool knows real
 * ids, slugs and usernames. Two rounds: items' addresses need the lists' values.
 */
export async function harvest(client: TestClient, targets: readonly Target[], pool: ParamPool, rng: Rng) {
  const gets = targets.filter((t) => t.method === 'GET' && t.path.startsWith('/api/'));
  const pathParams = (t: Target) => t.params.filter((p: Param) => p.in === 'path').length;
  for (const round of [0, 1, 2]) {
    for (const t of gets.filter((g) => (round === 0 ? pathParams(g) === 0 : pathParams(g) === round))) {
      const res = await client.get(concrete(t, pool, rng));
      if (res.status === 200) pool.harvest(t.path, res.body);
    }
  }
}
