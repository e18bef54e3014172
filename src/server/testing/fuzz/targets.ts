// What the fuzzer sends requests to: every operation of the app's own OpenAPI document, every route the document
// hides (http/route-policy.ts records them all), every page of the web app's router, and each action of the
// forms that work without JavaScript. Nothing here is a hand-kept list: a new route is fuzzed the day it lands.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { registeredRoutes } from '../../http/route-policy';
import type { Schema } from './values';

export interface Param {
  name: string;
  in: 'path' | 'query';
  schema?: Schema;
  required: boolean;
  /** A name tried on a route the document does not describe (it may take it or not). */
  generic?: boolean;
}

export interface Target {
  /** "POST /api/v1/comments", as reports name it. */
  id: string;
  method: string;
  /** The address with `{name}` for each path parameter. */
  path: string;
  params: Param[];
  /** How the body is sent: JSON (with its schema when the document gives one), a text file, form fields, none. */
  body: 'json' | 'text' | 'form' | 'none';
  bodySchema?: Schema;
  /** The content type of a text body. */
  contentType?: string;
  /** Statuses of 5xx the route documents (a lookup's service unset or down): not failures. */
  documented5xx: number[];
  /** A route the OpenAPI document does not describe (hidden ones, pages, forms). */
  hidden: boolean;
  /** Form actions (pages' forms), for `form` bodies. */
  actions?: string[];
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, unknown>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** The schema with local `$ref`s replaced by what they name (the document's components). */
function resolved(schema: unknown, doc: OpenApiDocument, depth = 0): Schema | undefined {
  if (!schema || typeof schema !== 'object' || depth > 12) return schema as Schema | undefined;
  if (Array.isArray(schema)) return schema.map((s) => resolved(s, doc, depth + 1)) as unknown as Schema;
  const ref = (schema as { $ref?: string }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    return resolved(doc.components?.schemas?.[name], doc, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = typeof v === 'object' ? resolved(v, doc, depth + 1) : v;
  return out as Schema;
}

const template = (fastifyUrl: string) => fastifyUrl.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const paramsOf = (tpl: string): Param[] =>
  [...tpl.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1]!, in: 'path' as const, required: true }));

/** Query names tried on routes the document does not describe (hidden ones, pages). */
const COMMON_QUERY = ['q', 'cursor', 'limit', 'community', 'language', 'lang', 'status', 'sort', 'returnTo', 'zone'];
const generic = (): Param[] =>
  COMMON_QUERY.map((name) => ({ name, in: 'query' as const, required: false, generic: true }));

/** Operations of the OpenAPI document, and the routes it hides (pages and forms apart). */
export async function apiTargets(app: FastifyInstance): Promise<Target[]> {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json<OpenApiDocument>();
  const policies = new Map(registeredRoutes(app).map((r) => [`${r.method} ${template(r.url)}`, r.policy]));
  const documented5xx = (id: string) =>
    (policies.get(id)?.errors ?? []).filter((s): s is 502 | 503 | 504 => s >= 500).map(Number);
  const targets: Target[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase();
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      const id = `${method} ${p}`;
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      const textType = Object.keys(content).find((t) => t !== 'application/json');
      targets.push({
        id,
        method,
        path: p,
        params: (op.parameters ?? [])
          .filter((x) => x.in === 'path' || x.in === 'query')
          .map((x) => ({
            name: x.name,
            in: x.in as 'path' | 'query',
            schema: resolved(x.schema, doc),
            required: !!x.required,
          })),
        body: json ? 'json' : textType ? 'text' : method === 'GET' || method === 'DELETE' ? 'none' : 'json',
        bodySchema: json ? resolved(json.schema, doc) : undefined,
        contentType: json ? undefined : textType,
        documented5xx: documented5xx(id),
        hidden: false,
      });
    }
  }
  const known = new Set(targets.map((t) => t.id));
  for (const r of registeredRoutes(app)) {
    const tpl = template(r.url);
    const id = `${r.method} ${tpl}`;
    if (known.has(id) || r.url.includes('*') || r.method === 'HEAD' || r.method === 'OPTIONS') continue;
    if (r.url.startsWith('/api/docs') || r.url.startsWith('/assets/')) continue;
    known.add(id);
    targets.push({
      id,
      method: r.method,
      path: tpl,
      params: [...paramsOf(tpl), ...generic()],
      body: r.method === 'GET' ? 'none' : 'json',
      documented5xx: documented5xx(id),
      hidden: true,
    });
  }
  return targets;
}

/** Every file under a folder whose name ends with one of the extensions. */
function filesUnder(dir: string, exts: string[]): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full, exts);
    return exts.some((x) => e.name.endsWith(x)) ? [full] : [];
  });
}

/** The page addresses of the web app's router (read from its sources: the server never imports the web's code). */
export function pageTargets(root = process.cwd()): Target[] {
  const paths = new Set<string>();
  for (const file of filesUnder(path.join(root, 'src/web'), ['.ts'])) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bpath:\s*'([^']+)'/g)) paths.add(m[1]!);
  }
  return [...paths]
    .filter((p) => p.startsWith('/'))
    .map((p) => {
      // `:id(\\d+)` and `:pathMatch(.*)*` become plain parameters.
      const tpl = p.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?\*?/g, '{$1}').replace(/\\\\/g, '\\');
      return {
        id: `GET ${tpl} (page)`,
        method: 'GET',
        path: tpl,
        params: [...paramsOf(tpl), ...generic()],
        body: 'none' as const,
        documented5xx: [],
        hidden: true,
      };
    });
}

/** The forms without JavaScript: a post to a page's address naming each action of pages/forms.ts. */
export function formTargets(pages: readonly Target[], root = process.cwd()): Target[] {
  const source = fs.readFileSync(path.join(root, 'src/server/pages/forms.ts'), 'utf8');
  const start = source.indexOf('const ACTIONS');
  const block = source.slice(start, source.indexOf('\n};', start));
  const actions = [...block.matchAll(/^ {2}(?:async )?([a-z][A-Za-z]*)[(:,]/gm)].map((m) => m[1]!);
  return pages
    .filter((p) => !p.params.some((x) => x.in === 'path'))
    .slice(0, 8)
    .map((p) => ({
      ...p,
      id: `POST ${p.path} (form)`,
      method: 'POST',
      params: [],
      body: 'form' as const,
      actions,
    }));
}
