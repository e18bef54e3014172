// Import boundaries of the house (docs/ARCHITECTURE.md):
// - a server feature reaches another feature only through that feature's public module (features/<f>/index.ts);
// - a web feature reaches another web feature only through its public module too (src/web/features/<f>/index.ts)
//   its page components (*.vue) and its routes, which the router and layouts compose;
// - the web never imports the server; the server imports the web only where pages render (src/server/pages/);
// - contracts import neither.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

// Tests and their helpers may reach into any feature.
const TEST_SUPPORT = /(\.test$|\.test\.ts$|(^|\/|-)testing(\.ts)?$|\/testing\/|test-helpers(\.ts)?$)/;

function featureOf(file, side) {
  const m = new RegExp(`^src/${side}/features/([^/]+)/(.*)$`).exec(file);
  return m ? { name: m[1], rest: m[2] } : null;
}

function problem(from, to) {
  if (from.startsWith('src/web/') && to.startsWith('src/server/')) return 'The web never imports the server.';
  if (from.startsWith('src/contracts/') && (to.startsWith('src/server/') || to.startsWith('src/web/'))) {
    return 'Contracts import neither the server nor the web.';
  }
  if (from.startsWith('src/server/') && to.startsWith('src/web/') && !from.startsWith('src/server/pages/')) {
    return 'The server imports the web only where pages render (src/server/pages/).';
  }
  for (const side of ['server', 'web']) {
    const a = featureOf(from, side);
    const b = featureOf(to, side);
    if (!b || (a && a.name === b.name)) continue;
    // The database's table map (src/server/db/tables.ts) gathers every feature's tables.ts.
    if (side === 'server' && from.startsWith('src/server/db/') && b.rest === 'tables') continue;
    const publicModule =
      b.rest === 'index' ||
      b.rest === 'index.ts' ||
      b.rest === '' ||
      // A web feature's routes may be split by part (sources/imports/routes.ts): the router composes each.
      (side === 'web' && (b.rest === 'routes' || b.rest.endsWith('/routes') || b.rest.endsWith('.vue')));
    if (!publicModule)
      return `Another feature is reached through its public module: import from '${path.posix.join('src', side, 'features', b.name)}' (its index.ts).`;
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'import boundaries between features, server, web and contracts' },
    schema: [],
  },
  create(context) {
    const from = rel(context.filename);
    if (!from.startsWith('src/') || TEST_SUPPORT.test(from)) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = rel(path.resolve(path.dirname(context.filename), spec)).replace(/\.(ts|js)$/, '');
      const message = TEST_SUPPORT.test(to) ? null : problem(from, to);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
