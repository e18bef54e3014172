// The security headers of every answer, computed once per process (DESIGN.md's defaults, DECISIONS 32). Helmet
// did this before, but per request: it parsed the CSP directives again and drew two nonces for every answer, JSON
// ones included, and sent about a kilobyte of page-only headers with each API answer. Here:
// - API answers get nosniff, the referrer policy, HSTS on https, and a static CSP that allows nothing;
// - pages (and what they load) get the page headers, with a CSP whose nonces are drawn only when a page asks for
//   them (`reply.cspNonce`, read as it puts them in its script and style elements).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** This answer's CSP nonces; reading them puts them in the answer's CSP. */
    readonly cspNonce: { script: string; style: string };
  }
}

export interface SecurityHeaderOptions {
  /** https: HSTS and upgrade-insecure-requests. */
  secure: boolean;
  /** Where forms may post beside this site (the Wikimedia OAuth server's origin). */
  formOrigins: string[];
  /** Inline scripts pages may run beside the site's own files, as CSP sources (their hashes). */
  scriptSources: string[];
}

type Headers = Record<string, string>;

/** The page CSP, with nonces for scripts and styles when given. */
function pageCsp(o: SecurityHeaderOptions, nonce?: { script: string; style: string }): string {
  const n = (v: string | undefined) => (v ? ` 'nonce-${v}'` : '');
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...o.scriptSources].join(' ')}${n(nonce?.script)}`,
    `style-src 'self'${n(nonce?.style)}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: https://upload.wikimedia.org",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${o.formOrigins.join(' ')}`.trim(),
    "connect-src 'self'",
    ...(o.secure ? ['upgrade-insecure-requests'] : []),
  ].join(';');
}

/** The two header sets, made once: what every answer carries, and what pages carry beside it. */
export function securityHeaders(o: SecurityHeaderOptions): { api: Headers; page: Headers } {
  const common: Headers = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(o.secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  return {
    api: { ...common, 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" },
    page: {
      ...common,
      'content-security-policy': pageCsp(o),
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'x-dns-prefetch-control': 'off',
      'x-frame-options': 'DENY',
      'x-permitted-cross-domain-policies': 'none',
    },
  };
}

/** JSON answers of the API; its reference (/api/docs) is a page. */
const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

const NONCE = Symbol('cspNonce');
type WithNonce = { [NONCE]?: { script: string; style: string } };

export function registerSecurityHeaders(app: FastifyInstance, o: SecurityHeaderOptions): void {
  const sets = securityHeaders(o);
  app.decorateReply('cspNonce', {
    getter(this: WithNonce & { header(name: string, value: string): unknown }) {
      if (!this[NONCE]) {
        const bytes = randomBytes(32).toString('hex');
        this[NONCE] = { script: bytes.slice(0, 32), style: bytes.slice(32) };
        this.header('content-security-policy', pageCsp(o, this[NONCE]));
      }
      return this[NONCE];
    },
  });
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(isApi(req.url) ? sets.api : sets.page);
    done();
  });
}
