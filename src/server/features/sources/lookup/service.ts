// "Add by identifier": a DOI, an ISBN or a Wikidata id filled into an unsaved record, with the sources already in
// the database that it would repeat. Signed-in people only (the route's policy): a lookup asks another service.
import type { SourceLookup } from '../../../../contracts/sources';
import type { Ctx } from '../../../http/context';
import { badRequest } from '../../../http/errors';
import { readLookupIdentifier } from '../identifiers';
import { lookupDoi } from './doi';
import { findDuplicates } from './duplicates';
import { lenientRecord } from './lenient';
import { lookupIsbn } from './openlibrary';
import type { LookupBody } from './schema';
import { lookupWikidata } from './wikidata';

/** POST /sources/lookup: signed in (checked by the route's policy); writes nothing. */
export async function lookupSource(ctx: Ctx, body: LookupBody): Promise<SourceLookup> {
  const id = readLookupIdentifier(body.identifier);
  if (!id) throw badRequest([{ field: 'identifier', message: 'sources-identifier-unknown' }]);
  const raw =
    id.type === 'doi'
      ? await lookupDoi(ctx.config, id.value)
      : id.type === 'isbn'
        ? await lookupIsbn(ctx.config, id.value)
        : await lookupWikidata(ctx.config, id.value, ctx.lang);
  const record = lenientRecord(raw);
  return { record, duplicates: await findDuplicates(ctx.db, record) };
}
