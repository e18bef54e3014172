// A document as a file: Markdown with Translate's markers (what admins edit whole, and what POST /documents reads
// back), or wikitext for Meta-Wiki. The source (English, the default) as wikitext is a Translate page: every unit
// inside <translate> with its <!--T:n--> marker, so importing it keeps the ids; export then import is the
// identity. In another language, each unit in that language or the next of its fallback chain, as a reader sees
// it: Markdown keeps the markers (the ids translators share), wikitext is the page as Meta shows a translation,
// without markers. The title (unit 0) is the file's name, not a unit of the file: POST /documents takes it apart.
import type { Ctx } from '../../../http/context';
import { writeMarked } from '../../../text/units';
import { markdownToWikitext, writeTranslatePage } from '../../../text/wikitext';
import { readDocument } from '../reading/service';
import { SOURCE_LANGUAGE } from '../schema';
import { TITLE_UNIT } from '../source/apply';
import { currentUnits } from '../source/repo';
import { loadDocument } from '../source/service';
import { getAdaptation } from '../adaptations/service';

export type ExportFormat = 'md' | 'wikitext';

export interface ExportFile {
  filename: string;
  contentType: string;
  text: string;
}

/** The units of a document in a language: the source's own, or as readers of that language see them. */
async function unitsIn(ctx: Ctx, slug: string, language: string): Promise<{ id: number; text: string }[]> {
  if (language === SOURCE_LANGUAGE) {
    const doc = await loadDocument(ctx.db, slug);
    const units = await currentUnits(ctx.db, doc.id);
    return units.filter((u) => u.unit_id !== TITLE_UNIT).map((u) => ({ id: u.unit_id, text: u.text }));
  }
  const shown = await readDocument(ctx, slug, language, undefined);
  return shown.units.filter((u) => u.id !== String(TITLE_UNIT)).map((u) => ({ id: Number(u.id), text: u.text }));
}

/** A document as a file in a format and a language (the source by default). Anyone who may read it may download it. */
export async function exportDocument(
  ctx: Ctx,
  slug: string,
  lang: string | undefined,
  format: ExportFormat,
): Promise<ExportFile> {
  const language = lang ?? SOURCE_LANGUAGE;
  const units = await unitsIn(ctx, slug, language);
  const filename = `${slug}.${language}.${format}`;
  if (format === 'md') return { filename, contentType: 'text/markdown; charset=utf-8', text: writeMarked(units) };
  const text =
    language === SOURCE_LANGUAGE
      ? writeTranslatePage(units)
      : `<languages/>\n${units.map((u) => markdownToWikitext(u.text)).join('\n\n')}\n`;
  return { filename, contentType: 'text/plain; charset=utf-8', text };
}

/**
 * An adaptation as a file: its units as its group reads them (dropped ones left out, its own ones in their
 * place), as Markdown with markers (base units keep the document's ids, the group's own have theirs) or as
 * wikitext for the group's wiki page. Not a Translate page: an adaptation is a local text, not a translation
 * source. Anyone who may read it may download it.
 */
export async function exportAdaptation(ctx: Ctx, idParam: string, format: ExportFormat): Promise<ExportFile> {
  const a = await getAdaptation(ctx, idParam);
  const units = a.units
    .filter((u) => u.state !== 'dropped' && Number(u.id) !== TITLE_UNIT)
    .map((u) => ({ id: Number(u.id), text: u.text }));
  const filename = `${a.base.document.slug}.${a.community.slug}.${a.language}.${format}`;
  if (format === 'md') return { filename, contentType: 'text/markdown; charset=utf-8', text: writeMarked(units) };
  const text = `${units.map((u) => markdownToWikitext(u.text)).join('\n\n')}\n`;
  return { filename, contentType: 'text/plain; charset=utf-8', text };
}
