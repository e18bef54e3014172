// A DOI looked up by content negotiation: its resolver answers CSL-JSON when asked for it (Crossref, DataCite and
// mEDRA all do), which csl.ts reads like an imported entry.
import type { Config } from '../../../config';
import { cslToRecordInput, type CslItem } from '../exchange/csl';
import { baseOf, getJson, lookupFailed, lookupNotFound } from './fetch';

/** The DOI in a resolver's path: each segment escaped, its slashes kept (`10.1000/a;b` → `10.1000/a%3Bb`). */
const doiPath = (doi: string) => doi.split('/').map(encodeURIComponent).join('/');

export async function lookupDoi(config: Config, doi: string): Promise<Record<string, unknown>> {
  const base = baseOf(config.lookups.doiBase);
  const data = await getJson(config, `${base}/${doiPath(doi)}`, 'application/vnd.citationstyles.csl+json');
  if (data === null) throw lookupNotFound();
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw lookupFailed();
  const input = cslToRecordInput(data as CslItem);
  // The DOI asked for, as asked: the resolver may answer another spelling of it.
  return { ...input, identifiers: { ...(input.identifiers as object), doi } };
}
