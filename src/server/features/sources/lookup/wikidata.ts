// A Wikidata item looked up through `Special:EntityData/{id}.json`: its title (P1476, else its label), authors
// (P50 items, whose labels a second request reads through `w/api.php?action=wbgetentities`, and P2093 author name
// strings), publication date (P577), publisher (P123), ISBN (P212, P957), DOI (P356), address (P953 full work,
// P856 official website), language (P407) and what it is (P31) for the kind.
import type { SourceAuthor, SourceKind } from '../../../../contracts/sources';
import type { Config } from '../../../config';
import { HttpError } from '../../../http/errors';
import { baseOf, getJson, lookupFailed, lookupNotFound } from './fetch';
import { splitName } from './openlibrary';

type Claims = Record<string, { mainsnak?: { datavalue?: { value?: unknown } } }[] | undefined>;
interface Entity {
  id?: string;
  labels?: Record<string, { value?: string } | undefined>;
  claims?: Claims;
}

/** Instances (P31) that name a kind; anything else is a book when it has an ISBN, else an article or a website. */
const KIND_OF_CLASS: Record<string, SourceKind> = {
  Q571: 'book',
  Q7725634: 'book',
  Q47461344: 'book',
  Q3331189: 'book',
  Q13442814: 'article',
  Q191067: 'article',
  Q5707594: 'article',
  Q23927052: 'paper',
  Q1980247: 'chapter',
  Q11424: 'video',
  Q34508: 'video',
  Q24634210: 'podcast',
  Q35127: 'website',
  Q861911: 'talk',
  Q1143604: 'talk',
};

/** Languages of work (P407) by item: the interface's languages and a few more; others are left for the person. */
const LANGUAGE_OF_ITEM: Record<string, string> = {
  Q1860: 'en',
  Q1321: 'es',
  Q150: 'fr',
  Q7737: 'ru',
  Q13955: 'ar',
  Q1568: 'hi',
  Q188: 'de',
  Q652: 'it',
  Q5146: 'pt',
  Q7850: 'zh',
  Q5287: 'ja',
  Q9027: 'sv',
  Q7411: 'nl',
  Q809: 'pl',
  Q256: 'tr',
  Q9610: 'bn',
  Q1617: 'ur',
  Q7838: 'sw',
  Q9043: 'id',
};

const values = (claims: Claims, property: string): unknown[] =>
  (claims[property] ?? []).map((c) => c.mainsnak?.datavalue?.value).filter((v) => v !== undefined);
const strings = (claims: Claims, property: string) =>
  values(claims, property).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
const itemIds = (claims: Claims, property: string) =>
  values(claims, property)
    .map((v) => (v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string' && /^Q\d+$/.test(id));

function labelOf(e: Entity | undefined, lang: string): string | undefined {
  const labels = e?.labels ?? {};
  return labels[lang]?.value ?? labels.en?.value ?? Object.values(labels).find((l) => l?.value)?.value;
}

/** The labels of items (authors, publisher) in one request; none when it fails (the record is still filled). */
async function labels(config: Config, base: string, ids: string[], lang: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!ids.length) return found;
  const q = new URLSearchParams({
    action: 'wbgetentities',
    ids: ids.slice(0, 50).join('|'),
    props: 'labels',
    languages: [...new Set([lang, 'en'])].join('|'),
    languagefallback: '1',
    format: 'json',
  });
  try {
    const data = (await getJson(config, `${base}/w/api.php?${q}`)) as { entities?: Record<string, Entity> } | null;
    for (const [id, e] of Object.entries(data?.entities ?? {})) {
      const label = labelOf(e, lang);
      if (label) found.set(id, label);
    }
  } catch (err) {
    // A timeout stays a timeout; anything else leaves the labels out.
    if (err instanceof HttpError && err.status === 504) throw err;
  }
  return found;
}

export async function lookupWikidata(config: Config, id: string, lang: string): Promise<Record<string, unknown>> {
  const base = baseOf(config.lookups.wikidataBase);
  const data = await getJson(config, `${base}/wiki/Special:EntityData/${id}.json`);
  if (data === null) throw lookupNotFound();
  const entities = (data as { entities?: Record<string, Entity> } | undefined)?.entities;
  if (!entities || typeof entities !== 'object') throw lookupFailed();
  // A merged item answers with the item it was merged into, under that id.
  const entity = entities[id] ?? Object.values(entities)[0];
  if (!entity) throw lookupNotFound();
  const claims = entity.claims ?? {};
  const authorItems = itemIds(claims, 'P50');
  const publisherItem = itemIds(claims, 'P123')[0];
  const names = await labels(config, base, [...authorItems, ...(publisherItem ? [publisherItem] : [])], lang);
  const authors: SourceAuthor[] = [
    ...authorItems.map((a) => names.get(a)).filter((n): n is string => !!n),
    ...strings(claims, 'P2093'),
  ].map(splitName);
  const title = values(claims, 'P1476')
    .map((v) => (v && typeof v === 'object' ? (v as { text?: unknown }).text : undefined))
    .find((t): t is string => typeof t === 'string');
  const date = values(claims, 'P577')
    .map((v) => (v && typeof v === 'object' ? (v as { time?: unknown }).time : undefined))
    .find((t): t is string => typeof t === 'string');
  const year = date ? /^([+-]\d{1,4})-/.exec(date)?.[1] : undefined;
  const isbn = strings(claims, 'P212')[0] ?? strings(claims, 'P957')[0] ?? null;
  const doi = strings(claims, 'P356')[0] ?? null;
  const kind =
    itemIds(claims, 'P31')
      .map((c) => KIND_OF_CLASS[c])
      .find(Boolean) ?? (isbn ? 'book' : doi ? 'article' : 'website');
  return {
    kind,
    title: title ?? labelOf(entity, lang) ?? '',
    authors,
    year: year ? Number(year) : null,
    publisher: publisherItem ? (names.get(publisherItem) ?? null) : null,
    languages: [
      ...new Set(
        itemIds(claims, 'P407')
          .map((l) => LANGUAGE_OF_ITEM[l])
          .filter(Boolean),
      ),
    ],
    identifiers: {
      isbn,
      doi,
      url: strings(claims, 'P953')[0] ?? strings(claims, 'P856')[0] ?? null,
      wikidata: entity.id && /^Q\d+$/.test(entity.id) ? entity.id : id,
    },
    access: 'open',
    summary: '',
    skills: [],
  };
}
