// A local stand-in for Wikimedia's OAuth 2.0 endpoints (see DOMAIN.md), used by the end-to-end tests and the
// integration tests: authorize approves at once and redirects back with a code and the state; access_token
// checks the client, the redirect URI and the PKCE verifier against the challenge; resource/profile answers
// the profile of the person who approved.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinProfile {
  sub: string;
  username: string;
  editcount?: number;
  confirmed_email?: boolean;
  blocked?: boolean;
  registered?: string;
  groups?: string[];
  rights?: string[];
}

export interface OAuthStandin {
  /** Base URL to use as WIKIMEDIA_OAUTH_BASE. */
  base: string;
  port: number;
  /** Who approves the next authorization. */
  profile: StandinProfile;
  /** When set, authorize redirects back with this error (e.g. access_denied) instead of a code. */
  denyWith: string | null;
  /** When set, the token endpoint answers with this status (e.g. 500) instead of a token. */
  tokenStatus: number | null;
  /** Requests received, for assertions: path, headers and form fields. */
  requests: { path: string; headers: http.IncomingHttpHeaders; form: Record<string, string> }[];
  close(): Promise<void>;
}

const PATH = '/w/rest.php/oauth2';
const b64url = (buf: Buffer) => buf.toString('base64url');

export async function startOAuthStandin(opts: {
  port?: number;
  clientId: string;
  clientSecret: string;
  profile?: StandinProfile;
}): Promise<OAuthStandin> {
  const codes = new Map<string, { challenge: string; redirectUri: string; profile: StandinProfile }>();
  const tokens = new Map<string, StandinProfile>();

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      standin.requests.push({ path: url.pathname, headers: req.headers, form });
      if (req.method === 'GET' && url.pathname === `${PATH}/authorize`) {
        const q = url.searchParams;
        const redirectUri = q.get('redirect_uri') ?? '';
        if (
          q.get('response_type') !== 'code' ||
          q.get('client_id') !== opts.clientId ||
          !redirectUri ||
          q.get('code_challenge_method') !== 'S256' ||
          !q.get('code_challenge')
        ) {
          return json(res, 400, { error: 'invalid_request' });
        }
        const back = new URL(redirectUri);
        if (standin.denyWith) {
          back.searchParams.set('error', standin.denyWith);
        } else {
          const code = b64url(randomBytes(16));
          codes.set(code, { challenge: q.get('code_challenge')!, redirectUri, profile: { ...standin.profile } });
          back.searchParams.set('code', code);
        }
        if (q.get('state')) back.searchParams.set('state', q.get('state')!);
        res.writeHead(302, { location: back.toString() });
        return res.end();
      }
      if (req.method === 'POST' && url.pathname === `${PATH}/access_token`) {
        if (standin.tokenStatus) return json(res, standin.tokenStatus, { error: 'server_error' });
        const grant = codes.get(form.code ?? '');
        codes.delete(form.code ?? '');
        const verifierOk =
          !!grant &&
          !!form.code_verifier &&
          b64url(createHash('sha256').update(form.code_verifier).digest()) === grant.challenge;
        if (
          form.grant_type !== 'authorization_code' ||
          form.client_id !== opts.clientId ||
          form.client_secret !== opts.clientSecret ||
          !grant ||
          form.redirect_uri !== grant.redirectUri ||
          !verifierOk
        ) {
          return json(res, 400, { error: 'invalid_grant' });
        }
        const accessToken = b64url(randomBytes(24));
        tokens.set(accessToken, grant.profile);
        return json(res, 200, {
          token_type: 'Bearer',
          expires_in: 14400,
          access_token: accessToken,
          refresh_token: b64url(randomBytes(24)),
        });
      }
      if (req.method === 'GET' && url.pathname === `${PATH}/resource/profile`) {
        const auth = req.headers.authorization ?? '';
        const profile = auth.startsWith('Bearer ') ? tokens.get(auth.slice(7)) : undefined;
        if (!profile) return json(res, 401, { error: 'invalid_token' });
        return json(res, 200, {
          editcount: 0,
          confirmed_email: true,
          blocked: false,
          registered: '20200101000000',
          groups: ['*', 'user'],
          rights: ['read'],
          ...profile,
        });
      }
      json(res, 404, { error: 'not_found' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const standin: OAuthStandin = {
    base: `http://127.0.0.1:${port}${PATH}`,
    port,
    profile: opts.profile ?? { sub: '4242', username: 'Wiki Tester' },
    denyWith: null,
    tokenStatus: null,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standin;
}
