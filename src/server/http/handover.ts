// A page is rendered with the data its route loads through the JSON API, in-process (pages/plugin.ts). Each of
// those calls is a request of its own: left alone it would look the visitor's session up again (a query per
// call) and count against their rate limit as if they had made it. Instead the page's request hands its
// identity over for as long as it renders: its API calls carry a random key that only this process knows,
// and take the identity it stands for. A key from outside (a guess, or one whose page is done) stands for
// nothing, and such a request is authenticated as any other.

import type { FastifyRequest } from 'fastify';
import type { CurrentUser, SessionInfo } from './context';
import type { ContentScope } from './content-cache';
import { pooledRandomBytes } from './random';

export const HANDOVER_HEADER = 'x-ldn-handover';

export interface Identity {
  user: CurrentUser | null;
  session: SessionInfo | null;
  authVia: 'cookie' | 'token' | null;
  /** The content scopes the calls' answers show (their routes' `contentScope`): what a kept page is kept under. */
  shows?: Set<ContentScope>;
  /** A form sent without JavaScript whose CSRF field the page's request checked: its API call needs no header. */
  formChecked?: boolean;
}

const identities = new Map<string, Identity>();

/** Hands the request's identity over to the calls made while `use` runs. */
export async function withHandover<T>(
  req: FastifyRequest,
  use: (key: string) => Promise<T>,
  shows?: Set<ContentScope>,
  formChecked = false,
): Promise<T> {
  const key = pooledRandomBytes(18).toString('base64url');
  identities.set(key, { user: req.user, session: req.session, authVia: req.authVia, shows, formChecked });
  try {
    return await use(key);
  } finally {
    identities.delete(key);
  }
}

/** The identity a request was handed, if it carries a live key. */
export function handedOver(req: FastifyRequest): Identity | undefined {
  const key = req.headers[HANDOVER_HEADER];
  return typeof key === 'string' ? identities.get(key) : undefined;
}
