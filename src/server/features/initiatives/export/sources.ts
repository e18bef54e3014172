// The sources an initiative used, for its wikitext export. The sources feature keeps them and reads
// initiatives through this feature's index, so it hands its reader in here at registration (importing its
// index from here would make a cycle); until then an export has no sources.
import type { Db } from '../../../db/connection';

export interface UsedSource {
  /** The source as a citation template ({{cite book |…}}), safe inside wikitext. */
  citation: string;
  /** The leads' note, as they typed it. */
  note: string;
}

type SourcesReader = (db: Db, initiativeId: number) => Promise<UsedSource[]>;

let reader: SourcesReader = () => Promise.resolve([]);

export function registerInitiativeSourcesReader(read: SourcesReader): void {
  reader = read;
}

export const usedSourcesOf = (db: Db, initiativeId: number): Promise<UsedSource[]> => reader(db, initiativeId);
