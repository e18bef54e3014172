// Copies Codex's stylesheets into the built assets under a versioned name (so they can be cached for good) and
// writes brotli and gzip copies of every asset, which the server sends to browsers that accept them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const assets = path.join(root, process.env.LDN_DIST_DIR ?? 'dist', 'client/assets');
const codexDir = path.join(root, 'node_modules/@wikimedia/codex');
const { version } = JSON.parse(fs.readFileSync(path.join(codexDir, 'package.json'), 'utf8'));
for (const dir of ['ltr', 'rtl']) {
  const from = path.join(codexDir, 'dist', dir === 'rtl' ? 'codex.style-rtl.css' : 'codex.style.css');
  fs.copyFileSync(from, path.join(assets, `codex-${version}-${dir}.css`));
}
for (const name of fs.readdirSync(assets)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue;
  const file = path.join(assets, name);
  const data = fs.readFileSync(file);
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
}
