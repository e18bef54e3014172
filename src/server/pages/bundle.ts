// The built web bundle: the server renderer and the manifests that name the browser's files.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RenderResult } from '../../web/entry-server';
import type { PageState } from '../../contracts/page-state';
import type { Api } from '../../web/api';
import { repoRoot } from '../paths';

// LDN_DIST_DIR lets parallel checkouts of the tests build apart; it defaults to dist/.
export const distDir = path.resolve(repoRoot, process.env.LDN_DIST_DIR ?? 'dist');

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

/** A stylesheet of Codex's for each direction. */
export interface CodexCss {
  ltr: string;
  rtl: string;
}

export interface WebBundle {
  render(url: string, state: PageState, messages: Record<string, string>, api: Api): Promise<RenderResult>;
  entryScript: string;
  entryCss: string[];
  /** Preload links for the modules a page rendered. */
  preloadsFor(modules: string[]): { scripts: string[]; css: string[] };
  /**
   * The Codex rules a page whose scripts are these can show (scripts/codex-css.mjs): the cut made for its route's
   * chunk, the entry's when no route chunk rendered, the whole stylesheet when it cannot tell.
   */
  codexCssFor(scripts: string[]): CodexCss;
  /** Codex's whole stylesheet, which the browser moves to when it leaves the first page. */
  codexCssAll: CodexCss;
}

export async function loadWebBundle(dir = distDir): Promise<WebBundle> {
  const serverEntry = path.join(dir, 'server/entry-server.js');
  const manifestFile = path.join(dir, 'client/.vite/manifest.json');
  if (!fs.existsSync(serverEntry) || !fs.existsSync(manifestFile)) {
    throw new Error(`The web bundle is not built (${serverEntry} is missing). Run: npm run build`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const ssrManifest = JSON.parse(fs.readFileSync(path.join(dir, 'client/.vite/ssr-manifest.json'), 'utf8')) as Record<
    string,
    string[]
  >;
  const entry = Object.values(manifest).find((c) => c.isEntry);
  if (!entry) throw new Error('no entry in the web manifest');
  const { render } = (await import(pathToFileURL(serverEntry).href)) as { render: WebBundle['render'] };
  const entryCss = (entry.css ?? []).map((f) => `/${f}`);
  const codexCssAll = codexCssWhole();
  const cuts = JSON.parse(fs.readFileSync(path.join(dir, 'client/.vite/codex-css.json'), 'utf8')) as {
    entry: CodexCss;
    chunks: Record<string, CodexCss>;
  };
  return {
    render,
    entryScript: `/${entry.file}`,
    entryCss,
    preloadsFor(modules) {
      const scripts = new Set<string>();
      const css = new Set<string>();
      for (const m of modules) {
        for (const file of ssrManifest[m] ?? []) {
          if (file.endsWith('.js')) scripts.add(file);
          else if (file.endsWith('.css') && !entryCss.includes(file)) css.add(file);
        }
      }
      return { scripts: [...scripts], css: [...css] };
    },
    codexCssFor(scripts) {
      let cut: CodexCss | undefined;
      for (const script of scripts) {
        const c = cuts.chunks[script];
        // Two route chunks on one page: no cut was made for the pair.
        if (c && cut && c.ltr !== cut.ltr) return codexCssAll;
        cut ??= c;
      }
      return cut ?? cuts.entry;
    },
    codexCssAll,
  };
}

/** Codex's whole stylesheets, copied into the assets under the version's name by scripts/precompress.mjs. */
function codexCssWhole(): CodexCss {
  const { version } = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'node_modules/@wikimedia/codex/package.json'), 'utf8'),
  ) as { version: string };
  return { ltr: `/assets/codex-${version}-ltr.css`, rtl: `/assets/codex-${version}-rtl.css` };
}
