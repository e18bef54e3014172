// The three OAuth 2.0 endpoints of Wikimedia (DOMAIN.md): authorize (browser redirect), access_token and
// resource/profile (server to server, with Node's fetch). Nothing here touches the database.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../../../config';

const TIMEOUT_MS = 10_000;

/** A PKCE pair (RFC 7636): the verifier stays on the server, the S256 challenge goes to authorize. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const callbackUrl = (config: Config) => `${config.baseUrl}/auth/wikimedia/callback`;

/** Wikimedia asks API clients for a descriptive User-Agent with a way to reach the operator. */
export const userAgent = (config: Config) =>
  `LDN-platform/0.1 (${config.baseUrl}; Leadership Development Network platform)`;

export function authorizeUrl(config: Config, state: string, challenge: string): string {
  const url = new URL(`${config.wikimedia.base}/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.wikimedia.clientId ?? '',
    redirect_uri: callbackUrl(config),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** A failure of Wikimedia's side (unreachable, an error status, an answer we cannot read). */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly step: 'token' | 'profile',
    readonly status?: number,
  ) {
    super(message);
  }
}

const tokenAnswer = z.object({ access_token: z.string().min(1), token_type: z.string().optional() });

export const wikimediaProfile = z.object({
  sub: z.union([z.string().min(1), z.number()]).transform(String),
  username: z.string().min(1).max(255),
  blocked: z.boolean().optional(),
  editcount: z.number().optional(),
});
export type WikimediaProfile = z.infer<typeof wikimediaProfile>;

async function readJson(res: Response, step: 'token' | 'profile'): Promise<unknown> {
  if (!res.ok) throw new ProviderError(`${step} endpoint answered ${res.status}`, step, res.status);
  try {
    return await res.json();
  } catch {
    throw new ProviderError(`${step} endpoint answered something that is not JSON`, step, res.status);
  }
}

export async function exchangeCode(config: Config, code: string, verifier: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${config.wikimedia.base}/access_token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': userAgent(config),
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: callbackUrl(config),
        client_id: config.wikimedia.clientId ?? '',
        client_secret: config.wikimedia.clientSecret ?? '',
        code_verifier: verifier,
      }).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new ProviderError(`token endpoint unreachable: ${(err as Error).message}`, 'token');
  }
  const parsed = tokenAnswer.safeParse(await readJson(res, 'token'));
  if (!parsed.success) throw new ProviderError('token endpoint answered without an access token', 'token');
  return parsed.data.access_token;
}

export async function fetchProfile(config: Config, accessToken: string): Promise<WikimediaProfile> {
  let res: Response;
  try {
    res = await fetch(`${config.wikimedia.base}/resource/profile`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', 'user-agent': userAgent(config) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new ProviderError(`profile endpoint unreachable: ${(err as Error).message}`, 'profile');
  }
  const parsed = wikimediaProfile.safeParse(await readJson(res, 'profile'));
  if (!parsed.success) throw new ProviderError('profile answer lacks sub or username', 'profile');
  return parsed.data;
}
