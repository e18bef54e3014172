// banana-i18n carries data for every MediaWiki language: fallback chains (5 KB), digit tables and grammar
// classes for a dozen languages. The browser only ever formats the interface languages (the server sends each
// page's messages already merged with their fallbacks), so the client build keeps those languages' entries only:
// about two kilobytes less on every first visit. The server keeps the whole library.
import fs from 'node:fs';
import type { Plugin } from 'vite';
import { UI_LANGUAGES } from '../../src/contracts/languages';

const DIR = /banana-i18n\/src\/languages\//;
const keep = new Set<string>(UI_LANGUAGES);

const pick = (file: string) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>).filter(([k]) => keep.has(k)),
    ),
  );

/** The languages' index: only the grammar classes of interface languages (and the default one). */
function pickClasses(file: string): string {
  const source = fs.readFileSync(file, 'utf8');
  const classes = [...source.matchAll(/^\s*(\w+): (\w+),?$/gm)]
    .filter(([, code]) => code === 'default' || keep.has(code!))
    .map(([, code, name]) => ({ code: code!, name: name! }));
  const imports = classes.map(({ name }) => new RegExp(`^import ${name} from '[^']+'$`, 'm').exec(source)?.[0] ?? '');
  return `${imports.join('\n')}\nexport default { ${classes.map((c) => `${c.code}: ${c.name}`).join(', ')} }\n`;
}

export function bananaForUiLanguages(): Plugin {
  return {
    name: 'banana-for-ui-languages',
    enforce: 'pre',
    // The package's sources, file by file (its bundle holds the data inline, where no hook can reach it).
    config: () => ({ resolve: { alias: [{ find: /^banana-i18n$/, replacement: 'banana-i18n/src/index.js' }] } }),
    load(id, options) {
      if (options?.ssr || !DIR.test(id)) return null;
      const file = id.split('?')[0]!;
      if (file.endsWith('/fallbacks.json') || file.endsWith('/digit-transform.json')) return pick(file);
      if (file.endsWith('/languages/index.js')) return pickClasses(file);
      return null;
    },
  };
}
