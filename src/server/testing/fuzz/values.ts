// Values for fuzzing: a seeded generator (the same seed sends the same requests, so a failure can be replayed),
// malformed values of every kind the outside probe sent (NUL, lone surrogates, numbers out of any range,
// impossible dates, hand-made cursors, wrong types, deep nesting), and plausible values built from a JSON
// schema, so that one bad field among good ones reaches past validation into the use case and the database.

export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast, and good enough to spread cases. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)]!,
    chance: (p) => next() < p,
  };
}

const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Hand-made cursors: wrong types, fractions, huge numbers, impossible dates, NUL, wrong lengths. */
export const BAD_CURSORS: readonly string[] = [
  cursorOf(['x']),
  cursorOf([1.5]),
  cursorOf([1e300]),
  cursorOf([-1]),
  cursorOf([0]),
  cursorOf(['\u0000']),
  cursorOf(['\ud800']),
  cursorOf(['+099999-01-01T00:00:00.000Z', 1]),
  cursorOf(['2024-02-30T00:00:00.000Z', 1]),
  cursorOf(['2024-01-01T00:00:00.000Z', 1.5]),
  cursorOf(['2024-01-01T00:00:00.000Z', '1']),
  cursorOf(['open', '99999-01-01', 1]),
  cursorOf(['nope', '2024-01-01T00:00:00.000Z', 1]),
  cursorOf([2 ** 53, 2 ** 53]),
  cursorOf([[], {}]),
  cursorOf({ a: 1 }),
  cursorOf(null),
  cursorOf([]),
  cursorOf(['a'.repeat(600)]),
  'not base64 !',
  '%00',
  'AAAA',
  '',
];

/** Cursors that fit no list's shape (`['x']` is a fine sort key of a list by name, `[0]` a fine revision). */
export const CURSORS_NO_LIST_TAKES: readonly string[] = BAD_CURSORS.filter(
  (c) => c !== '' && c !== cursorOf(['x']) && c !== cursorOf([0]),
);

/** Text that must never reach the database as it is, and text at the edges of what is allowed. */
export const BAD_TEXT: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '\udbff\udbff',
  '',
  ' ',
  'a'.repeat(70_000),
  'e\u0301',
  'Nad\u200bia\u202egnp.exe',
  '😀'.repeat(50),
  '-1',
  '0',
  '1.5',
  '1e300',
  '99999999999999999999',
  '-9223372036854775809',
  'NaN',
  'null',
  'true',
  '[]',
  '../../etc/passwd',
  '%',
  "'; select pg_sleep(1); --",
  '\\',
  '+099999-01-01T00:00:00Z',
  '99999-12-31',
  '2024-02-30',
  '2024-13-01T25:61',
  '0000-00-00',
  '-infinity',
  'P1Y',
  'http://',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  'zz',
  'en',
  'T:1',
  '1',
];

/** Any JSON value of the wrong kind, or a number no column holds. */
export const BAD_JSON: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e300,
  -1e300,
  2 ** 31,
  2 ** 53,
  2 ** 63,
  [],
  {},
  [null],
  ['\u0000'],
  { '\u0000': 1 },
  { '\ud800': 'x' },
  [[[[[[[[[[[]]]]]]]]]]],
];

/** A value nested deeper than any form of the API. */
export const deep = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** Escapes as they come from clients that do not care: broken UTF-8, a lone surrogate's bytes, a NUL. */
export const BAD_ESCAPES: readonly string[] = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%80',
  '%00',
  '%FF%FE',
  '%2e%2e%2f',
];

/**
 * A value percent-encoded for an address, lone surrogates included (as the bytes WTF-8 gives them: what a
 * careless client sends), where encodeURIComponent would throw.
 */
export function encodeAny(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(value[i]!);
  }
  return out;
}

/** A malformed value for a query, path or form field (always text). */
export function badText(rng: Rng, isCursor = false): string {
  if (isCursor && rng.chance(0.7)) return rng.pick(BAD_CURSORS);
  return rng.pick(BAD_TEXT);
}

/** A malformed value for a JSON field: wrong text, a wrong kind, or something deep. */
export function badJson(rng: Rng): unknown {
  const r = rng.next();
  if (r < 0.55) return rng.pick(BAD_TEXT);
  if (r < 0.97) return rng.pick(BAD_JSON);
  return deep(40 + rng.int(200));
}

/** The parts of a JSON schema the generator reads. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

/** Text that fits a string schema as well as a guess can: its enum, its format, its lengths. */
function plausibleText(s: Schema, rng: Rng, pool: readonly string[]): string {
  if (s.enum?.length) return String(rng.pick(s.enum));
  switch (s.format) {
    case 'date-time':
      return new Date(Date.UTC(2030, rng.int(12), 1 + rng.int(28), 10)).toISOString();
    case 'date':
      return `2030-0${1 + rng.int(9)}-1${rng.int(9)}`;
    case 'email':
      return `fuzz${rng.int(1e6)}@example.org`;
    case 'uri':
    case 'url':
      return `https://example.org/${rng.int(1e6)}`;
    default:
  }
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  const base = pool.length && rng.chance(0.5) ? rng.pick(pool) : `Fuzz ${rng.int(1e9).toString(36)}`;
  let text = base.length < min ? base.padEnd(min, 'x') : base;
  if (text.length > max) text = text.slice(0, Math.max(min, max));
  return text;
}

/** A value that fits the schema as well as a guess can (plausible, not promised valid). */
export function plausible(s: Schema | undefined, rng: Rng, pool: readonly string[] = [], depth = 0): unknown {
  if (!s || depth > 6) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return rng.pick(s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return plausible(rng.pick(alternatives), rng, pool, depth + 1);
  if (s.allOf?.length) return plausible(s.allOf[0], rng, pool, depth + 1);
  const type = Array.isArray(s.type) ? rng.pick(s.type.filter((t) => t !== 'null')) : s.type;
  switch (type) {
    case 'string':
      return plausibleText(s, rng, pool);
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      const max = Math.min(s.maximum ?? min + 20, min + 20);
      return min + rng.int(Math.max(1, max - min + 1));
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      const n = Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, rng.int(3)));
      return Array.from({ length: n }, () => plausible(s.items, rng, pool, depth + 1));
    }
    case 'object':
    default: {
      if (!s.properties) return {};
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(s.properties)) {
        if (s.required?.includes(name) || rng.chance(0.5)) out[name] = plausible(prop, rng, pool, depth + 1);
      }
      return out;
    }
  }
}

/** The paths (property names, `*` for an array's items) of every field a body schema names, nested ones too. */
export function fieldPaths(s: Schema | undefined, prefix: string[] = [], depth = 0): string[][] {
  if (!s || depth > 5) return [];
  const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alternatives) return alternatives.flatMap((a) => fieldPaths(a, prefix, depth + 1));
  const out: string[][] = [];
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    out.push([...prefix, name]);
    out.push(...fieldPaths(prop, [...prefix, name], depth + 1));
  }
  if (s.items) out.push(...fieldPaths(s.items, [...prefix, '*'], depth + 1));
  return out;
}

/** The value with the field at `path` set (arrays get one item made for it), for a malformed field among good ones. */
export function withField(value: unknown, path: readonly string[], field: unknown): unknown {
  if (path.length === 0) return field;
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    const items = Array.isArray(value) && value.length ? [...value] : [{}];
    items[0] = withField(items[0], rest, field);
    return items;
  }
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : {};
  (obj as Record<string, unknown>)[head] = withField((obj as Record<string, unknown>)[head], rest, field);
  return obj;
}
