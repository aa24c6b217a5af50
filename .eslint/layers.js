/**
 * The parts of the system and what each may import: the one list the `layers/imports` lint rule reads
 * (ARCHITECTURE.md draws it). A part names the workspace packages it may use and whether it runs on the server.
 * Imports go downward only: domain ← contracts ← db ← server; contracts ← realtime-client ← browser apps.
 */
export const parts = [
  // The domain's one library is a pure calculator (recurrence rules); it does no I/O.
  { name: 'domain', root: 'packages/domain', packages: [], pure: true, libraries: ['rrule'] },
  { name: 'contracts', root: 'packages/contracts', packages: ['domain'] },
  { name: 'db', root: 'packages/db', packages: ['domain'], server: true },
  { name: 'testing', root: 'packages/testing', packages: [], server: true },
  // PDFs and chart SVGs are drawn on the server only; the apps draw charts from the same specs in the domain.
  { name: 'documents', root: 'packages/documents', packages: ['domain'], server: true },
  { name: 'ui', root: 'packages/ui', packages: ['domain'] },
  { name: 'realtime-client', root: 'packages/realtime-client', packages: ['domain', 'contracts'] },
  { name: 'server', root: 'apps/server', packages: ['domain', 'contracts', 'db', 'documents', 'testing'], server: true },
  { name: 'kiosk', root: 'apps/kiosk', packages: ['domain', 'contracts', 'realtime-client', 'ui'] },
  { name: 'console', root: 'apps/console', packages: ['domain', 'contracts', 'realtime-client', 'ui'] },
  { name: 'wallboard', root: 'apps/wallboard', packages: ['domain', 'realtime-client', 'ui'] },
  { name: 'bench', root: 'bench', packages: ['domain', 'contracts', 'documents', 'testing'], server: true },
  // End-to-end tests find elements by the words the apps show, so they may read the apps' message catalogs.
  { name: 'e2e', root: 'e2e', packages: ['testing'], server: true, reach: ['apps/', 'playwright.config'] },
];

/** Inside the server: the platform is generic machinery and knows no module. */
export const serverLayers = [{ from: 'apps/server/src/platform/', mayNotReach: ['apps/server/src/modules/'] }];

/** Third-party packages that touch the database, the network as a server, or the file system's secrets. */
export const serverOnly = ['drizzle-orm', 'pg', 'postgres', '@electric-sql/pglite', 'socket.io', 'fastify', 'pino'];
const serverOnlyPrefixes = ['@fastify/', 'drizzle-orm/', 'socket.io/'];

const workspace = '@clinicflow/';

const repoRoot = decodeURIComponent(new URL('..', import.meta.url).pathname).replace(/\/$/, '');

function partOf(file) {
  const rel = file.startsWith(repoRoot) ? file.slice(repoRoot.length + 1) : file;
  return { rel, part: parts.find((p) => rel === p.root || rel.startsWith(`${p.root}/`)) };
}

function resolveRelative(fromRel, spec) {
  const dir = fromRel.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '..') dir.pop();
    else if (seg !== '.') dir.push(seg);
  }
  return dir.join('/');
}

/** @type {import('eslint').Rule.RuleModule} */
const importsRule = {
  meta: { type: 'problem', schema: [], messages: { refused: '{{part}} may not import {{what}}: {{why}}' } },
  create(context) {
    const { rel, part } = partOf(context.filename);
    if (!part) return {};
    const check = (node, spec) => {
      const refuse = (what, why) => context.report({ node, messageId: 'refused', data: { part: part.name, what, why } });
      if (spec.startsWith(workspace)) {
        const name = spec.slice(workspace.length).split('/')[0];
        if (!part.packages.includes(name)) refuse(spec, `allowed: ${part.packages.join(', ') || 'no workspace package'}`);
        return;
      }
      if (spec.startsWith('.')) {
        const target = resolveRelative(rel, spec);
        const inside = [`${part.root}/`, ...(part.reach ?? [])].some((r) => `${target}/`.startsWith(r));
        if (!inside)
          refuse(spec, 'a relative import stays inside its own package');
        for (const layer of serverLayers)
          if (rel.startsWith(layer.from) && layer.mayNotReach.some((p) => target.startsWith(p)))
            refuse(spec, `${layer.from} is generic machinery and knows no module`);
        return;
      }
      const bare = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (part.pure && (spec.startsWith('node:') || !['fast-check', 'vitest', ...(part.libraries ?? [])].includes(bare)))
        refuse(spec, 'the domain is pure: no I/O, framework or library (tests may use vitest and fast-check)');
      else if (!part.server && (serverOnly.includes(bare) || serverOnlyPrefixes.some((p) => spec.startsWith(p))))
        refuse(spec, 'browser code never imports server-only packages');
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, String(node.source.value)),
    };
  },
};

export const layersPlugin = { rules: { imports: importsRule } };
