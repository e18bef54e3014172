// Outgoing requests of "Add by identifier": one GET with the platform's User-Agent (the catalogues ask for one that
// names the client and a way to reach its operator), given up after the configured time. Failures become the
// lookup's problem answers (DECISIONS 16): nothing found 404, no answer in time 504, a catalogue turned off
// (its base set empty) 503, an error or an unreadable answer from the catalogue 502.
import type { Config } from '../../../config';
import { HttpError } from '../../../http/errors';

const TITLE = 'sources-lookup-title';
export const lookupNotFound = () => new HttpError(404, TITLE, { detailKey: 'sources-lookup-not-found' });
export const lookupUnavailable = () => new HttpError(503, TITLE, { detailKey: 'sources-lookup-unavailable' });
export const lookupTimeout = () => new HttpError(504, TITLE, { detailKey: 'sources-lookup-timeout' });
export const lookupFailed = () => new HttpError(502, TITLE, { detailKey: 'sources-lookup-failed' });

/** Who is asking, as Wikimedia's and Crossref's etiquette want it: the software and the instance's address. */
export const userAgent = (config: Config) =>
  `LDN-platform/0.1 (${config.baseUrl}; Leadership Development Network platform)`;

/** The base of a catalogue, or a 503 when it is turned off. */
export function baseOf(base: string | null): string {
  if (!base) throw lookupUnavailable();
  return base;
}

/**
 * GET `url` and read its JSON; null when the catalogue says it has nothing (404, 410). The time limit covers the
 * whole exchange, body included, so a catalogue that answers slowly is given up as one that never answers.
 */
export async function getJson(config: Config, url: string, accept = 'application/json'): Promise<unknown> {
  const signal = AbortSignal.timeout(config.lookups.timeoutMs);
  try {
    const res = await fetch(url, { headers: { accept, 'user-agent': userAgent(config) }, signal, redirect: 'follow' });
    if (res.status === 404 || res.status === 410) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw lookupFailed();
    }
    const text = await res.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw lookupFailed();
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    if (signal.aborted) throw lookupTimeout();
    throw lookupFailed();
  }
}
