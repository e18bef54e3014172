// What anonymous visitors see is the same for all of them, so an instance may keep it (directory answers,
// rendered pages) until the content changes. The database's content versions say when: one global version (a
// sequence that every state-changing request advances before its answer is sent, and that triggers on the
// directory tables advance too, so writes made outside the app count) plus one per scope (CONTENT_SCOPES): a
// write on a route whose policy names a `contentScope` advances only that scope's version. A kept answer is
// voided by the global version and by the version of every scope whose data it shows; so a translator's save
// (scope documents) leaves the initiatives' and the directory's kept answers alone.
//
// Every kept answer read looks the versions up afresh (one query for all of them, shared by the reads that
// arrive while one is on its way), so a change made through any instance or process shows on the next request.
import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection';
import { handedOver } from './handover';
import { sizeOf } from './size-of';
import { isPrivateWrite, isSafeMethod, policyOf } from './route-policy';

/** Scopes of the content version, each with its sequence `content_version_<scope>_seq` (migrations 0019, 0020, 0021). */
export const CONTENT_SCOPES = ['documents', 'events', 'courses', 'sources'] as const;
export type ContentScope = (typeof CONTENT_SCOPES)[number];

/**
 * Pages whose address starts with one of these always show the scope's data, so they are kept under it even
 * when their data came from nowhere that says so.
 */
export const SCOPE_PAGES: Record<ContentScope, readonly string[]> = {
  documents: ['/documents', '/amendments', '/adaptations'],
  events: ['/events', '/time-polls'],
  courses: ['/courses'],
  sources: ['/sources', '/reading-lists'],
};

/** The scopes a page at `url` shows by its address alone (SCOPE_PAGES). */
export function scopesOfPage(url: string): ContentScope[] {
  const p = url.split('?')[0] ?? '';
  return CONTENT_SCOPES.filter((s) => SCOPE_PAGES[s].some((prefix) => p === prefix || p.startsWith(`${prefix}/`)));
}

export type ContentVersions = { global: string } & Record<ContentScope, string>;

// One row from the global sequence and every scope's, cross-joined (each has one row): no text built in SQL.
const sequences: [string, string][] = [
  ['global', 'content_version_seq'],
  ...CONTENT_SCOPES.map((s): [string, string] => [s, `content_version_${s}_seq`]),
];
const versionsQuery = sql<Record<string, number | string | boolean>>`select ${sql.join(
  sequences.map((_, i) => sql.raw(`s${i}.last_value as v${i}, s${i}.is_called as c${i}`)),
)} from ${sql.join(sequences.map(([, name], i) => sql.raw(`${name} as s${i}`)))}`;

async function readVersions(db: Db): Promise<ContentVersions> {
  const [row] = (await versionsQuery.execute(db)).rows;
  if (!row) throw new Error('the content version sequences are missing');
  return Object.fromEntries(
    sequences.map(([scope], i) => [scope, `${row[`v${i}`]}:${row[`c${i}`]}`]),
  ) as ContentVersions;
}

interface ReadState {
  /** The read on its way. */
  inflight: Promise<ContentVersions> | null;
  /** The read that starts when the one on its way is done, shared by everyone who asked meanwhile. */
  next: Promise<ContentVersions> | null;
  /** The versions last read, with the time that read started, while no write of this process came after it. */
  known: { versions: ContentVersions; at: number } | null;
  /** Advanced by this process's writes: a read that started before one cannot become `known`. */
  generation: number;
  /** How long `known` is trusted (Config.contentVersionMaxAgeMs); 0: never. */
  maxAgeMs: number;
}
const states = new WeakMap<Db, ReadState>();

function stateOf(db: Db): ReadState {
  let state = states.get(db);
  if (!state) states.set(db, (state = { inflight: null, next: null, known: null, generation: 0, maxAgeMs: 0 }));
  return state;
}

/**
 * Lets kept answers on `db` trust the versions read in the last `maxAgeMs` milliseconds instead of asking the
 * database each time. Staleness stays bounded: this process's own writes forget them at once
 * (`contentChanged`), a visitor who wrote through another process names their write in a cookie
 * (`registerContentVersionHooks`), and everything else (other processes' and instances' writes, writes made outside
 * the app) is seen within `maxAgeMs`.
 */
export function trustContentVersionsFor(db: Db, maxAgeMs: number): void {
  stateOf(db).maxAgeMs = maxAgeMs;
}

/**
 * The content versions: those read in the last `maxAgeMs` (see `trustContentVersionsFor`), else from a read that
 * started after this call (a read already on its way may predate a write whose answer the caller has seen),
 * shared with every call made while it waits.
 */
export function contentVersions(db: Db, fresh = false): Promise<ContentVersions> {
  const s = stateOf(db);
  if (!fresh && s.known && performance.now() - s.known.at < s.maxAgeMs) return Promise.resolve(s.known.versions);
  if (s.next) return s.next;
  const start = (): Promise<ContentVersions> => {
    s.next = null;
    const at = performance.now();
    const generation = s.generation;
    const read = readVersions(db).then(
      (versions) => {
        if (s.inflight === read) s.inflight = null;
        if (generation === s.generation && (!s.known || s.known.at < at)) s.known = { versions, at };
        return versions;
      },
      (err: unknown) => {
        if (s.inflight === read) s.inflight = null;
        throw err;
      },
    );
    s.inflight = read;
    return read;
  };
  if (!s.inflight) return start();
  s.next = s.inflight.then(start, start);
  return s.next;
}

/** A sequence's version as a number: how many times it was advanced. */
const countOf = (version: string): number => {
  const [last, called] = version.split(':');
  return called === 'true' ? Number(last) : 0;
};

const MB = 1024 * 1024;
// What one list keeps at most, in bytes, unless it says otherwise: counts alone let a few large answers hold memory.
const DEFAULT_MAX_BYTES = 2 * MB;

interface KeptAnswer {
  max: number;
  /** At most this many bytes of kept values (sizeOf), per database: DEFAULT_MAX_BYTES unless said. */
  maxBytes?: number;
  movedBy: string;
  /** The scope whose data the answer shows, besides what the global version covers. */
  scope?: ContentScope;
}

/**
 * Every answer the platform keeps, in one list: its size, what moves it (makes it read afresh), and the scope
 * whose data it shows (anything that shows a scope's data must name it, or a write of that scope leaves it
 * stale). Kept answers are made with `new VersionedCache(name)`, so an unlisted one fails to compile. The Markdown
 * renderer's cache (markdown/render.ts) is keyed by the text itself and needs no moving.
 */
export const KEPT_ANSWERS = {
  directory: {
    max: 500,
    movedBy: 'the content version: the people and groups directories, their languages and network figures',
  },
  'initiatives.board-lists': {
    max: 500,
    movedBy: 'the content version: lists of the initiatives board by stage and filters',
  },
  'initiatives.boards': {
    max: 200,
    movedBy: 'the content version: the board at a glance (counts, choices, newest per stage)',
  },
  'initiatives.counts': { max: 200, movedBy: 'the content version: counts per stage for a set of filters' },
  'initiatives.facets': { max: 1, movedBy: "the content version: the filters' choices over every initiative" },
  'initiatives.detail': {
    max: 300,
    movedBy: "the content version, and the day: an initiative's reader-independent part per language",
  },
  'initiatives.archive': { max: 500, movedBy: 'the content version: pages of the archive search' },
  'updates.list': { max: 200, movedBy: 'the content version: pages of the Community Updates, per group and language' },
  'faq.list': { max: 50, movedBy: 'the content version: the FAQ in a language' },
  'documents.reader': {
    max: 300,
    movedBy:
      'the content version and the documents scope: a document in a language at a revision, what every reader sees alike',
    scope: 'documents',
  },
  'documents.list': {
    max: 50,
    movedBy: 'the content version and the documents scope: pages of the list of documents with their language bars',
    scope: 'documents',
  },
  'documents.progress': {
    max: 200,
    movedBy: "the content version and the documents scope: a document's progress per language",
    scope: 'documents',
  },
  'documents.compare': {
    max: 100,
    movedBy: 'the content version and the documents scope: two revisions of a document compared in a language',
    scope: 'documents',
  },
  'courses.list': {
    max: 100,
    movedBy: 'the content version and the courses scope: pages of the course catalogue, per query',
    scope: 'courses',
  },
  'events.list': {
    max: 200,
    movedBy:
      "the content version and the events scope (also moved at each occurrence's start and end): pages of the list of occurrences, per query and window",
    scope: 'events',
  },
  'events.detail': {
    max: 300,
    movedBy:
      "the content version and the events scope (also moved at each occurrence's start and end): an event's page answer as anonymous visitors see it, per occurrence asked for",
    scope: 'events',
  },
  'events.feeds': {
    max: 200,
    movedBy:
      "the content version and the events scope (also moved at each occurrence's start and end): the public calendar feeds, all events and a group's, per language",
    scope: 'events',
  },
  'sources.detail': {
    max: 300,
    movedBy:
      "the content version and the sources scope: a source's answer as anonymous visitors see it (or where a merged one went)",
    scope: 'sources',
  },
  'sources.list': {
    max: 300,
    movedBy: 'the content version and the sources scope: pages of the sources search, per query',
    scope: 'sources',
  },
  'pages.anonymous': {
    max: 300,
    maxBytes: 8 * MB,
    movedBy:
      'the content version, the scopes its address (SCOPE_PAGES) and its data (scoped routes and answers) show, and the day: pages as anonymous visitors see them',
  },
  'pages.personal': {
    max: 200,
    maxBytes: 8 * MB,
    movedBy:
      "the content version and every scope (a scoped write may notify: the header's unread count), and the person's page version (their private writes)",
  },
} as const satisfies Record<string, KeptAnswer>;
export type KeptAnswerName = keyof typeof KEPT_ANSWERS;

const stamp = (v: ContentVersions, scopes: readonly ContentScope[]) =>
  [v.global, ...scopes.map((s) => `${s}=${v[s]}`)].join('|');

interface Entry<T> {
  stamp: string;
  scopes: ContentScope[];
  value: T;
  bytes: number;
}

/** One database's kept values, oldest first, and their bytes. */
type Kept<T> = { entries: Map<string, Entry<T>>; bytes: number };

/**
 * Values kept while the global version and those of the scopes they show stay the same, at most the list's `max`
 * of them and its `maxBytes` per database (oldest dropped first; a value larger than that is not kept).
 */
export class VersionedCache<T> {
  // Per database: two apps in one process (tests, tools) never see each other's answers.
  private byDb = new WeakMap<Db, Kept<T>>();
  private readonly max: number;
  private readonly maxBytes: number;
  private readonly scope: ContentScope | undefined;
  constructor(name: KeptAnswerName) {
    const kept: KeptAnswer = KEPT_ANSWERS[name];
    this.max = kept.max;
    this.maxBytes = kept.maxBytes ?? DEFAULT_MAX_BYTES;
    this.scope = kept.scope;
  }

  /** How many values and bytes are kept for `db`. */
  usage(db: Db) {
    return { count: this.byDb.get(db)?.entries.size ?? 0, bytes: this.byDb.get(db)?.bytes ?? 0 };
  }

  /**
   * The kept value for `key`, or a fresh one from `compute`, kept when `keep` says so. `scopes` are the scopes
   * the value shows besides the list's own: a page's, by its address, and those `compute` adds to the set (the
   * scoped routes a page calls in-process), read once it is done.
   */
  async get(
    db: Db,
    key: string,
    compute: () => Promise<T>,
    keep: (value: T) => boolean = () => true,
    scopes: ReadonlySet<ContentScope> = new Set(),
  ): Promise<T> {
    const versions = await contentVersions(db);
    let kept = this.byDb.get(db);
    if (!kept) this.byDb.set(db, (kept = { entries: new Map(), bytes: 0 }));
    const { entries } = kept;
    const hit = entries.get(key);
    if (hit && hit.stamp === stamp(versions, hit.scopes)) return hit.value;
    const value = await compute();
    if (keep(value)) {
      // Stamped with the versions read before computing: a write meanwhile voids it on the next read.
      const shown = CONTENT_SCOPES.filter((s) => s === this.scope || scopes.has(s));
      const drop = (k: string) => {
        kept.bytes -= entries.get(k)?.bytes ?? 0;
        entries.delete(k);
      };
      drop(key);
      const bytes = sizeOf(key) + sizeOf(value);
      if (bytes <= this.maxBytes) {
        for (const oldest of entries.keys()) {
          if (entries.size < this.max && kept.bytes + bytes <= this.maxBytes) break;
          drop(oldest);
        }
        entries.set(key, { stamp: stamp(versions, shown), scopes: shown, value, bytes });
        kept.bytes += bytes;
      }
    }
    return value;
  }
}

/**
 * Names, in a cookie, the version a visitor's write made; their next request, whichever process answers it, sees
 * at least that version (a process trusts the versions it read in the last moments, `trustContentVersionsFor`).
 */
const WROTE_COOKIE = 'ldn_wrote';
const wroteCookie = (scope: ContentScope | undefined, version: number) => `${scope ?? 'global'}.${version}`;

/** Whether `versions` already hold the write a `WROTE_COOKIE` names (or the cookie names nothing we know). */
function holdsWrite(versions: ContentVersions, cookie: string): boolean {
  const [scope, n] = cookie.split('.');
  const version =
    scope === 'global' || CONTENT_SCOPES.includes(scope as ContentScope) ? versions[scope as 'global'] : null;
  return version === null || version === undefined || !(Number(n) > countOf(version));
}

/**
 * Every state-changing request may change what anyone sees: before its answer goes out, advance the content
 * version (so the person who made the change sees it on their next page, on any process or instance). Routes whose
 * policy names a `contentScope` advance only that scope's version; routes marked `privateWrite` change only what
 * their author sees: they advance that person's page version instead (the pages kept for them, pages/plugin.ts),
 * and leave everyone else's kept answers alone. A read route naming a `contentScope` marks the page that calls it
 * as showing that scope.
 */
export function registerContentVersionHooks(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    const scope = policyOf(req.routeOptions.config)?.contentScope;
    if (scope && isSafeMethod(req.method)) handedOver(req)?.shows?.add(scope);
    const wrote = req.cookies?.[WROTE_COOKIE];
    const db = app.deps.db;
    if (!wrote || !db) return done();
    const known = stateOf(db).known;
    if (known && holdsWrite(known.versions, wrote)) return done();
    contentVersions(db, true).then(
      () => done(),
      (err: unknown) => done(err as Error),
    );
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (isSafeMethod(req.method) || reply.statusCode >= 400 || !app.deps.db) return done(null, payload);
    afterWrite(app, req, reply).then(
      () => done(null, payload),
      (err: unknown) => done(err as Error),
    );
  });
}

async function afterWrite(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isPrivateWrite(req.routeOptions.config)) {
    const scope = policyOf(req.routeOptions.config)?.contentScope;
    const version = await contentChanged(app.db, scope);
    // Only a visitor who sends cookies can name their write; a short life is enough (others see it within
    // Config.contentVersionMaxAgeMs anyway).
    if (app.deps.config.contentVersionMaxAgeMs > 0)
      reply.setCookie(WROTE_COOKIE, wroteCookie(scope, version), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.deps.config.secureCookies,
        maxAge: 60,
      });
  } else if (req.user) {
    await app.db
      .insertInto('page_versions')
      .values({ user_id: req.user.id, version: '1' })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ version: sql`page_versions.version + 1` }))
      .execute();
  }
}

/**
 * Something changed (a write, a background job): the kept answers that show it are read afresh; those of every
 * scope when no scope is named, else those showing that scope. Answers the sequence's new value.
 */
export async function contentChanged(db: Db, scope?: ContentScope): Promise<number> {
  const s = stateOf(db);
  s.generation++;
  s.known = null;
  const { rows } = await sql<{
    v: string;
  }>`select nextval(${scope ? `content_version_${scope}_seq` : 'content_version_seq'}::regclass) as v`.execute(db);
  // Reads that started before the write was done must not become the known versions either.
  s.generation++;
  s.known = null;
  return Number(rows[0]?.v ?? 0);
}
